package jp.kakaritsuke.kb.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.jena.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import jp.kakaritsuke.kb.linkeddata.QueryFiles;
import jp.kakaritsuke.kb.linkeddata.RdfSyntax;
import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * The full dumps of the dataset (one per export syntax) with their size in bytes and SHA-256 checksum, found by
 * generating each dump into a counter and a digest, never into memory. Generating them all takes seconds, so they
 * are computed once on a background thread — right after start-up and again when the store has changed — and
 * cached: they are recomputed when {@link #invalidate()} was called (whoever writes to the store should call it) or
 * when the store's fingerprint, the names and triple counts of the exported graphs (named query
 * {@code export/graph-sizes.rq}), has changed. {@link #current()} waits for the figures, {@link #ifReady()} does not.
 */
@Component
public class DumpCatalog {

    /** One full dump: syntax, size and checksum (lower-case hex SHA-256). */
    public record Dump(RdfSyntax syntax, long byteSize, String sha256) {
    }

    /**
     * The state the dumps were computed from: graph sizes, and the dumps themselves in syntax order (empty while
     * they are still being computed, see {@link DumpCatalog#ifReady()}).
     */
    public record Snapshot(SortedMap<String, Long> graphSizes, Map<RdfSyntax, Dump> dumps) {

        /** The number of triples over all named graphs (a triple in two graphs counts twice). */
        public long triples() {
            return graphSizes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** True when the dumps' figures are known. */
        public boolean ready() {
            return !dumps.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DumpCatalog.class);
    private static final Query GRAPH_SIZES = QueryFiles.load("export/graph-sizes.rq");

    private final KnowledgeStore store;
    private final DatasetExporter exporter;
    private final Duration timeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dump-catalog");
        thread.setDaemon(true);
        return thread;
    });
    // All guarded by this. A computation belongs to the generation it was started in; invalidate() starts a new one.
    private Snapshot cached;
    private long generation;
    private CompletableFuture<Snapshot> pending;
    private SortedMap<String, Long> pendingSizes;
    private long pendingGeneration;

    public DumpCatalog(KnowledgeStore store, DatasetExporter exporter,
            @Value("${kb.query.timeout:PT10S}") Duration timeout) {
        this.store = store;
        this.exporter = exporter;
        this.timeout = timeout;
    }

    /** Starts computing the figures as soon as the application is up, so the first reader need not wait. */
    @EventListener(ApplicationReadyEvent.class)
    void computeAfterStart() {
        try {
            ifReady();
        } catch (RuntimeException e) {
            // A head start only: a store that is slow or unreachable at start-up must not stop the application;
            // the first reader of the catalogue computes the figures instead (and sees the error, if it persists).
            log.warn("Dump figures not computed at start-up: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Forgets the cached sizes and checksums; call after changing the store. */
    public synchronized void invalidate() {
        cached = null;
        generation++;
    }

    /** The dumps of the store as it is now, waiting for them if they are being (re)computed. */
    public Snapshot current() {
        SortedMap<String, Long> sizes = graphSizes();
        CompletableFuture<Snapshot> computation;
        synchronized (this) {
            if (isFresh(sizes)) {
                return cached;
            }
            computation = computation(sizes);
        }
        try {
            return computation.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The dumps of the store as it is now if they are known; else the graph sizes with no dumps, while the dumps
     * are computed in the background.
     */
    public Snapshot ifReady() {
        SortedMap<String, Long> sizes = graphSizes();
        synchronized (this) {
            if (isFresh(sizes)) {
                return cached;
            }
            computation(sizes);
            return new Snapshot(sizes, Map.of());
        }
    }

    private boolean isFresh(SortedMap<String, Long> sizes) {
        return cached != null && cached.graphSizes().equals(sizes);
    }

    /** The computation for the store with {@code sizes}: the one under way, else a new one. Call holding the lock. */
    private CompletableFuture<Snapshot> computation(SortedMap<String, Long> sizes) {
        if (pending != null && !pending.isDone() && pendingGeneration == generation && pendingSizes.equals(sizes)) {
            return pending;
        }
        long startedIn = generation;
        // Waiters join the stage that has stored the result, so that the next call finds it cached.
        CompletableFuture<Snapshot> computation = CompletableFuture.supplyAsync(() -> compute(sizes), worker)
                .whenComplete((snapshot, failure) -> {
                    if (failure != null) {
                        log.warn("Computing the sizes and checksums of the dumps failed", failure);
                        return;
                    }
                    synchronized (this) {
                        if (startedIn == generation) {
                            cached = snapshot;
                        }
                    }
                });
        pending = computation;
        pendingSizes = sizes;
        pendingGeneration = startedIn;
        return computation;
    }

    private Snapshot compute(SortedMap<String, Long> sizes) {
        Map<RdfSyntax, Dump> dumps = new LinkedHashMap<>();
        for (RdfSyntax syntax : DatasetExporter.FORMATS.values()) {
            dumps.put(syntax, measure(syntax));
        }
        return new Snapshot(sizes, dumps);
    }

    private SortedMap<String, Long> graphSizes() {
        SortedMap<String, Long> sizes = new TreeMap<>();
        store.select(GRAPH_SIZES, null, timeout).forEachRemaining(row -> {
            String graph = row.getResource("graph").getURI();
            if (exporter.exported(graph)) {
                sizes.put(graph, row.getLiteral("triples").getLong());
            }
        });
        return sizes;
    }

    private Dump measure(RdfSyntax syntax) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        CountingStream counter = new CountingStream();
        try (DigestOutputStream out = new DigestOutputStream(counter, sha256)) {
            exporter.write(ExportSelection.ALL, syntax, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dump(syntax, counter.count, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Discards bytes, counting them. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
