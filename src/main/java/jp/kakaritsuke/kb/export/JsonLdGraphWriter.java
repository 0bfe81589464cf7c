package jp.kakaritsuke.kb.export;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes named graphs one after another as one JSON-LD document in expanded form: a top-level array with one
 * {@code {"@id": graph, "@graph": [...]}} object per graph. Jena's JSON-LD writer needs the whole dataset in memory,
 * so each graph is written by it on its own (as a dataset of that one graph) and Jackson streams the outer array:
 * an export in JSON-LD needs no more memory than the largest graph. Expanded form has no {@code @context}: every
 * IRI is written in full, which any JSON-LD processor reads.
 */
final class JsonLdGraphWriter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JsonGenerator json;

    JsonLdGraphWriter(OutputStream out) {
        this.json = JSON.writerWithDefaultPrettyPrinter().createGenerator(out);
        json.writeStartArray();
    }

    /** Appends one named graph, as Jena's JSON-LD 1.1 writer writes it in expanded form. */
    void graph(String name, Graph graph) {
        DatasetGraph one = DatasetGraphFactory.create();
        one.addGraph(NodeFactory.createURI(name), graph);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RDFWriter.source(one).format(RDFFormat.JSONLD11_PLAIN).output(buffer);
        // The writer wraps the named graph in {"@graph": [...]}; its elements are what the outer array holds.
        for (JsonNode element : JSON.readTree(buffer.toByteArray()).path("@graph")) {
            json.writeTree(element);
        }
    }

    /** Ends the document and flushes it; the output stream stays open (it belongs to the caller). */
    @Override
    public void close() {
        json.writeEndArray();
        json.flush();
    }
}
