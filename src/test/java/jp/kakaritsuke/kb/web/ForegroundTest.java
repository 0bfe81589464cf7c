package jp.kakaritsuke.kb.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Background work waits while a reader's request is being answered (and, if asked, until readers pause), and goes on
 * when it ends or when it must stop waiting; the application's own background requests are not a reader's.
 */
class ForegroundTest {

    /** Threads of their own: the common pool may have a single one on a two-core machine. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void awaitQuietReturnsOnceTheRequestUnderWayIsAnswered() throws Exception {
        Foreground foreground = new Foreground();
        HeldRequest request = new HeldRequest(foreground, threads);
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<Boolean> background = CompletableFuture.supplyAsync(
                () -> {
                    foreground.awaitQuiet(Duration.ZERO, () -> false);
                    return answered.get();
                },
                threads);
        assertFalse(background.isDone(), "background work waits while the request is answered");
        answered.set(true);
        request.answer();
        assertTrue(background.get(10, TimeUnit.SECONDS), "background work went on after the request was answered");
    }

    @Test
    void awaitQuietReturnsWhenToldToStopWaiting() throws Exception {
        Foreground foreground = new Foreground();
        HeldRequest request = new HeldRequest(foreground, threads);
        try {
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> background =
                    CompletableFuture.runAsync(() -> foreground.awaitQuiet(Duration.ZERO, stop::get), threads);
            stop.set(true);
            background.get(10, TimeUnit.SECONDS);
            assertFalse(request.answered(), "the request was still being answered when the wait ended");
        } finally {
            request.answer();
        }
    }

    @Test
    void awaitQuietWaitsThatLongAfterTheLastReadersRequest() throws Exception {
        Foreground foreground = new Foreground();
        HeldRequest request = new HeldRequest(foreground, threads);
        Duration quiet = Duration.ofMillis(400);
        CompletableFuture<Long> background = quietFrom(foreground, quiet);
        long answered = System.nanoTime();
        request.answer();
        long wentOn = background.get(10, TimeUnit.SECONDS);
        assertTrue(
                wentOn - answered >= quiet.toNanos(),
                "background work went on " + (wentOn - answered) / 1_000_000 + " ms after the request was answered");
    }

    @Test
    void aBackgroundRequestIsNotAReaders() throws Exception {
        Foreground foreground = new Foreground();
        MockHttpServletRequest own = new MockHttpServletRequest("GET", "/");
        own.addHeader(Foreground.BACKGROUND_HEADER, "warm-up");
        HeldRequest request = new HeldRequest(foreground, threads, own);
        try {
            CompletableFuture<Void> background =
                    CompletableFuture.runAsync(() -> foreground.awaitQuiet(Duration.ZERO, () -> false), threads);
            background.get(10, TimeUnit.SECONDS);
            assertFalse(request.answered(), "the background request was still being answered when the wait ended");
        } finally {
            request.answer();
        }
    }

    /** The first readers come right after a start: the second before them counts as one they are using. */
    @Test
    void awaitQuietCountsTheStartAsAReadersRequest() throws Exception {
        Foreground foreground = new Foreground();
        Duration quiet = Duration.ofMillis(400);
        long ready = System.nanoTime();
        foreground.ready();
        CompletableFuture<Long> background = quietFrom(foreground, quiet);
        long wentOn = background.get(10, TimeUnit.SECONDS);
        assertTrue(
                wentOn - ready >= quiet.toNanos(),
                "background work went on " + (wentOn - ready) / 1_000_000 + " ms after the start");
    }

    /** When background work waiting for {@code quiet} on {@code foreground} went on (System.nanoTime). */
    private CompletableFuture<Long> quietFrom(Foreground foreground, Duration quiet) {
        return CompletableFuture.supplyAsync(
                () -> {
                    foreground.awaitQuiet(quiet, () -> false);
                    return System.nanoTime();
                },
                threads);
    }
}
