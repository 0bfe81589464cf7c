package jp.kakaritsuke.kb.export;

import jakarta.annotation.PreDestroy;
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
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreAnswerException;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.web.Foreground;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The full dumps of the dataset (one per export syntax) with their size in bytes and SHA-256 checksum, found by
 * generating each dump into a counter and a digest, never into memory, together with the triples per named graph.
 * Computing them reads the whole store, so it never happens on a reader's request nor on the start-up path: they are
 * computed on a background thread right after start-up and again after every write (the answer cache in front of
 * the store reports writes, {@link CachingKnowledgeStore#onChange}; {@link #invalidate()} does the same for writes it
 * cannot see), with a timeout of their own ({@code kb.export.figures-timeout}) rather than the per-query one, and a
 * failure is logged and retried on the next write. It starts, and goes on after each megabyte, only once readers
 * have paused ({@link Foreground#READERS_PAUSE}), so that a reader never shares the machine with it, unless someone
 * waits for the figures.
 * {@link #ifReady()} answers at once with the figures known;
 * {@link #current()} waits for those of the store as it is now. Without the answer cache ({@code kb.cache.max-cells=0})
 * no write is reported, and the figures are checked against the store's graph sizes on each call instead.
 */
@Component
public class DumpCatalog {

    /** One full dump: syntax, size and checksum (lower-case hex SHA-256). */
    public record Dump(RdfSyntax syntax, long byteSize, String sha256) {}

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

        /** The snapshot as lines of text, {@link #parse}'s input: one per graph and one per dump. */
        String format() {
            StringBuilder text = new StringBuilder();
            graphSizes.forEach((graph, triples) -> text.append("graph ")
                    .append(triples)
                    .append(' ')
                    .append(graph)
                    .append('\n'));
            dumps.values()
                    .forEach(d -> text.append("dump ")
                            .append(d.syntax().extension())
                            .append(' ')
                            .append(d.byteSize())
                            .append(' ')
                            .append(d.sha256())
                            .append('\n'));
            return text.toString();
        }

        /** The snapshot {@link #format} wrote, or empty if the text is not one (or names a syntax no longer made). */
        static Optional<Snapshot> parse(String text) {
            SortedMap<String, Long> sizes = new TreeMap<>();
            Map<RdfSyntax, Dump> dumps = new LinkedHashMap<>();
            try {
                for (String line : text.split("\n")) {
                    String[] f = line.split(" ", 4);
                    if (f[0].equals("graph") && f.length == 3) {
                        sizes.put(f[2], Long.parseLong(f[1]));
                    } else if (f[0].equals("dump") && f.length == 4 && DatasetExporter.FORMATS.containsKey(f[1])) {
                        RdfSyntax syntax = DatasetExporter.FORMATS.get(f[1]);
                        dumps.put(syntax, new Dump(syntax, Long.parseLong(f[2]), f[3]));
                    } else {
                        return Optional.empty();
                    }
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return dumps.keySet().equals(Set.copyOf(DatasetExporter.FORMATS.values()))
                    ? Optional.of(new Snapshot(sizes, dumps))
                    : Optional.empty();
        }
    }

    /** The key of the figures in the store's close record, with the build and base IRI that made them. */
    private static final String KEPT_PREFIX = "export.dump-figures ";

    private static final Logger log = LoggerFactory.getLogger(DumpCatalog.class);
    private static final Query GRAPH_SIZES = NamedQueryCatalog.query("export/graph-sizes");
    /** How long writes must pause before the figures are computed again. */
    static final long QUIET_SECONDS = 5;

    private static final Snapshot NOTHING_YET = new Snapshot(new TreeMap<>(), Map.of());

    private final KnowledgeStore store;
    private final DatasetExporter exporter;
    private final Duration timeout;
    /** Whether writes are reported ({@link CachingKnowledgeStore#onChange}); if not, graph sizes are compared. */
    private final boolean writesReported;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dump-catalog");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    // All guarded by this. A computation belongs to the generation it was started in; invalidate() starts a new one.
    private Snapshot cached;
    private long cachedGeneration = -1;
    private long generation;
    private CompletableFuture<Snapshot> pending;
    private boolean stopping;
    private long pendingGeneration = -1;
    /** The requests being answered, or null. */
    private final Foreground foreground;
    /** How many callers of {@link #current()} wait for a computation: it then does not step aside. */
    private final AtomicInteger awaited = new AtomicInteger();

    /** Without a web application: computes without stepping aside for readers. */
    public DumpCatalog(
            KnowledgeStore store, DatasetExporter exporter, Duration timeout, ObjectProvider<BuildProperties> build) {
        this(store, exporter, timeout, build, null);
    }

    /**
     * @param foreground the requests being answered, for which the computation pauses (unless someone waits for the
     *     figures, {@link #current()}); null for none
     */
    @Autowired
    public DumpCatalog(
            KnowledgeStore store,
            DatasetExporter exporter,
            @Value("${kb.export.figures-timeout:PT30M}") Duration timeout,
            ObjectProvider<BuildProperties> build,
            Foreground foreground) {
        this.foreground = foreground;
        this.store = store;
        this.exporter = exporter;
        this.timeout = timeout;
        this.writesReported = store instanceof CachingKnowledgeStore;
        if (store instanceof CachingKnowledgeStore caching) {
            caching.onChange(this::invalidate);
        }
        BuildProperties madeBy = build.getIfAvailable();
        if (writesReported
                && madeBy != null
                && madeBy.getTime() != null
                && CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb) {
            keepAcrossCleanRestarts(tdb, KEPT_PREFIX + madeBy.getTime() + " " + exporter.baseIri());
        }
    }

    /**
     * The figures of the store as the application last closed it cleanly count as computed, if the files are
     * unchanged since and the same build with the same base IRI wrote them (the bytes of a dump depend on both); the
     * figures known at a clean close are kept for the next start. A restart then computes nothing.
     */
    private void keepAcrossCleanRestarts(TdbKnowledgeStore tdb, String key) {
        tdb.fromLastRun(key).flatMap(Snapshot::parse).ifPresent(kept -> {
            synchronized (this) {
                cached = kept;
                cachedGeneration = generation;
            }
            log.info(
                    "Dump figures as the store was last closed: {} graphs, {} triples",
                    kept.graphSizes().size(),
                    kept.triples());
        });
        tdb.keepForNextRun(key, () -> {
            synchronized (this) {
                return fresh() && cached.ready() ? cached.format() : null;
            }
        });
    }

    /**
     * Starts computing the figures in the background as soon as the web application is up; does not wait for them.
     * A command run of the jar (backup, export, …) has no page to show them on and does not compute them.
     */
    @EventListener(ApplicationReadyEvent.class)
    void computeAfterStart(ApplicationReadyEvent event) {
        if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
            return;
        }
        synchronized (this) {
            if (!fresh()) {
                computation(0);
            }
        }
    }

    /**
     * Stops a computation under way within a megabyte of output (it counts as outdated), so that its read transaction
     * ends before the store closes: a store closed with a transaction still open cannot record a clean close.
     */
    @PreDestroy
    void stop() {
        synchronized (this) {
            stopping = true;
        }
        // Not interrupted: an interrupt closes the channel of a TDB2 file the computation is reading, and the store
        // then fails to close.
        worker.shutdown();
        try {
            if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The dump figures' computation did not stop within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long stopping waits for a computation under way to notice it and end its read. */
    private static final long STOP_WAIT_SECONDS = 10;

    /**
     * Forgets the figures and computes them again in the background once writes have paused for
     * {@value #QUIET_SECONDS} s (a computation under way for older data stops); called after every write.
     */
    public void invalidate() {
        synchronized (this) {
            generation++;
            if (!worker.isShutdown()) {
                computation(QUIET_SECONDS);
            }
        }
    }

    /** The dumps of the store as it is now, waiting for them if they are being (re)computed. */
    public Snapshot current() {
        while (true) {
            CompletableFuture<Snapshot> computation;
            synchronized (this) {
                checkSizes();
                if (fresh()) {
                    return cached;
                }
                computation = computation(0);
            }
            awaited.incrementAndGet();
            try {
                computation.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            } finally {
                awaited.decrementAndGet();
            }
            // Done: either the figures are now cached, or a write outdated them and a newer computation follows.
        }
    }

    /**
     * The figures of the store as it is now if they are known, without waiting; else the graph sizes known last
     * (none before the first computation ends) with no dumps, while the figures are computed in the background.
     */
    public Snapshot ifReady() {
        synchronized (this) {
            checkSizes();
            if (fresh()) {
                return cached;
            }
            computation(0);
            return cached == null ? NOTHING_YET : new Snapshot(cached.graphSizes(), Map.of());
        }
    }

    /** Without reported writes: a store whose graph sizes differ from the cached ones has changed. */
    private void checkSizes() {
        if (!writesReported
                && cached != null
                && cachedGeneration == generation
                && !cached.graphSizes().equals(graphSizes())) {
            generation++;
        }
    }

    private boolean fresh() {
        return cached != null && cachedGeneration == generation;
    }

    /**
     * The computation for the current generation: the one under way, else a new one starting after
     * {@code delaySeconds}. Call holding the lock.
     */
    private CompletableFuture<Snapshot> computation(long delaySeconds) {
        if (pending != null && pendingGeneration == generation) {
            return pending;
        }
        long startedIn = generation;
        Executor executor =
                delaySeconds == 0 ? worker : CompletableFuture.delayedExecutor(delaySeconds, TimeUnit.SECONDS, worker);
        // Waiters join the stage that has stored the result, so that the next call finds it cached.
        CompletableFuture<Snapshot> computation = CompletableFuture.supplyAsync(() -> compute(startedIn), executor)
                .whenComplete((snapshot, failure) -> {
                    if (failure != null) {
                        if (rootCause(failure) instanceof QueryCancelledException) {
                            // A timeout, or the application stopping: nothing is wrong; asked again when needed.
                            log.warn("Computing the sizes and checksums of the dumps stopped: a query reached its "
                                    + "timeout (kb.query.timeout) or the application is stopping");
                        } else {
                            log.warn("Computing the sizes and checksums of the dumps failed", failure);
                        }
                        return;
                    }
                    synchronized (this) {
                        if (snapshot != null && startedIn == generation) {
                            cached = snapshot;
                            cachedGeneration = startedIn;
                        }
                    }
                });
        pending = computation;
        pendingGeneration = startedIn;
        return computation;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The figures, or null when a write made them outdated before they were done (a newer computation follows). */
    private Snapshot compute(long forGeneration) {
        BooleanSupplier outdated = () -> {
            synchronized (this) {
                return stopping || forGeneration != generation;
            }
        };
        try {
            if (outdated.getAsBoolean()) {
                return null;
            }
            // Readers first: the graph sizes read every quad, and the dumps are four full serialisations.
            awaitReadersPause(outdated);
            if (outdated.getAsBoolean()) {
                return null;
            }
            SortedMap<String, Long> sizes = graphSizes();
            Map<RdfSyntax, Dump> dumps = new LinkedHashMap<>();
            for (RdfSyntax syntax : DatasetExporter.FORMATS.values()) {
                dumps.put(syntax, measure(syntax, outdated));
            }
            return new Snapshot(sizes, dumps);
        } catch (Outdated e) {
            return null;
        }
    }

    /** Stops a computation whose data a write has changed. */
    private static final class Outdated extends RuntimeException {
        Outdated() {
            super(null, null, false, false);
        }
    }

    private SortedMap<String, Long> graphSizes() {
        SortedMap<String, Long> sizes = new TreeMap<>();
        // Only the graphs the store lists as data (a remote engine's own graphs are not), as the dumps carry them.
        Set<String> graphs = store.graphNames();
        store.select(GRAPH_SIZES, null, timeout).forEachRemaining(row -> {
            if (row.get("graph") == null || !row.get("graph").isURIResource() || row.get("triples") == null) {
                throw new StoreAnswerException(
                        "The store answered the graph sizes with a row without a graph or " + "a count: " + row);
            }
            String graph = row.getResource("graph").getURI();
            if (graphs.contains(graph) && exporter.exported(graph)) {
                sizes.put(graph, row.getLiteral("triples").getLong());
            }
        });
        return sizes;
    }

    /**
     * Waits until readers have paused ({@link Foreground#READERS_PAUSE}), unless someone waits for the figures or they
     * are outdated.
     */
    private void awaitReadersPause(BooleanSupplier outdated) {
        if (foreground != null) {
            foreground.awaitQuiet(Foreground.READERS_PAUSE, () -> awaited.get() > 0 || outdated.getAsBoolean());
        }
    }

    private Dump measure(RdfSyntax syntax, BooleanSupplier outdated) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        CountingStream counter = new CountingStream(() -> {
            awaitReadersPause(outdated);
            return outdated.getAsBoolean();
        });
        try (DigestOutputStream out = new DigestOutputStream(counter, sha256)) {
            exporter.write(ExportSelection.ALL, syntax, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dump(syntax, counter.count, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Discards bytes, counting them. */
    private static final class CountingStream extends OutputStream {
        private static final long CHECK_EVERY = 1 << 20;

        private final BooleanSupplier outdated;
        private long count;
        private long nextCheck = CHECK_EVERY;

        CountingStream(BooleanSupplier outdated) {
            this.outdated = outdated;
        }

        @Override
        public void write(int b) {
            count++;
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            check();
        }

        private void check() {
            if (count >= nextCheck) {
                nextCheck = count + CHECK_EVERY;
                if (outdated.getAsBoolean()) {
                    throw new Outdated();
                }
            }
        }
    }
}
