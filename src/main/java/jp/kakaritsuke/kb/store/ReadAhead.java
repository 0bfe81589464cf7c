package jp.kakaritsuke.kb.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.Quad;

/**
 * Streams every quad of a store to a sink on the calling thread while a thread of its own reads the next quads
 * from the store ({@link KnowledgeStore#forEachQuad}, one read transaction). Reading TDB2 (decoding nodes) and
 * writing a syntax (formatting, encoding) each take about half of a full export's time; on two cores they overlap.
 *
 * <p>Memory is bounded: at most {@value #BATCHES_IN_FLIGHT} batches of {@value #BATCH} quads wait between the two.
 * A failure on either side ends both: a reading failure is thrown to the caller once the sink has taken the batches
 * read whole before it; a failure of the sink (a client that went away) stops the reader, and the call returns only
 * after the reader's transaction has ended.
 */
public final class ReadAhead {

    static final int BATCH = 2048;
    static final int BATCHES_IN_FLIGHT = 16;

    private static final List<Quad> END = List.of();

    private ReadAhead() {}

    /** Hands every quad of {@code store} to {@code sink}, in the store's order, on the calling thread. */
    public static void forEachQuad(KnowledgeStore store, Consumer<Quad> sink) {
        BlockingQueue<List<Quad>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        AtomicBoolean writerStopped = new AtomicBoolean();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(store, queue, writerStopped), task -> {
            Thread thread = new Thread(task, "read-ahead");
            thread.setDaemon(true);
            thread.start();
        });
        boolean done = false;
        try {
            for (List<Quad> batch = take(queue); batch != END; batch = take(queue)) {
                batch.forEach(sink);
            }
            done = true;
        } finally {
            if (!done) {
                writerStopped.set(true);
            }
            try {
                reading.join();
            } catch (CompletionException | CancellationException e) {
                if (done) {
                    throw failure(e);
                }
                // The sink's own failure is the one to report; the reader stopped because of it.
            }
        }
    }

    private static void read(KnowledgeStore store, BlockingQueue<List<Quad>> queue, AtomicBoolean writerStopped) {
        List<List<Quad>> pending = new ArrayList<>(1);
        pending.add(new ArrayList<>(BATCH));
        try {
            store.forEachQuad(quad -> {
                List<Quad> batch = pending.get(0);
                batch.add(quad);
                if (batch.size() == BATCH) {
                    hand(queue, batch, writerStopped);
                    pending.set(0, new ArrayList<>(BATCH));
                }
            });
            hand(queue, pending.get(0), writerStopped);
        } finally {
            if (!writerStopped.get()) {
                hand(queue, END, writerStopped);
            }
        }
    }

    /** Puts {@code batch} on the queue, giving up when the writer has stopped taking. */
    private static void hand(BlockingQueue<List<Quad>> queue, List<Quad> batch, AtomicBoolean writerStopped) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (writerStopped.get()) {
                    throw new CancellationException("the writer stopped taking quads");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing quads to the writer");
        }
    }

    private static List<Quad> take(BlockingQueue<List<Quad>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for quads");
        }
    }

    private static RuntimeException failure(RuntimeException wrapped) {
        Throwable cause = wrapped instanceof CompletionException ? wrapped.getCause() : wrapped;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("reading the store failed", cause);
    }
}
