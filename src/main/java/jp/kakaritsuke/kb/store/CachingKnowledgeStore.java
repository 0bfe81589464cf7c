package jp.kakaritsuke.kb.store;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetMem;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KnowledgeStore} that remembers answers: the results of SELECT, ASK and CONSTRUCT queries (by query and
 * bindings), copies of named graphs and the list of graph names, so that the pages, which ask the same questions
 * again and again, are answered from memory until the data changes. The answers are held in a Caffeine cache.
 *
 * <p>Every write through this store ({@link #replaceGraphs}, {@link #deleteGraph}, {@link #update}) empties the
 * cache when it completes, and so does every write transaction committed on the embedded TDB2 database by any other
 * means (the administrators' SPARQL endpoint, a restore). A read that was under way while a write happened does not
 * put its answer in the cache (a generation count, raised by every write, guards it), so no answer older than the last
 * write is ever served. Over the embedded database every write is seen, so answers never expire by time; over a
 * remote store, writes this store cannot see (other clients of a shared store) are seen once an entry has lived its
 * time to live. Memory is bounded by the number of cells held (result rows × columns, plus triples), weighed by
 * Caffeine, which evicts by its own measure of recency and frequency; an answer larger than the whole budget is not
 * kept. Callers get their own copies: changing a returned model or graph, or consuming a result set, leaves the cache
 * untouched.
 *
 * <p>No reader pays for a write: when the cache is emptied, up to {@value #REFRESHED} of the questions asked recently
 * (those Caffeine holds hottest, hottest first) are asked again on a background thread, and a reader asking one of
 * them while it is being answered waits for that answer rather than asking the store a second time (the same holds
 * for two readers asking the same question at once). The costly answers (those the store took {@link #COSTLY} or
 * longer to give: counts and lists across all areas and years) are not thrown away by a write but kept aside as
 * <em>earlier answers</em>: a reader asking such a question after the write waits at most {@link #WAIT_FOR_FRESH}
 * for the fresh answer (the readers after one who waited in vain do not wait), and is then given the earlier one
 * while the fresh one is computed in the background and takes its place. Answers that the store gives quickly (a
 * worksheet's own graph and everything bound to one worksheet) are always fresh, and so is every answer to a caller
 * other than a reader's request ({@link #startRequest()}). {@link #servedEarlierAnswers()} tells the request's thread
 * whether it was given an earlier answer, so that the page can say its counts are being updated. Whoever needs to
 * know of writes (figures computed in the background) registers with {@link #onChange(Runnable)}.
 */
public final class CachingKnowledgeStore implements KnowledgeStore {

    private static final Logger log = LoggerFactory.getLogger(CachingKnowledgeStore.class);

    /** How many answers were served from memory and how many had to be asked of the store. */
    public record Stats(long hits, long misses, int entries, long cells) {}

    private record Key(String kind, Object query, Map<String, Node> bindings) {}

    /** The close record's entry holding the SHA-256 of the answers kept for the next start ({@link KeptAnswers}). */
    static final String KEPT_ANSWERS = "store.kept-answers-sha256";

    /**
     * An answer, its weight in cells and how long the store took to give it (answers kept from the last run count as
     * {@link #COSTLY}: what was asked then is mostly the pages' counts and lists).
     */
    private record Entry(Object value, int cells, long nanos) {}

    /**
     * An answer that took the store this long or longer is kept aside at a write as an earlier answer. At 構想区域 × 10
     * years an area's or a function's lists and counts take 0.2–0.8 s each and a page asks several: kept aside only
     * from 500 ms, they were asked again on the reader's request beside the background refresh, and those pages took
     * 1–1.8 s after a write. What is asked about one worksheet takes well under this.
     */
    static final Duration COSTLY = Duration.ofMillis(150);

    /**
     * How long a reader waits in all for fresh answers to costly questions after a write before taking earlier ones:
     * one budget for all the questions of a request ({@link #startRequest()}), so that a page asking several of them
     * waits no longer than one.
     */
    static final Duration WAIT_FOR_FRESH = Duration.ofMillis(250);

    /** What the request on the current thread was given: earlier answers, and time waited ({@link #startRequest()}). */
    private static final class Freshness {
        boolean servedEarlier;
        long waitedNanos;
    }

    private static final ThreadLocal<Freshness> FRESHNESS = new ThreadLocal<>();

    /** How to ask a question again: the computation and weight given to {@link #cached} the last time. */
    private record Recipe(Supplier<Object> compute, ToLongFunction<Object> weight) {}

    /** How many of the recently asked questions are asked again in the background after a write. */
    static final int REFRESHED = 256;

    /** How long a close waits for the refresh after a write before keeping the answers ({@link #close()}). */
    static final Duration CLOSE_WAITS_FOR_REFRESH = Duration.ofSeconds(20);

    /** How long a question asked at start-up waits at most for the answers kept from the last run to be read. */
    static final Duration WAITS_FOR_KEPT = Duration.ofSeconds(30);

    /**
     * Ends a queued computation of a fresh answer that a later write made useless before it began (its answer would
     * not be kept): those who joined it without an earlier answer to take ask again.
     */
    private static final class Outdated extends CancellationException {
        Outdated() {
            // A cancellation, which Caffeine does not log as a failed computation.
            super("a later write outdated the question before it was asked");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A SELECT answer as kept in memory: its variables and rows. */
    private record Rows(List<String> vars, List<Binding> rows) {}

    private final KnowledgeStore delegate;
    private final long maxCells;
    private final boolean refreshAfterWrite;
    /** How long an answer is served at most; null for until the next write. */
    private final Duration timeToLive;
    /**
     * The embedded database's transactions, when there is one: every write transaction that commits empties the
     * cache, whoever wrote — this store, the administrators' SPARQL endpoint or a restore working on the dataset
     * itself.
     */
    private final TransactionCoordinator commits;

    private final TransactionListener commitListener = new TransactionListener() {
        @Override
        public void notifyCommitFinish(Transaction transaction) {
            if (transaction.isWriteTxn()) {
                writtenSinceKept = true;
                invalidate();
            }
        }
    };
    /** The answers, and the answers being computed (for readers asking the same question meanwhile). */
    private final AsyncCache<Key, Entry> answers;
    /** The questions asked recently, to be asked again after a write. */
    private final Cache<Key, Recipe> recent;

    /**
     * Costly answers as they were before the last write, served once a reader has waited {@link #WAIT_FOR_FRESH} for
     * the fresh one; removed when the fresh one is in the cache. Only with {@code refreshAfterWrite}.
     */
    private final Map<Key, Entry> earlier = new ConcurrentHashMap<>();

    private volatile Duration closeWaitsForRefresh = CLOSE_WAITS_FOR_REFRESH;
    /** The questions whose fresh answer a reader waited for in vain: the next readers do not wait for it. */
    private final Set<Key> late = ConcurrentHashMap.newKeySet();
    /**
     * Computes the fresh answers to costly questions that readers were given earlier answers for; a computation that
     * a later write made useless before it began is dropped ({@link Outdated}).
     */
    private final ExecutorService answering;

    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Asks the recent questions again after a write. */
    private final ExecutorService refresher;
    /** Raised by every write: an answer computed across a change of generation is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /**
     * The answers the last clean close kept, by the text of their query ({@link KeptAnswers#text}): taken into the
     * cache when their question is first asked, all dropped at the first write.
     */
    private final Map<Key, Entry> kept = new ConcurrentHashMap<>();
    /** The embedded store in a directory, whose answers are kept across a clean restart; else null. */
    private final TdbKnowledgeStore keptIn;
    /** Set by every write committed after the answers were written for the next start. */
    private volatile boolean writtenSinceKept;
    /**
     * Complete once the answers kept from the last run are read (at once when there are none to read). They are read
     * on a thread of their own, so the rest of the application starts meanwhile; a question waits for them at most
     * {@link #WAITS_FOR_KEPT}, a write or a close until they are read.
     */
    private final CompletableFuture<Void> keptRead;

    /**
     * @param delegate the store that holds the data
     * @param maxCells how many cells (result cells and triples) the cache may hold; must be positive
     * @param timeToLive how long an answer of a remote store is served at most; zero or negative for as long as no
     *     write intervenes. Ignored over the embedded database, whose every write empties the cache.
     */
    public CachingKnowledgeStore(KnowledgeStore delegate, long maxCells, Duration timeToLive) {
        this(delegate, maxCells, timeToLive, false);
    }

    /**
     * @param refreshAfterWrite whether the recent questions are asked again in the background after a write (the
     *     application's setting; tests that count hits and misses leave it off)
     */
    public CachingKnowledgeStore(
            KnowledgeStore delegate, long maxCells, Duration timeToLive, boolean refreshAfterWrite) {
        this(delegate, maxCells, timeToLive, refreshAfterWrite, CachingKnowledgeStore::onThreadOfItsOwn);
    }

    CachingKnowledgeStore(KnowledgeStore delegate, long maxCells, Duration timeToLive, LongSupplier clock) {
        this(
                delegate,
                maxCells,
                timeToLive,
                false,
                clock,
                CachingKnowledgeStore::onThreadOfItsOwn,
                newRefresher(),
                newAnswering());
    }

    /** @param readKeptOn runs the reading of the answers kept from the last run (tests hold it back) */
    CachingKnowledgeStore(
            KnowledgeStore delegate,
            long maxCells,
            Duration timeToLive,
            boolean refreshAfterWrite,
            java.util.concurrent.Executor readKeptOn) {
        this(
                delegate,
                maxCells,
                timeToLive,
                refreshAfterWrite,
                System::nanoTime,
                readKeptOn,
                newRefresher(),
                newAnswering());
    }

    /**
     * A store that refreshes after writes on {@code refresher} and computes the fresh answers readers were given
     * earlier ones for on {@code answering} (tests hold them back); both are shut down by {@link #close()}.
     */
    CachingKnowledgeStore(
            KnowledgeStore delegate, long maxCells, ExecutorService refresher, ExecutorService answering) {
        this(
                delegate,
                maxCells,
                Duration.ZERO,
                true,
                System::nanoTime,
                CachingKnowledgeStore::onThreadOfItsOwn,
                refresher,
                answering);
    }

    /** The thread that asks the recent questions again after a write. */
    private static ExecutorService newRefresher() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "answer-cache-refresh");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
    }

    /** The threads that compute the fresh answers readers were given earlier ones for. */
    private static ExecutorService newAnswering() {
        return Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "answer-after-write");
            thread.setDaemon(true);
            return thread;
        });
    }

    private CachingKnowledgeStore(
            KnowledgeStore delegate,
            long maxCells,
            Duration timeToLive,
            boolean refreshAfterWrite,
            LongSupplier clock,
            java.util.concurrent.Executor readKeptOn,
            ExecutorService refresher,
            ExecutorService answering) {
        if (maxCells <= 0) {
            throw new IllegalArgumentException("maxCells must be positive, not " + maxCells);
        }
        this.delegate = delegate;
        this.refresher = refresher;
        this.answering = answering;
        this.maxCells = maxCells;
        this.refreshAfterWrite = refreshAfterWrite;
        this.commits = innermost(delegate) instanceof TdbKnowledgeStore tdb ? coordinator(tdb.datasetGraph()) : null;
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumWeight(maxCells)
                .ticker(clock::getAsLong)
                // Upkeep on the caller's thread: what a reader or a write leaves is settled when it returns.
                .executor(Runnable::run);
        this.timeToLive = commits == null && !timeToLive.isNegative() && !timeToLive.isZero() ? timeToLive : null;
        if (this.timeToLive != null) {
            builder.expireAfterWrite(timeToLive);
        }
        this.answers =
                builder.<Key, Entry>weigher((key, entry) -> entry.cells()).buildAsync();
        this.recent = Caffeine.newBuilder()
                .maximumSize(REFRESHED)
                .executor(Runnable::run)
                .build();
        if (commits != null) {
            // The coordinator's configuration is locked once the database is open; this is the way to change it.
            commits.modifyConfig(() -> commits.addListener(commitListener));
        }
        this.keptIn = commits != null
                        && innermost(delegate) instanceof TdbKnowledgeStore tdb
                        && tdb.directory().isPresent()
                ? tdb
                : null;
        if (keptIn != null) {
            CompletableFuture<Void> reading = new CompletableFuture<>();
            this.keptRead = reading;
            readKeptOn.execute(() -> {
                try {
                    restoreKeptAnswers();
                } finally {
                    reading.complete(null);
                }
            });
        } else {
            this.keptRead = CompletableFuture.completedFuture(null);
        }
    }

    private static void onThreadOfItsOwn(Runnable task) {
        Thread thread = new Thread(task, "kept-answers-read");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits for the answers kept from the last run to be read: for a question at most {@link #WAITS_FOR_KEPT} (it is
     * then computed), for a write or a close until they are (a write then sets them aside with the answers it finds
     * held; a close keeps them again).
     */
    private void awaitKeptRead(boolean bounded) {
        if (keptRead.isDone()) {
            return;
        }
        try {
            if (bounded) {
                keptRead.get(WAITS_FOR_KEPT.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                keptRead.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The answers kept from the last run are not read yet; the question is asked of the store");
        }
    }

    /** The answers the last clean close kept, if the store's files are as it left them; the file is removed. */
    private void restoreKeptAnswers() {
        Path file = keptIn.directory().orElseThrow().resolve(KeptAnswers.FILE);
        try {
            Optional<String> sha256 = keptIn.fromLastRun(KEPT_ANSWERS);
            if (sha256.isPresent() && Files.isRegularFile(file)) {
                long[] counts = new long[2];
                boolean read = KeptAnswers.read(file, sha256.get(), (answer, cells) -> {
                    if (counts[1] + cells > maxCells) {
                        return;
                    }
                    if (answer.earlier() && !refreshAfterWrite) {
                        return;
                    }
                    Key key = new Key(answer.ask() != null ? "ask" : "select", answer.query(), answer.bindings());
                    Object value = answer.ask() != null ? answer.ask() : new Rows(answer.vars(), answer.rows());
                    Entry entry = new Entry(value, (int) Math.min(cells, Integer.MAX_VALUE), COSTLY.toNanos());
                    (answer.earlier() ? earlier : kept).put(key, entry);
                    counts[0]++;
                    counts[1] += cells;
                });
                if (read) {
                    log.info(
                            "Answers kept from the last run: {} ({} cells), {} of them from before its last write",
                            counts[0],
                            counts[1],
                            earlier.size());
                } else {
                    log.warn(
                            "The answers kept from the last run ({}) do not match the close record or were written by another version; not used",
                            file);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The answers kept from the last run ({}) could not be read: {}", file, e.toString());
            kept.clear();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", file, e.getMessage());
            }
        }
    }

    /**
     * Writes the SELECT and ASK answers held now for the next start, and those kept from the run before that this one
     * was not asked for, then the earlier answers still waiting for their fresh ones (a close soon after a write), and
     * has the store's close record vouch for them unless a write commits before the store closes. The next run serves
     * the earlier ones as this one would have: to readers, while it computes the fresh ones.
     */
    private void keepAnswers() {
        Path file = keptIn.directory().orElseThrow().resolve(KeptAnswers.FILE);
        writtenSinceKept = false;
        List<KeptAnswers.Answer> held = new ArrayList<>();
        Set<Key> fresh = new HashSet<>();
        answers.asMap().forEach((key, future) -> {
            if (!future.isDone() || future.isCompletedExceptionally() || !(key.query() instanceof Query)) {
                return;
            }
            Key byText = byText(key);
            fresh.add(byText);
            held.add(kept(byText, future.join().value(), false));
        });
        // Those kept from the run before that nobody asked for in this one: still the store's answers, since a write
        // would have moved them aside.
        kept.forEach((byText, entry) -> {
            if (fresh.add(byText)) {
                held.add(kept(byText, entry.value(), false));
            }
        });
        earlier.forEach((key, entry) -> {
            Key byText = byText(key);
            if (!fresh.contains(byText)) {
                held.add(kept(byText, entry.value(), true));
            }
        });
        held.removeIf(Objects::isNull);
        try {
            String sha256 = KeptAnswers.write(file, held);
            keptIn.keepForNextRun(KEPT_ANSWERS, () -> writtenSinceKept ? null : sha256);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the answers for the next start in {}: {}", file, e.toString());
        }
    }

    /** How long {@link #close()} waits for the refresh after a write (tests shorten it). */
    void closeWaitsForRefresh(Duration wait) {
        this.closeWaitsForRefresh = wait;
    }

    /**
     * Waits, at most {@link #CLOSE_WAITS_FOR_REFRESH} unless told otherwise, for the recent questions being asked
     * again after the last write, so that a stop soon after a write keeps their fresh answers for the next start (the
     * answers of a cold start take several times as long as the same ones in a running application).
     */
    private void awaitRefresh() {
        try {
            if (!refresher.awaitTermination(0, TimeUnit.SECONDS)) {
                log.info(
                        "Waiting up to {} s for the answers being computed again after the last write, to keep them",
                        closeWaitsForRefresh.toSeconds());
                if (!refresher.awaitTermination(closeWaitsForRefresh.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.info("Not all were computed again; the rest is kept as earlier answers where they were costly");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An answer to write for the next start; null for a value that is neither rows nor a boolean. */
    private static KeptAnswers.Answer kept(Key byText, Object value, boolean earlier) {
        String query = (String) byText.query();
        if (value instanceof Rows rows) {
            return new KeptAnswers.Answer(query, byText.bindings(), rows.vars(), rows.rows(), null, earlier);
        }
        if (value instanceof Boolean ask) {
            return new KeptAnswers.Answer(query, byText.bindings(), null, null, ask, earlier);
        }
        return null;
    }

    /** The transactions of the TDB2 database under any wrappers (the full-text index wraps it). */
    private static TransactionCoordinator coordinator(DatasetGraph dataset) {
        DatasetGraph inner = dataset;
        while (!TDBInternal.isTDB2(inner) && inner instanceof DatasetGraphWrapper wrapper) {
            inner = wrapper.getWrapped();
        }
        if (!TDBInternal.isTDB2(inner)) {
            throw new IllegalStateException(
                    "Not a TDB2 dataset: " + dataset.getClass().getName());
        }
        return TDBInternal.getTransactionCoordinator(inner);
    }

    /**
     * The store under the caching and timing layers: for code that needs the embedded dataset itself (the SPARQL
     * endpoint) or must ask the store rather than the cache (the health check).
     */
    public static KnowledgeStore unwrap(KnowledgeStore store) {
        return innermost(store instanceof CachingKnowledgeStore caching ? caching.delegate : store);
    }

    private static KnowledgeStore innermost(KnowledgeStore store) {
        KnowledgeStore inner = store;
        while (inner instanceof Wrapping wrapping) {
            inner = wrapping.delegate();
        }
        return inner;
    }

    /** Whether the answer to this SELECT question is held now or under way (nothing to ask ahead, then). */
    public boolean holdsSelect(Query query, QuerySolution bindings) {
        return answers.asMap().containsKey(selectKey(query, bindings));
    }

    private static Key selectKey(Query query, QuerySolution bindings) {
        return new Key("select", query, bindingMap(bindings));
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        Rows rows = cached(
                selectKey(query, bindings),
                () -> {
                    ResultSetRewindable answer = delegate.select(query, bindings, timeout);
                    List<Binding> list = new ArrayList<>();
                    while (answer.hasNext()) {
                        list.add(answer.nextBinding());
                    }
                    return new Rows(List.copyOf(answer.getResultVars()), List.copyOf(list));
                },
                r -> (long) r.rows().size() * Math.max(1, r.vars().size()));
        return new CachedRows(rows);
    }

    /**
     * Jena's in-memory result set over the cached rows themselves: bindings are immutable, so each reader gets its own
     * cursor without a copy of every row.
     */
    private static final class CachedRows extends ResultSetMem {
        CachedRows(Rows cached) {
            rows = cached.rows();
            varNames = cached.vars();
            reset();
        }
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return cached(
                new Key("ask", query, bindingMap(bindings)), () -> delegate.ask(query, bindings, timeout), b -> 1L);
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        Model model = cached(
                new Key("construct", query, bindingMap(bindings)),
                () -> delegate.construct(query, bindings, timeout),
                Model::size);
        Model copy = ModelFactory.createDefaultModel();
        copy.setNsPrefixes(model.getNsPrefixMap());
        copy.add(model);
        return copy;
    }

    @Override
    public Set<String> graphNames() {
        return new TreeSet<>(cached(
                new Key("graphNames", "", Map.of()), () -> Set.copyOf(delegate.graphNames()), s -> (long) s.size()));
    }

    @Override
    public Graph graph(String graphName) {
        Graph graph = cached(new Key("graph", graphName, Map.of()), () -> delegate.graph(graphName), Graph::size);
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }

    @Override
    public void replaceGraphs(DatasetGraph changes) {
        try {
            delegate.replaceGraphs(changes);
        } finally {
            invalidate();
        }
    }

    @Override
    public void loadGraphs(DatasetGraph graphs, LoadProgress progress) {
        try {
            delegate.loadGraphs(graphs, progress);
        } finally {
            invalidate();
        }
    }

    @Override
    public void deleteGraph(String graphName) {
        try {
            delegate.deleteGraph(graphName);
        } finally {
            invalidate();
        }
    }

    @Override
    public void update(UpdateRequest update) {
        try {
            delegate.update(update);
        } finally {
            invalidate();
        }
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        delegate.forEachQuad(sink);
    }

    @Override
    public String describe() {
        return delegate.describe() + " (answers cached until the next write)";
    }

    @Override
    public void close() {
        // The commit listener stays with the coordinator, which is discarded with the database: removing it would
        // wait for exclusive access, i.e. for every transaction still running (a query up to its timeout).
        // Not interrupted (an interrupt closes the channel of a TDB2 file a query is reading, and the store then fails
        // to close): the refresh stops at its next question, since closing empties the cache.
        refresher.shutdown();
        answering.shutdown();
        if (keptIn != null) {
            awaitKeptRead(false);
            awaitRefresh();
            keepAnswers();
        }
        changeListeners.clear();
        invalidate();
        earlier.clear();
        delegate.close();
    }

    /**
     * How long an answer is served at most: empty when answers live until the next write (over the embedded database,
     * which reports every write, or without a time to live), else the time to live within which a remote store's
     * other clients' writes are seen.
     */
    public Optional<Duration> timeToLive() {
        return Optional.ofNullable(timeToLive);
    }

    /**
     * Runs {@code listener} after every write this store sees (it should only schedule work: it runs on the writer's
     * thread).
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Empties the cache, for writes this store cannot see (writes through this store do it themselves), and asks the
     * recent questions again in the background.
     */
    public void invalidate() {
        // Answers still being read from the last run are older than this write: they are set aside with the rest.
        awaitKeptRead(false);
        // Emptied first, then the generation raised: a reader that started before sees the change and keeps nothing.
        if (refreshAfterWrite && !refresher.isShutdown()) {
            keepCostlyAside();
        }
        kept.clear();
        answers.synchronous().invalidateAll();
        long now = generation.incrementAndGet();
        List<Map.Entry<Key, Recipe>> again = refreshAfterWrite
                ? new ArrayList<>(recent.policy()
                        .eviction()
                        .orElseThrow()
                        .hottest(REFRESHED)
                        .entrySet())
                : List.of();
        if (!again.isEmpty() && !refresher.isShutdown()) {
            try {
                refresher.execute(() -> refresh(again, now));
            } catch (RejectedExecutionException closing) {
                // closing: nothing to refresh
            }
        }
        changeListeners.forEach(Runnable::run);
    }

    /**
     * Moves the costly answers held now (and those kept from the last run) to {@link #earlier}, newest first, within
     * the cache's budget of cells.
     */
    private void keepCostlyAside() {
        Map<Key, Entry> aside = new HashMap<>();
        answers.asMap().forEach((key, future) -> {
            if (future.isDone() && !future.isCompletedExceptionally() && key.query() instanceof Query) {
                Entry entry = future.join();
                if (entry.nanos() >= COSTLY.toNanos()) {
                    aside.put(key, entry);
                }
            }
        });
        kept.forEach((key, entry) -> aside.putIfAbsent(key, entry));
        long cells = aside.values().stream().mapToLong(Entry::cells).sum();
        for (Map.Entry<Key, Entry> older : earlier.entrySet()) {
            if (!aside.containsKey(older.getKey()) && cells + older.getValue().cells() <= maxCells) {
                aside.put(older.getKey(), older.getValue());
                cells += older.getValue().cells();
            }
        }
        earlier.clear();
        earlier.putAll(aside);
    }

    /** Whether the request on this thread was given an earlier answer (see the class comment). */
    public static boolean servedEarlierAnswers() {
        Freshness freshness = FRESHNESS.get();
        return freshness != null && freshness.servedEarlier;
    }

    /**
     * Marks this thread as answering a reader's request until {@link #endRequest()}: only a request may be given
     * earlier answers (within one {@link #WAIT_FOR_FRESH} in all); any other caller always waits for fresh ones.
     */
    public static void startRequest() {
        FRESHNESS.set(new Freshness());
    }

    /** Ends what {@link #startRequest()} began on this thread. */
    public static void endRequest() {
        FRESHNESS.remove();
    }

    /** Asks {@code questions} again while no newer write has emptied the cache. */
    private void refresh(List<Map.Entry<Key, Recipe>> questions, long forGeneration) {
        for (Map.Entry<Key, Recipe> question : questions) {
            if (generation.get() != forGeneration) {
                log.debug("A later write stopped the refresh after the one before it");
                return;
            }
            try {
                answer(
                        question.getKey(),
                        question.getValue().compute(),
                        question.getValue().weight(),
                        false);
            } catch (RuntimeException e) {
                // The reader who asks it next will see the failure; the refresh goes on with the others.
                log.debug("Asking a recent question again after a write failed: {}", e.toString());
            }
        }
    }

    public Stats stats() {
        answers.synchronous().cleanUp();
        long weighed = answers.synchronous()
                .policy()
                .eviction()
                .orElseThrow()
                .weightedSize()
                .orElse(0);
        return new Stats(hits.sum(), misses.sum(), (int) answers.synchronous().estimatedSize(), weighed);
    }

    /**
     * The answer to {@code key}: from the cache, from a reader computing it now, or computed here and kept unless a
     * write landed meanwhile or it weighs more than the whole budget; after a write, possibly an earlier answer (see
     * the class comment).
     */
    private <T> T cached(Key key, Supplier<T> compute, ToLongFunction<T> weight) {
        return answer(key, compute, weight, true);
    }

    /** {@link #cached}; {@code mayServeEarlier} is false for the background refresh, which must compute. */
    @SuppressWarnings("unchecked")
    private <T> T answer(Key key, Supplier<T> compute, ToLongFunction<T> weight, boolean mayServeEarlier) {
        awaitKeptRead(true);
        recent.put(key, new Recipe((Supplier<Object>) compute, v -> weight.applyAsLong((T) v)));
        long seen = generation.get();
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> present = answers.asMap().putIfAbsent(key, mine);
        Entry before = mayServeEarlier && FRESHNESS.get() != null ? earlierAnswer(key) : null;
        if (present != null) {
            hits.increment();
            try {
                return (T) await(key, present, before).value();
            } catch (Outdated dropped) {
                // The computation this caller joined was dropped: ask again, of the data as it is now.
                return answer(key, compute, weight, mayServeEarlier);
            }
        }
        if (!kept.isEmpty() && key.query() instanceof Query) {
            Entry earlierRun = kept.remove(byText(key));
            if (earlierRun != null && generation.get() == seen) {
                hits.increment();
                mine.complete(earlierRun);
                return (T) earlierRun.value();
            }
        }
        misses.increment();
        Runnable computation = () -> {
            if (before != null && generation.get() != seen) {
                // Queued behind others, and a later write came first: its answer could not be kept. Those who wait
                // for it take the earlier answer or ask again; the refresh after that write asks it afresh.
                answers.asMap().remove(key, mine);
                mine.completeExceptionally(new Outdated());
                return;
            }
            long started = System.nanoTime();
            T value;
            try {
                value = compute.get();
            } catch (RuntimeException | Error e) {
                answers.asMap().remove(key, mine);
                mine.completeExceptionally(e);
                return;
            }
            long cells = Math.max(1, weight.applyAsLong(value));
            // A write that completed while the store answered may have changed the answer: do not keep it.
            if (generation.get() != seen || cells > maxCells) {
                answers.asMap().remove(key, mine);
            } else if (!earlier.isEmpty()) {
                earlier.remove(key);
                earlier.remove(byText(key));
            }
            mine.complete(new Entry(value, (int) Math.min(cells, Integer.MAX_VALUE), System.nanoTime() - started));
        };
        if (before == null) {
            computation.run();
        } else {
            try {
                answering.execute(computation);
            } catch (RejectedExecutionException closing) {
                computation.run();
            }
        }
        return (T) await(key, mine, before).value();
    }

    /** The earlier answer to {@code key}, by the query itself or, kept from the last run, by its text. */
    private Entry earlierAnswer(Key key) {
        if (earlier.isEmpty()) {
            return null;
        }
        Entry entry = earlier.get(key);
        if (entry == null && key.query() instanceof Query) {
            entry = earlier.get(byText(key));
        }
        return entry;
    }

    /** The question as answers kept across a restart name it: its query by text ({@link KeptAnswers#text}). */
    private static Key byText(Key key) {
        return key.query() instanceof Query query ? new Key(key.kind(), KeptAnswers.text(query), key.bindings()) : key;
    }

    /**
     * The answer {@code future} brings; if an earlier answer {@code before} is known, the earlier one once the fresh
     * one has been awaited for what is left of this thread's {@link #WAIT_FOR_FRESH} (at once if a reader has already
     * waited for this fresh answer in vain), or if the fresh one failed.
     */
    private Entry await(Key key, CompletableFuture<Entry> future, Entry before) {
        try {
            if (before == null) {
                return future.join();
            }
            Freshness freshness = FRESHNESS.get();
            if (freshness == null) {
                return future.join();
            }
            long left = WAIT_FOR_FRESH.toNanos() - freshness.waitedNanos;
            long started = System.nanoTime();
            Entry answer = before;
            try {
                if (left > 0 && !late.contains(key)) {
                    answer = future.get(left, TimeUnit.NANOSECONDS);
                } else if (future.isDone() && !future.isCompletedExceptionally()) {
                    answer = future.join();
                }
            } catch (TimeoutException stillComputing) {
                // The readers after this one take the earlier answer at once until the fresh one is there.
                if (late.add(key)) {
                    future.whenComplete((entry, failure) -> late.remove(key));
                }
            } catch (ExecutionException | Outdated failedOrDropped) {
                // the earlier answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            freshness.waitedNanos += System.nanoTime() - started;
            freshness.servedEarlier |= answer == before;
            return answer;
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Map<String, Node> bindingMap(QuerySolution bindings) {
        if (bindings == null) {
            return Map.of();
        }
        Map<String, Node> map = new HashMap<>();
        for (Iterator<String> names = bindings.varNames(); names.hasNext(); ) {
            String name = names.next();
            RDFNode value = bindings.get(name);
            if (value != null) {
                map.put(name, value.asNode());
            }
        }
        return map;
    }
}
