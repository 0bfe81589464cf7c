package jp.kakaritsuke.kb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The readers' requests being answered, so that work done in the background for nobody in particular (the dumps'
 * sizes and checksums: four full serialisations after a write; the warm-up's pages) can step aside while a reader
 * waits: on two cores it would otherwise take half the machine from every page. The warm-up's own requests
 * ({@link #BACKGROUND_HEADER}) are not a reader's.
 */
@Component
public class Foreground extends OncePerRequestFilter {

    /** How often a waiting background task asks whether it should stop waiting. */
    private static final long RECHECK_MILLIS = 500;

    /**
     * How long no reader's request must have been answered before work done for nobody in particular goes on: a reader
     * going from page to page leaves no gap between requests, and on two cores that work would take one of them.
     */
    public static final Duration READERS_PAUSE = Duration.ofSeconds(1);

    /** The header that marks a request the application sends itself in the background: not a reader's. */
    public static final String BACKGROUND_HEADER = "X-Kb-Background";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int answering;
    /**
     * When the last reader's request was answered (System.nanoTime), or when the application became ready: its first
     * readers come right after a start, and the second before them counts as one they are using.
     */
    private long lastAnswered = System.nanoTime();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(BACKGROUND_HEADER) != null) {
            chain.doFilter(request, response);
            return;
        }
        lock.lock();
        try {
            answering++;
        } finally {
            lock.unlock();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            lock.lock();
            try {
                lastAnswered = System.nanoTime();
                if (--answering == 0) {
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The application is ready: readers may come now, and work for nobody in particular waits for them to pause. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the background work that starts when the application is ready
    void ready() {
        lock.lock();
        try {
            lastAnswered = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once no reader's request is being answered and none has been for {@code quiet} (readers who ask one page
     * after another leave no gap between their requests), or as soon as {@code giveUp} says so (checked at least every
     * half second); for background threads only, never a request's own.
     */
    public void awaitQuiet(Duration quiet, BooleanSupplier giveUp) {
        long quietNanos = quiet.toNanos();
        lock.lock();
        try {
            while (!giveUp.getAsBoolean()) {
                if (answering > 0) {
                    idle.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                long left = quietNanos - (System.nanoTime() - lastAnswered);
                if (left <= 0) {
                    return;
                }
                idle.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
