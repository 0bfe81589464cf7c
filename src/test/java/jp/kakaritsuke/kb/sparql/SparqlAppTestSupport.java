package jp.kakaritsuke.kb.sparql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;

/** HTTP and RDF helpers shared by the full-application tests of the SPARQL service. */
final class SparqlAppTestSupport {

    static final String KASEI = "http://kasei.us/2009/09/sparql/data/";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SparqlAppTestSupport() {}

    /** Loads the W3C protocol tests' graphs data1–data3 as named graphs named as the tests name them. */
    static void loadW3cGraphs(KnowledgeStore store) {
        DatasetGraph graphs = DatasetGraphFactory.createTxnMem();
        for (int n = 1; n <= 3; n++) {
            try (InputStream in = SparqlAppTestSupport.class.getResourceAsStream("/w3c-protocol/data" + n + ".nt")) {
                graphs.addGraph(
                        NodeFactory.createURI(KASEI + "data" + n + ".rdf"),
                        RDFParser.source(in).lang(Lang.NTRIPLES).toGraph());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        store.replaceGraphs(graphs);
    }

    static HttpResponse<byte[]> send(
            int port, String method, String pathAndQuery, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> get(int port, String pathAndQuery, String accept) {
        return send(port, "GET", pathAndQuery, null, null, accept);
    }

    static HttpResponse<byte[]> post(int port, String pathAndQuery, String contentType, String body) {
        return send(port, "POST", pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Type")
                .orElse("")
                .split(";")[0]
                .trim();
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Parses a SPARQL results body by its Content-Type (JSON, XML, CSV, TSV). */
    static SPARQLResult results(HttpResponse<byte[]> response) {
        Lang lang = RDFLanguages.contentTypeToLang(contentType(response));
        assertTrue(lang != null, "no results syntax for " + contentType(response));
        return ResultsReader.create().lang(lang).build().readAny(new ByteArrayInputStream(response.body()));
    }

    static boolean booleanAnswer(HttpResponse<byte[]> response) {
        SPARQLResult result = results(response);
        assertTrue(result.isBoolean(), "not a boolean result: " + text(response));
        return result.getBooleanResult();
    }

    /** Parses an RDF body by its Content-Type. */
    static Graph graph(HttpResponse<byte[]> response) {
        Lang lang = RDFLanguages.contentTypeToLang(contentType(response));
        assertTrue(lang != null && RDFLanguages.isTriples(lang), "not an RDF syntax: " + contentType(response));
        return RDFParser.source(new ByteArrayInputStream(response.body()))
                .lang(lang)
                .toGraph();
    }

    static boolean is2xxOr3xx(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 400;
    }

    static boolean is4xx(HttpResponse<?> response) {
        return response.statusCode() >= 400 && response.statusCode() < 500;
    }

    static final String FORM = WebContent.contentTypeHTMLForm;
    static final String SPARQL_QUERY = WebContent.contentTypeSPARQLQuery;
    static final String SPARQL_UPDATE = WebContent.contentTypeSPARQLUpdate;
}
