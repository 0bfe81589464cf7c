package jp.kakaritsuke.kb.ontology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.testdata.ShippedRdf;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every RDF file the repository ships (ontology/ and data/, Turtle and TriG) parses without a warning. */
class RdfFilesParseTest {

    @TestFactory
    Stream<DynamicTest> everyShippedRdfFileParses() {
        List<Path> files = Stream.concat(
                        ShippedRdf.rdfFiles(ShippedRdf.ONTOLOGY_DIR).stream(),
                        ShippedRdf.rdfFiles(ShippedRdf.DATA_DIR).stream())
                .toList();
        assertFalse(files.isEmpty(), "no RDF files found under " + ShippedRdf.ONTOLOGY_DIR.toAbsolutePath());
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
                    DatasetGraph parsed = DatasetGraphFactory.create();
                    try {
                        ShippedRdf.parse(file, StreamRDFLib.dataset(parsed));
                    } catch (RiotException e) {
                        fail(e.getMessage(), e);
                    }
                    assertFalse(parsed.isEmpty(), file + " holds no triples");
                }));
    }

    @Test
    void aBrokenFileIsReportedWithFileLineAndColumn() {
        Path broken = Path.of("src/test/resources/parse/missing-dot.ttl");
        Graph sink = GraphFactory.createDefaultGraph();
        RiotException e = assertThrows(RiotException.class, () -> ShippedRdf.parse(broken, StreamRDFLib.graph(sink)));
        assertTrue(e.getMessage().startsWith(broken + ":4:"), e.getMessage());
    }
}
