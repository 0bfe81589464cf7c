package jp.kakaritsuke.kb.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request being answered through {@link Foreground} on a thread of its own until {@link #answer()}. */
final class HeldRequest {

    private final CountDownLatch answer = new CountDownLatch(1);
    private final CompletableFuture<Void> done;

    HeldRequest(Foreground foreground, ExecutorService threads) throws InterruptedException {
        this(foreground, threads, new MockHttpServletRequest("GET", "/"));
    }

    HeldRequest(Foreground foreground, ExecutorService threads, MockHttpServletRequest request)
            throws InterruptedException {
        CountDownLatch inRequest = new CountDownLatch(1);
        done = CompletableFuture.runAsync(
                () -> {
                    try {
                        foreground.doFilter(request, new MockHttpServletResponse(), (q, r) -> {
                            inRequest.countDown();
                            try {
                                answer.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                threads);
        assertTrue(inRequest.await(10, TimeUnit.SECONDS), "the request is being answered");
    }

    boolean answered() {
        return answer.getCount() == 0;
    }

    void answer() throws Exception {
        answer.countDown();
        done.get(10, TimeUnit.SECONDS);
    }
}
