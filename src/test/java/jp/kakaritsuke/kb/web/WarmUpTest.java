package jp.kakaritsuke.kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warm-up asks for its pages one after the other, each only once readers have paused. */
class WarmUpTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    /** When each page was asked for (System.nanoTime). */
    private final List<Long> askedAt = new CopyOnWriteArrayList<>();
    /** Whether each request was marked as background. */
    private final List<Boolean> marked = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            askedAt.add(System.nanoTime());
            marked.add(exchange.getRequestHeaders().containsKey(Foreground.BACKGROUND_HEADER));
            asked.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void aReadersRequestGoesFirst() throws Exception {
        Foreground foreground = new Foreground();
        HeldRequest reader = new HeldRequest(foreground, threads);
        WarmUp warmUp = new WarmUp(List.of("/", "/causes?function=f1", "not a path"), foreground);
        AtomicReference<Thread> warming = new AtomicReference<>();
        CompletableFuture<Void> done = CompletableFuture.runAsync(
                () -> {
                    warming.set(Thread.currentThread());
                    warmUp.warm("http://127.0.0.1:" + server.getAddress().getPort());
                },
                threads);
        // Waiting in Foreground.awaitQuiet (a timed wait on its condition) before the first page.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((warming.get() == null || warming.get().getState() != Thread.State.TIMED_WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.TIMED_WAITING, warming.get().getState(), "the warm-up waits");
        assertEquals(List.of(), asked, "nothing asked while the reader's request is answered");
        reader.answer();
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("/", "/causes?function=f1"), asked, "then every page of the list, in order");
        assertTrue(reader.answered());
    }

    /** When the application stops, the warm-up ends there: the pages it has not asked for are not asked for. */
    @Test
    void aStopEndsTheWarmUp() throws Exception {
        Foreground foreground = new Foreground();
        HeldRequest reader = new HeldRequest(foreground, threads);
        WarmUp warmUp = new WarmUp(List.of("/", "/causes"), foreground);
        CompletableFuture<Void> done = CompletableFuture.runAsync(
                () -> warmUp.warm("http://127.0.0.1:" + server.getAddress().getPort()), threads);
        warmUp.beforeStop();
        reader.answer();
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), asked);
    }

    /**
     * A reader going from page to page leaves no gap between requests: the warm-up waits until none has been answered
     * for its quiet time, and marks its own requests so that they do not count as a reader's.
     */
    @Test
    void theWarmUpWaitsForReadersToPause() throws Exception {
        Foreground foreground = new Foreground();
        Duration quiet = Duration.ofMillis(400);
        HeldRequest reader = new HeldRequest(foreground, threads);
        WarmUp warmUp = new WarmUp(List.of("/", "/causes"), foreground, quiet);
        CompletableFuture<Void> done = CompletableFuture.runAsync(
                () -> warmUp.warm("http://127.0.0.1:" + server.getAddress().getPort()), threads);
        long answered = System.nanoTime();
        reader.answer();
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("/", "/causes"), asked);
        assertTrue(
                askedAt.get(0) - answered >= quiet.toNanos(),
                "the first page was asked " + (askedAt.get(0) - answered) / 1_000_000
                        + " ms after the reader's request");
        assertEquals(List.of(true, true), marked, "each request of the warm-up is marked as background");
    }
}
