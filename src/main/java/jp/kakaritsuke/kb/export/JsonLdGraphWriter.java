package jp.kakaritsuke.kb.export;

import java.io.OutputStream;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.RDF;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes named graphs one after another as one JSON-LD document in expanded form: a top-level array with one
 * {@code {"@id": graph, "@graph": [...]}} object per graph. Jena's JSON-LD writers need the whole dataset in
 * memory; this writer holds one graph at a time, so an export in JSON-LD needs no more memory than the largest
 * graph. Expanded form has no {@code @context}: every IRI is written in full, which any JSON-LD processor reads.
 */
final class JsonLdGraphWriter implements AutoCloseable {

    private final JsonGenerator json;

    JsonLdGraphWriter(OutputStream out) {
        this.json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(out);
        json.writeStartArray();
    }

    /** Appends one named graph; its subjects are written in IRI order, so the same graph gives the same bytes. */
    void graph(String name, Graph graph) {
        json.writeStartObject();
        json.write("@id", name);
        json.writeStartArray("@graph");
        graph.find().mapWith(Triple::getSubject).toSet().stream()
                .sorted((a, b) -> id(a).compareTo(id(b)))
                .forEach(subject -> node(subject, graph));
        json.writeEnd();
        json.writeEnd();
    }

    private void node(Node subject, Graph graph) {
        json.writeStartObject();
        json.write("@id", id(subject));
        var types = graph.find(subject, RDF.type.asNode(), Node.ANY).toList();
        if (!types.isEmpty()) {
            json.writeStartArray("@type");
            types.forEach(t -> json.write(id(t.getObject())));
            json.writeEnd();
        }
        graph.find(subject, Node.ANY, Node.ANY).mapWith(Triple::getPredicate).toSet().stream()
                .filter(p -> !p.equals(RDF.type.asNode()))
                .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
                .forEach(p -> {
                    json.writeStartArray(p.getURI());
                    graph.find(subject, p, Node.ANY).forEachRemaining(t -> value(t.getObject()));
                    json.writeEnd();
                });
        json.writeEnd();
    }

    private void value(Node o) {
        json.writeStartObject();
        if (o.isLiteral()) {
            json.write("@value", o.getLiteralLexicalForm());
            String lang = o.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                json.write("@language", lang);
            } else if (!XSDDatatype.XSDstring.getURI().equals(o.getLiteralDatatypeURI())) {
                json.write("@type", o.getLiteralDatatypeURI());
            }
        } else {
            json.write("@id", id(o));
        }
        json.writeEnd();
    }

    /** IRIs as they are; blank nodes by their store label, encoded so that it is a valid blank node identifier. */
    private static String id(Node node) {
        return node.isBlank() ? "_:" + NodeFmtLib.encodeBNodeLabel(node.getBlankNodeLabel()) : node.getURI();
    }

    /** Ends the document and flushes it; the output stream stays open (it belongs to the caller). */
    @Override
    public void close() {
        json.writeEnd();
        json.flush();
    }
}
