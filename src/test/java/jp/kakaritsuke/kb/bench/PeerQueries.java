package jp.kakaritsuke.kb.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQuery;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.QueryParameter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The query texts the benchmarks send: every named query of {@code queries/} with its parameters bound to values
 * that exist at every scale (the seed worksheet on out-of-hours care, 1号機能, Tokyo, a widely used resource), and
 * capped at the public endpoint's row limit, so that our endpoint and Fuseki do exactly the same work.
 */
final class PeerQueries {

    static final String BASE = "http://localhost:8080/";
    static final int ROW_CAP = 10_000;
    static final String WORKSHEET_SLUG = "mhlw-2025-f2-i";
    static final String RESOURCE_ID = "exchange-forum";
    static final String FUNCTION_ID = "f1";

    /** A value for every required parameter of the named queries, on the benchmark's data. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("function", "https://w3id.org/kakaritsuke/function/" + FUNCTION_ID),
            Map.entry("resource", "https://w3id.org/kakaritsuke/resource/" + RESOURCE_ID),
            Map.entry("actor", "https://w3id.org/kakaritsuke/actor/clinic"),
            Map.entry("worksheet", BASE + "id/worksheet/" + WORKSHEET_SLUG),
            Map.entry("worksheetGraph", BASE + "graph/worksheet/" + WORKSHEET_SLUG),
            Map.entry("graph", BASE + "graph/worksheet/" + WORKSHEET_SLUG),
            Map.entry("sources", BASE + "graph/evidence/sources"),
            Map.entry("excluded", BASE + "graph/system"),
            Map.entry("cause", BASE + "id/worksheet/" + WORKSHEET_SLUG + "/cause/1"),
            Map.entry("item", BASE + "id/worksheet/" + WORKSHEET_SLUG + "/cause/1"),
            Map.entry("measure", BASE + "id/worksheet/" + WORKSHEET_SLUG + "/measure/1"),
            Map.entry("causeType", "https://w3id.org/kakaritsuke/cause-type/provider-shortage"),
            Map.entry("measureType", "https://w3id.org/kakaritsuke/measure-type/training"),
            Map.entry("area", BASE + "id/area/pref/13"),
            Map.entry("prefecture", BASE + "id/area/pref/13"),
            Map.entry("zone", BASE + "id/area/kousou/R7/1309"),
            Map.entry("anyFunction", "false"),
            Map.entry("anyArea", "false"),
            Map.entry("needle", "在宅"),
            Map.entry("luceneQuery", "text_ja:(\"在宅\")"),
            Map.entry("limit", "100"),
            Map.entry("lang", "ja"));

    private final NamedQueryCatalog catalog = new NamedQueryCatalog();

    /** Every named query by name, as the text to send. */
    Map<String, String> all() {
        Map<String, String> texts = new LinkedHashMap<>();
        catalog.all().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(q -> texts.put(q.name(), text(q.name(), Map.of())));
        return texts;
    }

    /** The text of named query {@code name} with its required parameters (and {@code overrides}) bound. */
    String text(String name, Map<String, String> overrides) {
        NamedQuery named = catalog.get(name);
        Map<String, String> values = new HashMap<>();
        for (QueryParameter param : named.params()) {
            if (!param.optional() || overrides.containsKey(param.name())) {
                String value = overrides.getOrDefault(param.name(), VALUES.get(param.name()));
                if (value == null) {
                    throw new IllegalStateException("No benchmark value for parameter " + param.name() + " of " + name);
                }
                values.put(param.name(), value);
            }
        }
        QuerySolutionMap bindings = named.bindings(values, BASE);
        Map<Var, Node> substitution = new HashMap<>();
        bindings.varNames()
                .forEachRemaining(
                        v -> substitution.put(Var.alloc(v), bindings.get(v).asNode()));
        Query query = QueryTransformOps.syntaxSubstitute(named.query(), substitution);
        if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > ROW_CAP)) {
            query.setLimit(ROW_CAP);
        }
        return query.serialize();
    }

    /** Whether a named query answers with a graph (CONSTRUCT) rather than rows. */
    boolean isGraph(String name) {
        return catalog.get(name).isConstruct();
    }

    /** The named graphs the worksheet page copies besides running {@code worksheet-context}. */
    static List<String> worksheetPageGraphs() {
        return List.of(
                BASE + "graph/worksheet/" + WORKSHEET_SLUG,
                BASE + "graph/template",
                BASE + "graph/sources",
                "https://w3id.org/kakaritsuke/ontology");
    }
}
