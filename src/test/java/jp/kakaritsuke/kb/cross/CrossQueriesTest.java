package jp.kakaritsuke.kb.cross;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.query.NamedQuery;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.testdata.ShippedRdf;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the cross-region views ask once the application is up, before any reader. */
class CrossQueriesTest {

    private static final List<String> FIRST_QUESTIONS = List.of(CrossQueries.FISCAL_YEARS, CrossQueries.FUNCTIONS);

    private final NamedQueryCatalog catalog = new NamedQueryCatalog();
    private final TdbKnowledgeStore store = TdbKnowledgeStore.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theYearsAndTheFunctionsAreHeldBeforeAnyPageAsksAndAreTheStoresAnswers() throws Exception {
        DatasetGraph data = DatasetGraphFactory.createTxnMem();
        // The worked examples and the synthetic worksheets: several functions, two fiscal years.
        ShippedRdf.load(
                data,
                Stream.of("seed", "demo")
                        .flatMap(dir -> ShippedRdf.rdfFiles(ShippedRdf.DATA_DIR.resolve(dir)).stream())
                        .toList());
        store.replaceGraphs(data);
        NamedQueryRunner direct = new NamedQueryRunner(catalog, store, Duration.ofSeconds(10), ShippedRdf.BASE);
        CachingKnowledgeStore cache = new CachingKnowledgeStore(store, 100_000, Duration.ZERO);
        try (NamedQueryRunner runner = new NamedQueryRunner(catalog, cache, Duration.ofSeconds(10), ShippedRdf.BASE)) {
            new CrossQueries(catalog, runner).askAhead().get(30, TimeUnit.SECONDS);

            for (String name : FIRST_QUESTIONS) {
                assertThat(held(cache, name)).as(name + " held").isTrue();
            }
            assertThat(cache.stats().misses()).isEqualTo(FIRST_QUESTIONS.size());

            for (String name : FIRST_QUESTIONS) {
                ResultSetRewindable page = runner.select(name, Map.of());
                ResultSetRewindable fromTheStore = direct.select(name, Map.of());
                assertThat(fromTheStore.size()).as(name).isPositive();
                assertThat(ResultSetCompare.equalsByTerm(page, fromTheStore))
                        .as(name)
                        .isTrue();
            }
            // The pages' own questions found the answers held: nothing more was asked of the store.
            assertThat(cache.stats().misses()).isEqualTo(FIRST_QUESTIONS.size());
            assertThat(cache.stats().hits()).isEqualTo(FIRST_QUESTIONS.size());
        }
    }

    private boolean held(CachingKnowledgeStore cache, String name) {
        NamedQuery query = catalog.get(name);
        return cache.holdsSelect(query.query(), query.bindings(Map.of(), ShippedRdf.BASE));
    }
}
