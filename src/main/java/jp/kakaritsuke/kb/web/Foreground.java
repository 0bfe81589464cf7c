package jp.kakaritsuke.kb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The requests being answered, so that work done in the background for nobody in particular (the dumps' sizes and
 * checksums: four full serialisations after a write) can step aside while a reader waits: on two cores it would
 * otherwise take half the machine from every page.
 */
@Component
public class Foreground extends OncePerRequestFilter {

    /** How often a waiting background task asks whether it should stop waiting. */
    private static final long RECHECK_MILLIS = 500;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int answering;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
                if (--answering == 0) {
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Returns once no request is being answered, or as soon as {@code giveUp} says so (checked at least every half
     * second); for background threads only, never a request's own.
     */
    public void awaitIdle(BooleanSupplier giveUp) {
        lock.lock();
        try {
            while (answering > 0 && !giveUp.getAsBoolean()) {
                idle.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
