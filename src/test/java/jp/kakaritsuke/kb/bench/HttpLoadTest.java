package jp.kakaritsuke.kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the benchmark's HTTP units report an answer other than 200, and measure one side alone, against a real HTTP
 * server on the loopback interface answering as the application's endpoint and Fuseki do.
 */
class HttpLoadTest {

    private static HttpServer server;
    private static String origin;
    private static final AtomicInteger ANSWERED = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, "{\"head\":{},\"results\":{\"bindings\":[]}}"));
        // As the application's /sparql refuses an answer over its size limit.
        server.createContext(
                "/too-large",
                exchange -> answer(
                        exchange,
                        413,
                        "413 Content Too Large: the answer is larger than the limit of this endpoint"
                                + " (kb.sparql.max-result-size = 16777216 bytes)."));
        // A Japanese answer: more bytes than characters.
        server.createContext("/timeout", exchange -> answer(exchange, 503, "問い合わせが時間切れになりました\n詳細"));
        server.start();
        origin = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        ANSWERED.incrementAndGet();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** What one query to {@code path} of the local server throws. */
    private static RuntimeException failureOf(String path) {
        return assertThrows(
                RuntimeException.class,
                () -> HttpLoad.query(origin + path, "SELECT * {}", "application/sparql-results+json")
                        .run());
    }

    @Test
    void anAnswerOverTheLimitIsNamedByItsStatusAndReason() {
        RuntimeException failure = failureOf("/too-large");
        assertInstanceOf(HttpLoad.StatusFailure.class, failure);
        assertEquals("HTTP 413 Content Too Large", HttpLoad.shortFailure(failure));
        assertTrue(failure.getMessage().contains("kb.sparql.max-result-size"), failure.getMessage());
    }

    @Test
    void aJapaneseAnswerIsCutByCharactersNotBytes() {
        RuntimeException failure = failureOf("/timeout");
        assertEquals("HTTP 503 問い合わせが時間切れになりました", HttpLoad.shortFailure(failure));
    }

    @Test
    void oneSideAloneIsMeasuredForTheRoundsAskedAndNoMore() {
        int before = ANSWERED.get();
        HttpLoad.Samples samples = HttpLoad.alone(
                HttpLoad.query(origin + "/ok", "SELECT * {}", "application/sparql-results+json"),
                1,
                3,
                5,
                Duration.ofSeconds(30));
        // One warm-up, then rounds until the budget (30 s, far off) or the maximum of 5.
        assertEquals(5, samples.millis().size());
        assertEquals(6, ANSWERED.get() - before);
        assertTrue(samples.millis().stream().allMatch(m -> m >= 0));
        assertTrue(samples.percentile(50) <= samples.percentile(95));
    }

    @Test
    void aSideThatFailsAloneFailsAtItsFirstRequest() {
        int before = ANSWERED.get();
        RuntimeException failure = assertThrows(
                RuntimeException.class,
                () -> HttpLoad.alone(
                        HttpLoad.query(origin + "/too-large", "SELECT * {}", "application/sparql-results+json"),
                        1,
                        3,
                        15,
                        Duration.ofSeconds(30)));
        assertEquals("HTTP 413 Content Too Large", HttpLoad.shortFailure(failure));
        assertEquals(1, ANSWERED.get() - before);
    }
}
