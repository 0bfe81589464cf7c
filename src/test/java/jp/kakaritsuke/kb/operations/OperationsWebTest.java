package jp.kakaritsuke.kb.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import jp.kakaritsuke.kb.search.FullTextIndex;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The operations endpoints of the running application: health for probes (open, details for administrators, the
 * store and the text index in readiness), metrics for administrators only (the application's own meters among them),
 * and the request id and request log line. The text index is put out of step with the store by writing beside it,
 * as a crash between the two would, and readiness must say so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsWebTest {

    private static final String ADMIN = "admin:dev-admin-2026";
    private static final String EDITOR = "editor13:dev-editor-2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tdb2;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> tdb2.toString());
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.data.include-evidence", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeStore store;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String credentials, String requestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        return get(path, credentials, null);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void probesReadHealthWithoutCredentialsAndAdministratorsSeeItsParts() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertEquals(200, anonymous.statusCode(), path);
            assertEquals("UP", json(anonymous).path("status").asString(), path);
            assertFalse(json(anonymous).has("components"), path + " shows no parts to anonymous clients");
        }

        JsonNode readiness = json(get("/actuator/health/readiness", ADMIN));
        assertEquals("UP", readiness.at("/components/store/status").asString());
        assertEquals("UP", readiness.at("/components/textIndex/status").asString());
        long indexed =
                readiness.at("/components/textIndex/details/indexedTexts").asLong();
        assertTrue(indexed > 0, "the shipped data has texts to index");
        assertEquals(
                indexed,
                readiness.at("/components/textIndex/details/storedTexts").asLong());
        assertEquals(FullTextIndex.size(tdb().datasetGraph()), indexed, "the figure is the index's own count");
    }

    @Test
    void readinessFailsWhileTheTextIndexDisagreesWithTheStore() throws Exception {
        DatasetGraph underTheIndex = ((DatasetGraphText) tdb().datasetGraph()).getWrapped();
        Quad unindexed = Quad.create(
                NodeFactory.createURI("urn:test:operations"),
                NodeFactory.createURI("urn:test:operations#thing"),
                RDFS.label.asNode(),
                NodeFactory.createLiteralLang("索引の外で書かれた名前", "ja"));
        Txn.executeWrite(underTheIndex, () -> underTheIndex.add(unindexed));
        try {
            HttpResponse<String> anonymous = get("/actuator/health/readiness", null);
            assertEquals(503, anonymous.statusCode());
            assertEquals("DOWN", json(anonymous).path("status").asString());
            JsonNode detail = json(get("/actuator/health/readiness", ADMIN));
            assertEquals("DOWN", detail.at("/components/textIndex/status").asString());
            assertEquals(
                    detail.at("/components/textIndex/details/indexedTexts").asLong() + 1,
                    detail.at("/components/textIndex/details/storedTexts").asLong());
            assertEquals("UP", detail.at("/components/store/status").asString());
            assertEquals(200, get("/actuator/health/liveness", null).statusCode(), "the process itself is alive");
        } finally {
            Txn.executeWrite(underTheIndex, () -> underTheIndex.delete(unindexed));
        }
        assertEquals(200, get("/actuator/health/readiness", null).statusCode());
    }

    @Test
    void metricsAreForAdministratorsAndCarryTheApplicationsOwnMeters() throws Exception {
        assertEquals(401, get("/actuator/metrics", null).statusCode());
        assertEquals(403, get("/actuator/metrics", EDITOR).statusCode());
        assertEquals(401, get("/actuator/prometheus", null).statusCode());

        // Pages that ask the store, twice: the second time from the cache.
        for (int i = 0; i < 2; i++) {
            assertEquals(200, get("/functions", null).statusCode());
        }
        HttpResponse<String> list = get("/actuator/metrics", ADMIN);
        assertEquals(200, list.statusCode());
        Set<String> names = new HashSet<>();
        json(list).path("names").forEach(n -> names.add(n.asString()));
        assertTrue(
                names.containsAll(Set.of(
                        "http.server.requests",
                        "kb.store.requests",
                        "kb.cache.requests",
                        "kb.cache.hit.ratio",
                        "kb.cache.entries",
                        "kb.text.index.texts")),
                names::toString);

        JsonNode hits = json(get("/actuator/metrics/kb.cache.requests?tag=result:hit", ADMIN));
        assertTrue(hits.at("/measurements/0/value").asDouble() > 0, hits::toString);
        JsonNode selects = json(get("/actuator/metrics/kb.store.requests?tag=operation:select", ADMIN));
        assertTrue(selects.at("/measurements/0/value").asDouble() > 0, selects::toString);
        JsonNode texts = json(get("/actuator/metrics/kb.text.index.texts", ADMIN));
        assertEquals(
                FullTextIndex.size(tdb().datasetGraph()),
                texts.at("/measurements/0/value").asLong());

        HttpResponse<String> prometheus = get("/actuator/prometheus", ADMIN);
        assertEquals(200, prometheus.statusCode());
        assertTrue(prometheus.body().contains("kb_store_requests_seconds_count{"), "store timings are scraped");
        assertTrue(prometheus.body().contains("http_server_requests_seconds_bucket{"), "request timings as histogram");
    }

    @Test
    void everyRequestHasAnIdThatItsLogLineCarries(CapturedOutput output) throws Exception {
        HttpResponse<String> given = get("/functions", null, "proxy-given.id_42");
        assertEquals(
                "proxy-given.id_42", given.headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> unfit = get("/functions", null, "<script>alert(1)</script>");
        String replaced = unfit.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(replaced.matches("[0-9a-f]{16}"), replaced);

        HttpResponse<String> missing = get("/no/such/page", null);
        assertEquals(404, missing.statusCode());
        String missingId = missing.headers().firstValue("X-Request-Id").orElseThrow();

        HttpResponse<String> signedIn = get("/actuator/metrics", ADMIN);
        String signedInId = signedIn.headers().firstValue("X-Request-Id").orElseThrow();

        assertTrue(output.getOut().contains("GET /functions 200 "), "a line per request");
        assertTrue(output.getOut().contains("user=admin id=" + signedInId), "the line names who asked");
        assertTrue(output.getOut().contains("id=proxy-given.id_42"));
        assertTrue(output.getOut().contains("id=" + replaced));
        assertTrue(output.getOut().contains("GET /no/such/page 404 "));
        assertTrue(output.getOut().contains("id=" + missingId));
        assertFalse(output.getOut().contains("<script>alert(1)</script>"), "an unfit client id is not logged");
    }

    @Test
    void aBrokenPercentEncodingIsABadRequestNotAServerError() throws Exception {
        for (String path :
                new String[] {"/areas?x=%zz", "/search?q=%E5%zz", "/causes?function=%", "/query?query=%zz"}) {
            assertEquals(400, rawStatus(path), path);
        }
    }

    /** The status of a GET sent as written: Java's HTTP client refuses to send a malformed URI at all. */
    private int rawStatus(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private TdbKnowledgeStore tdb() {
        return (TdbKnowledgeStore) CachingKnowledgeStore.unwrap(store);
    }
}
