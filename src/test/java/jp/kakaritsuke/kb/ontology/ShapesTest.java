package jp.kakaritsuke.kb.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.testdata.ShippedRdf;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACLM;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Validates data with the shapes of ontology/shapes.ttl over the union of the data and the ontology: all shipped
 * data must conform, and each fixture of src/test/resources/shapes/ must produce exactly the report it expects.
 *
 * <p>A fixture is a TriG file whose graph {@code <expected-report>} holds the expected sh:ValidationReport: its
 * sh:conforms and, per expected result, the sh:focusNode, sh:sourceShape and (for a plain property path)
 * sh:resultPath. The other graphs are the data. The fixture passes when the report has exactly these results, each
 * with a message in Japanese and in English.
 */
class ShapesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/shapes");
    private static final Node EXPECTED_REPORT_GRAPH = NodeFactory.createURI(ShippedRdf.BASE + "expected-report");

    private static Shapes shapes;

    @BeforeAll
    static void parseShapes() {
        shapes = ShippedRdf.shapes();
    }

    @Test
    void shippedDataConforms() {
        DatasetGraph dataset = ShippedRdf.newUnionDataset();
        try {
            ShippedRdf.load(dataset, ShippedRdf.dataFiles());
            ValidationReport report = ShaclValidator.get().validate(shapes, ShippedRdf.unionCopy(dataset));
            if (!report.conforms()) {
                fail("shipped data (ontology ∪ data/**/*.trig) does not conform to " + ShippedRdf.SHAPES_FILE + ", "
                        + report.getEntries().size() + " result(s):\n" + turtle(report.getModel()));
            }
        } finally {
            dataset.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureGivesTheReportItExpects() {
        List<Path> fixtures = ShippedRdf.rdfFiles(FIXTURES);
        assertFalse(fixtures.isEmpty(), "no fixtures under " + FIXTURES);
        return fixtures.stream()
                .map(fixture ->
                        DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> assertFixture(fixture)));
    }

    @Test
    void everyShapeHasJapaneseAndEnglishMessagesAndEveryPropertyShapeNames() {
        Model shapesModel = ModelFactory.createModelForGraph(shapes.getGraph());
        List<String> problems = new ArrayList<>();
        Set<Resource> constraintHolders = new HashSet<>();
        constraintHolders.addAll(
                shapesModel.listSubjectsWithProperty(RDF.type, SHACLM.NodeShape).toList());
        constraintHolders.addAll(shapesModel
                .listSubjectsWithProperty(RDF.type, SHACLM.PropertyShape)
                .toList());
        constraintHolders.addAll(
                shapesModel.listSubjectsWithProperty(SHACLM.path).toList());
        for (Resource holder : constraintHolders) {
            if (!hasJaAndEn(holder, SHACLM.message)) {
                problems.add(holder + ": sh:message needs @ja and @en");
            }
            if (holder.hasProperty(SHACLM.path) && !hasJaAndEn(holder, SHACLM.name)) {
                problems.add(holder + ": sh:name needs @ja and @en");
            }
        }
        assertTrue(constraintHolders.size() > 50, "the shapes file looks truncated: " + constraintHolders.size());
        assertEquals(List.of(), problems);
    }

    private static void assertFixture(Path fixture) {
        Validated validated = validateFixture(fixture);
        Model expected = validated.expected();
        Resource expectedReport = expected.listSubjectsWithProperty(RDF.type, SHACLM.ValidationReport)
                .nextOptional()
                .orElseThrow(
                        () -> new AssertionError(fixture + ": graph <expected-report> holds no sh:ValidationReport"));
        boolean expectedConforms =
                expectedReport.getRequiredProperty(SHACLM.conforms).getBoolean();

        Set<String> wanted = new TreeSet<>();
        expectedReport.listProperties(SHACLM.result).forEach(s -> {
            Resource r = s.getResource();
            Resource path = r.getPropertyResourceValue(SHACLM.resultPath);
            wanted.add(entry(
                    r.getRequiredProperty(SHACLM.focusNode).getObject().asNode(),
                    r.getRequiredProperty(SHACLM.sourceShape).getObject().asNode(),
                    path == null ? null : path.asNode()));
        });
        Set<String> found = new TreeSet<>();
        validated
                .report()
                .getEntries()
                .forEach(e -> found.add(entry(e.focusNode(), e.source(), simplePath(e.resultPath()))));

        String reportText = "\nreport:\n" + turtle(validated.report().getModel());
        assertEquals(expectedConforms, validated.report().conforms(), fixture + ": sh:conforms" + reportText);
        assertEquals(wanted, found, fixture + ": results (focus node | source shape | result path)" + reportText);
        assertEveryResultHasJapaneseAndEnglishMessages(validated.report().getModel(), reportText);
    }

    /** The editor shows the message in the user's language, so every result must carry both. */
    private static void assertEveryResultHasJapaneseAndEnglishMessages(Model report, String reportText) {
        for (Resource result : report.listResourcesWithProperty(RDF.type, SHACLM.ValidationResult)
                .toList()) {
            assertTrue(
                    hasJaAndEn(result, SHACLM.resultMessage),
                    "result " + result + " lacks a @ja or @en sh:resultMessage" + reportText);
        }
    }

    private static Validated validateFixture(Path fixture) {
        DatasetGraph dataset = ShippedRdf.newUnionDataset();
        try {
            ShippedRdf.load(dataset, List.of(fixture));
            Model expected = ModelFactory.createDefaultModel();
            Txn.executeWrite(dataset, () -> {
                dataset.getGraph(EXPECTED_REPORT_GRAPH).find().forEachRemaining(expected.getGraph()::add);
                dataset.removeGraph(EXPECTED_REPORT_GRAPH);
            });
            Graph data = ShippedRdf.unionCopy(dataset);
            return new Validated(ShaclValidator.get().validate(shapes, data), expected);
        } finally {
            dataset.close();
        }
    }

    private static Node simplePath(org.apache.jena.sparql.path.Path path) {
        return path instanceof P_Link link ? link.getNode() : null;
    }

    private static String entry(Node focus, Node shape, Node path) {
        return focus + " | " + shape + " | " + (path == null ? "-" : path.toString());
    }

    private static boolean hasJaAndEn(Resource subject, Property property) {
        Set<String> languages = subject.listProperties(property).toList().stream()
                .filter(s -> s.getObject().isLiteral())
                .map(s -> s.getObject().as(Literal.class).getLanguage())
                .collect(Collectors.toSet());
        return languages.contains("ja") && languages.contains("en");
    }

    private static String turtle(Model model) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, model, Lang.TURTLE);
        return out.toString();
    }

    private record Validated(ValidationReport report, Model expected) {}
}
