package jp.kakaritsuke.kb.ontology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.testdata.ShippedRdf;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the ontology checks (ontology/checks/*-violation.rq, which must return no rows) over the ontology and all
 * shipped data, and proves each check on a fixture that breaks it (src/test/resources/checks/{check}.trig, with the
 * rows it must find in {check}.srj).
 */
class OntologyChecksTest {

    private static final Path FIXTURES = Path.of("src/test/resources/checks");
    private static final long TIMEOUT_SECONDS = 60;

    private static DatasetGraph shipped;

    @BeforeAll
    static void loadShippedData() {
        shipped = ShippedRdf.newUnionDataset();
        ShippedRdf.load(shipped, ShippedRdf.dataFiles());
    }

    @AfterAll
    static void closeStore() {
        shipped.close();
    }

    @TestFactory
    Stream<DynamicTest> shippedOntologyAndDataPassEveryCheck() {
        List<Path> checks = ShippedRdf.checkQueries();
        assertFalse(checks.isEmpty(), "no *-violation.rq under " + ShippedRdf.CHECKS_DIR);
        return checks.stream()
                .map(check -> DynamicTest.dynamicTest(check.getFileName().toString(), () -> {
                    ResultSetRewindable rows = run(check, shipped);
                    if (rows.size() > 0) {
                        fail(check + " found " + rows.size() + " violation(s):\n" + ResultSetFormatter.asText(rows));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyCheckFindsTheViolationsOfItsFixture() {
        return ShippedRdf.checkQueries().stream().map(check -> {
            String name = check.getFileName().toString().replaceFirst("\\.rq$", "");
            return DynamicTest.dynamicTest(name, () -> {
                Path fixture = FIXTURES.resolve(name + ".trig");
                Path expectedFile = FIXTURES.resolve(name + ".srj");
                assertTrue(
                        Files.isRegularFile(fixture) && Files.isRegularFile(expectedFile),
                        "every check needs a fixture that breaks it: " + fixture + " and " + expectedFile);
                DatasetGraph dataset = ShippedRdf.newUnionDataset();
                try {
                    ShippedRdf.load(dataset, List.of(fixture));
                    ResultSetRewindable actual = run(check, dataset);
                    ResultSetRewindable expected =
                            ResultSetFactory.makeRewindable(ResultSetMgr.read(expectedFile.toString()));
                    if (!ResultSetCompare.equalsByTerm(expected, actual)) {
                        expected.reset();
                        actual.reset();
                        fail(check + " on " + fixture + ": expected\n" + ResultSetFormatter.asText(expected)
                                + "but found\n" + ResultSetFormatter.asText(actual));
                    }
                } finally {
                    dataset.close();
                }
            });
        });
    }

    private static ResultSetRewindable run(Path check, DatasetGraph dataset) {
        Query query = QueryFactory.read(check.toString());
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset))
                    .query(query)
                    .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .build()) {
                ResultSet results = execution.execSelect();
                return ResultSetFactory.copyResults(results);
            }
        });
    }
}
