package jp.kakaritsuke.kb.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.kakaritsuke.kb.failure.HttpFailureException;
import jp.kakaritsuke.kb.web.rdf.CappedBody;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.springframework.http.HttpStatus;

/**
 * Reads one worksheet sent as RDF: checks the media type and the size before parsing, resolves relative IRIs against
 * the base IRI, and reports a syntax error with its line and column.
 */
final class RdfUpload {

    private RdfUpload() {}

    /** The body is not RDF in a supported syntax: 415. */
    static final class UnsupportedType extends HttpFailureException {
        UnsupportedType(String type) {
            super(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "error.unsupported",
                    "Unsupported content type " + type + "; send one of "
                            + Arrays.stream(RdfSyntax.values())
                                    .map(RdfSyntax::mediaType)
                                    .toList());
        }
    }

    /** The body is larger than allowed: 413. */
    static final class TooLarge extends HttpFailureException {
        TooLarge(long limit) {
            super(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "error.tooLarge",
                    "The request body is larger than " + limit + " bytes (kb.authoring.max-upload)");
        }
    }

    /** The body does not parse: 400, naming line and column. */
    static final class Malformed extends HttpFailureException {
        Malformed(String message) {
            super(HttpStatus.BAD_REQUEST, "error.badRequest", message);
        }
    }

    /** The RDF syntax of a content type, or {@link UnsupportedType}. */
    static Lang lang(String contentType) {
        return RdfSyntax.byContentType(contentType)
                .map(RdfSyntax::lang)
                .orElseThrow(
                        () -> new UnsupportedType(contentType == null ? "(none)" : contentType.split(";")[0].strip()));
    }

    /** Reads at most {@code limit} bytes, or throws {@link TooLarge}. */
    static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        return CappedBody.read(in, declaredLength, limit).orElseThrow(() -> new TooLarge(limit));
    }

    /**
     * Parses a worksheet. Triples may be in the default graph or in the worksheet's own graph
     * {@code graph/worksheet/{slug}}; any other named graph is refused, and so is a body nested deeper than the
     * {@link InputLimits} or, in RDF/XML, declaring external entities.
     */
    static Graph parse(byte[] body, Lang lang, String base, WorksheetNames names, InputLimits limits) {
        limits.check(body, lang).ifPresent(refusal -> {
            throw new Malformed(refusal.message());
        });
        DatasetGraph parsed = DatasetGraphFactory.create();
        try {
            RDFParser.fromString(new String(body, StandardCharsets.UTF_8), lang)
                    .base(base)
                    .errorHandler(new FailFast())
                    .parse(parsed);
        } catch (RiotException e) {
            throw new Malformed(e.getMessage());
        } catch (StackOverflowError e) {
            // A nesting the text scan does not count (it counts every syntax's usual brackets) went too deep.
            throw new Malformed("nested too deeply (kb.input.max-depth = " + limits.maxDepth() + ")");
        }
        Graph graph = GraphFactory.createDefaultGraph();
        parsed.getDefaultGraph().find().forEachRemaining(graph::add);
        for (var it = parsed.listGraphNodes(); it.hasNext(); ) {
            Node name = it.next();
            if (!name.isURI() || !name.getURI().equals(names.graph())) {
                throw new Malformed(
                        "The body may hold only the worksheet's own graph <" + names.graph() + ">, not <" + name + ">");
            }
            parsed.getGraph(name).find().forEachRemaining(graph::add);
        }
        return graph;
    }

    /** Stops at the first error, reporting its line and column. */
    private static final class FailFast implements ErrorHandler {

        @Override
        public void warning(String message, long line, long col) {
            // Warnings (an unusual IRI, say) do not make the worksheet unreadable; SHACL judges the content.
        }

        @Override
        public void error(String message, long line, long col) {
            throw new Malformed(position(message, line, col));
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new Malformed(position(message, line, col));
        }

        private static String position(String message, long line, long col) {
            return line > 0 ? "line " + line + ", column " + col + ": " + message : message;
        }
    }
}
