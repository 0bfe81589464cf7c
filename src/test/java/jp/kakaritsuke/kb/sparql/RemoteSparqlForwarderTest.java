package jp.kakaritsuke.kb.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Remote mode: /sparql forwards the protocol request to the remote query endpoint (a local stand-in here). */
class RemoteSparqlForwarderTest {

    private static final String RESULTS = "{ \"head\": {}, \"boolean\": true }";

    private HttpServer remote;
    private ExecutorService remoteThreads;
    private final AtomicReference<String> seenMethod = new AtomicReference<>();
    private final AtomicReference<String> seenQuery = new AtomicReference<>();
    private final AtomicReference<String> seenContentType = new AtomicReference<>();
    private final AtomicReference<String> seenAccept = new AtomicReference<>();
    private final AtomicReference<String> seenPath = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startRemote() throws IOException {
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remoteThreads = Executors.newFixedThreadPool(2);
        remote.setExecutor(remoteThreads);
        remote.createContext("/ds/sparql", this::answer);
        remote.createContext("/ds/data", exchange -> {
            seenPath.set(exchange.getRequestURI().getPath());
            answer(exchange);
        });
        remote.createContext("/slow/sparql", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange);
        });
        remote.start();
    }

    @AfterEach
    void stopRemote() throws InterruptedException {
        release.countDown();
        remote.stop(0);
        remoteThreads.shutdown();
        if (!remoteThreads.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stand-in remote store did not stop");
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        seenMethod.set(exchange.getRequestMethod());
        seenQuery.set(exchange.getRequestURI().getRawQuery());
        seenContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        seenAccept.set(exchange.getRequestHeaders().getFirst("Accept"));
        seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = RESULTS.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private RemoteSparqlForwarder forwarder(String dataset, Duration timeout) {
        String base = "http://127.0.0.1:" + remote.getAddress().getPort() + "/" + dataset;
        return new RemoteSparqlForwarder(URI.create(base + "/sparql"), URI.create(base + "/data"), timeout);
    }

    @Test
    void aGetIsForwardedWithItsQueryStringAndTheAnswerStreamedBack() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sparql");
        request.setQueryString("query=ASK%20%7B%7D&default-graph-uri=urn%3Ax");
        request.addHeader("Accept", "application/sparql-results+json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        forwarder("ds", Duration.ofSeconds(5)).doFilter(request, response, new MockFilterChain());
        assertEquals("GET", seenMethod.get());
        assertEquals("query=ASK%20%7B%7D&default-graph-uri=urn%3Ax", seenQuery.get());
        assertEquals("application/sparql-results+json", seenAccept.get());
        assertEquals(200, response.getStatus());
        assertEquals("application/sparql-results+json; charset=utf-8", response.getHeader("Content-Type"));
        assertEquals(RESULTS, response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void graphStoreReadsOfANamedGraphGoToTheGraphStoreEndpoint() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sparql");
        request.setQueryString("graph=urn%3Ax");
        request.addParameter("graph", "urn:x");
        request.addHeader("Accept", "text/turtle");
        MockHttpServletResponse response = new MockHttpServletResponse();
        forwarder("ds", Duration.ofSeconds(5)).doFilter(request, response, new MockFilterChain());
        assertEquals("/ds/data", seenPath.get());
        assertEquals("graph=urn%3Ax", seenQuery.get());
        assertEquals("text/turtle", seenAccept.get());
        assertEquals(200, response.getStatus());
    }

    @Test
    void theDefaultGraphIsTheUnionServedByTheApplicationNotTheStore() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sparql");
        request.setQueryString("default");
        request.addParameter("default", "");
        MockHttpServletResponse response = new MockHttpServletResponse();
        // The front filter sorts before the forwarder and answers the request itself.
        new SparqlFrontFilter(null)
                .doFilter(
                        request,
                        response,
                        new MockFilterChain(new HttpServlet() {}, forwarder("ds", Duration.ofSeconds(5))));
        assertEquals(303, response.getStatus());
        assertEquals(SparqlFrontFilter.UNION_DUMP, response.getHeader("Location"));
        assertNull(seenMethod.get(), "the remote store is not asked");
    }

    @Test
    void aDirectPostIsForwardedWithItsBodyAndContentType() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sparql");
        request.setContentType("application/sparql-query");
        request.setContent("ASK {}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        forwarder("ds", Duration.ofSeconds(5)).doFilter(request, response, new MockFilterChain());
        assertEquals("POST", seenMethod.get());
        assertEquals("application/sparql-query", seenContentType.get());
        assertEquals("ASK {}", seenBody.get());
        assertNull(seenQuery.get());
        assertEquals(200, response.getStatus());
    }

    @Test
    void otherMethodsAreRefusedWithoutAskingTheRemoteStore() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/sparql");
        MockHttpServletResponse response = new MockHttpServletResponse();
        forwarder("ds", Duration.ofSeconds(5)).doFilter(request, response, new MockFilterChain());
        assertEquals(405, response.getStatus());
        assertNull(seenMethod.get());
    }

    @Test
    void anUnreachableRemoteStoreAnswers502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RemoteSparqlForwarder toNowhere = new RemoteSparqlForwarder(
                URI.create("http://127.0.0.1:" + closedPort + "/ds/sparql"),
                URI.create("http://127.0.0.1:" + closedPort + "/ds/data"),
                Duration.ofSeconds(5));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sparql");
        request.setQueryString("query=ASK%7B%7D");
        MockHttpServletResponse response = new MockHttpServletResponse();
        toNowhere.doFilter(request, response, new MockFilterChain());
        assertEquals(502, response.getStatus());
    }

    @Test
    void aRemoteStoreSlowerThanTheTimeoutAnswers503() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sparql");
        request.setQueryString("query=ASK%7B%7D");
        MockHttpServletResponse response = new MockHttpServletResponse();
        forwarder("slow", Duration.ofMillis(300)).doFilter(request, response, new MockFilterChain());
        assertEquals(503, response.getStatus());
    }
}
