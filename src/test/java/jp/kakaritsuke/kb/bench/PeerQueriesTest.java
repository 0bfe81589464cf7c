package jp.kakaritsuke.kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's named-query step sends every named query with its required parameters bound: a query added with a
 * parameter the benchmark has no value for would stop the benchmark half-way, so every one is bound here.
 */
class PeerQueriesTest {

    @Test
    void everyNamedQueryIsBoundToAQueryThatParses() {
        Map<String, String> texts = new PeerQueries().all();
        assertEquals(new NamedQueryCatalog().all().size(), texts.size());
        texts.forEach((name, text) -> assertEquals(
                new NamedQueryCatalog().get(name).query().queryType(),
                QueryFactory.create(text).queryType(),
                name));
    }
}
