package jp.kakaritsuke.kb.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * What the browser should show, read from the same store the app serves: small SELECT queries with IRIs bound by
 * name, so each page check compares the page with the data rather than with numbers copied into the test.
 */
final class StoreFacts {

    private static final String PREFIXES = """
            PREFIX kk:   <https://w3id.org/kakaritsuke/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KnowledgeStore store;

    StoreFacts(KnowledgeStore store) {
        this.store = store;
    }

    /** The rows of {@code select} (kk: and rdfs: prefixes declared) with each variable of {@code iris} bound. */
    List<QuerySolution> rows(String select, Map<String, String> iris) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        iris.forEach((variable, iri) -> bindings.add(variable, ResourceFactory.createResource(iri)));
        List<QuerySolution> rows = new ArrayList<>();
        store.select(QueryFactory.create(PREFIXES + select), bindings, TIMEOUT).forEachRemaining(rows::add);
        return rows;
    }

    /** The number in the variable {@code n} of the single row of {@code select}. */
    long count(String select, Map<String, String> iris) {
        return rows(select, iris).get(0).getLiteral("n").getLong();
    }

    /** The lexical forms or IRIs of {@code column}, in the query's order. */
    List<String> column(String select, Map<String, String> iris, String column) {
        List<String> values = new ArrayList<>();
        for (QuerySolution row : rows(select, iris)) {
            var node = row.get(column);
            values.add(
                    node.isLiteral()
                            ? node.asLiteral().getLexicalForm()
                            : node.asResource().getURI());
        }
        return values;
    }
}
