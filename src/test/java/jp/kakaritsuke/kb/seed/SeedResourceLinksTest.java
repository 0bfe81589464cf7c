package jp.kakaritsuke.kb.seed;

import static jp.kakaritsuke.kb.seed.SeedData.iri;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's links to {@code kkres:function-report-results} are exactly the four measures whose text builds on the
 * family-doctor function report: 時間外診療 方策②, 入退院支援 方策①, 在宅医療 方策① and 医介連携 方策②.
 */
class SeedResourceLinksTest {

    private static final Var GRAPH = Var.alloc("g");
    private static final Var USER = Var.alloc("user");

    private static DatasetGraph seed;

    @BeforeAll
    static void load() {
        seed = SeedData.load();
    }

    @AfterAll
    static void close() {
        seed.close();
    }

    @Test
    void exactlyFourMeasuresUseTheFunctionReportResults() {
        ResultSetRewindable actual = SeedData.select(seed, """
                SELECT ?g ?user WHERE {
                  GRAPH ?g { ?user kk:usesResource kkres:function-report-results }
                }
                """);
        ResultSetRewindable measures = SeedData.select(seed, """
                SELECT ?g ?user WHERE {
                  GRAPH ?g { ?user kk:usesResource kkres:function-report-results ; a kk:Measure }
                }
                """);

        ResultSet expected = ResultSet.adapt(RowSetStream.create(
                List.of(GRAPH, USER),
                List.of(
                                row("mhlw-2025-f2-i", 2),
                                row("mhlw-2025-f2-ro", 1),
                                row("mhlw-2025-f2-ha", 1),
                                row("mhlw-2025-f2-ni", 2))
                        .iterator()));
        ResultSetRewindable expectedRows = ResultSetFactory.copyResults(expected);

        assertTrue(
                ResultSetCompare.equalsByTerm(expectedRows, actual),
                () -> "users of kkres:function-report-results:\n" + table(actual));
        expectedRows.reset();
        assertTrue(
                ResultSetCompare.equalsByTerm(expectedRows, measures),
                () -> "measures using kkres:function-report-results:\n" + table(measures));
    }

    private static Binding row(String slug, int measure) {
        return BindingFactory.binding(
                GRAPH, SeedData.worksheetGraph(slug), USER, iri("id/worksheet/" + slug + "/measure/" + measure));
    }

    private static String table(ResultSetRewindable results) {
        results.reset();
        return ResultSetFormatter.asText(results);
    }
}
