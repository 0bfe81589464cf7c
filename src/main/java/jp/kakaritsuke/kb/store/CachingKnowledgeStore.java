package jp.kakaritsuke.kb.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.update.UpdateRequest;

/**
 * A {@link KnowledgeStore} that remembers answers: the results of SELECT, ASK and CONSTRUCT queries (by query and
 * bindings), copies of named graphs and the list of graph names, so that the pages, which ask the same questions
 * again and again, are answered from memory until the data changes.
 *
 * <p>Every write through this store ({@link #replaceGraphs}, {@link #deleteGraph}, {@link #update}) empties the
 * cache when it completes, and so does every write transaction committed on the embedded TDB2 database by any other
 * means (the administrators' SPARQL endpoint, a restore). A read that was under way while a write happened does not
 * put its answer in the cache, so no answer older than the last write is ever served. Over the embedded database every
 * write is seen, so answers never expire by time; over a remote store, writes this store cannot see (other clients of
 * a shared store) are seen once an entry has lived its time to live. Memory is bounded by the number of cells held
 * (result rows × columns, plus triples), the least recently used entries going first; an answer larger than the whole
 * budget is not kept. Callers get their own copies: changing a returned model or graph, or consuming a result set,
 * leaves the cache untouched.
 *
 * <p>No reader pays for a write: when the cache is emptied, the {@value #REFRESHED} questions asked most recently are
 * asked again on a background thread, most recent first, and a reader asking one of them while it is being answered
 * waits for that answer rather than asking the store a second time (the same holds for two readers asking the same
 * question at once). Whoever needs to know of writes (figures computed in the background) registers with
 * {@link #onChange(Runnable)}.
 */
public final class CachingKnowledgeStore implements KnowledgeStore {

    /** How many answers were served from memory and how many had to be asked of the store. */
    public record Stats(long hits, long misses, int entries, long cells) {}

    private record Key(String kind, Object query, Map<String, Node> bindings) {}

    private record Entry(Object value, long cells, long storedAt) {}

    /** How to ask a question again: the computation and weight given to {@link #cached} the last time. */
    private record Recipe(Supplier<Object> compute, ToLongFunction<Object> weight) {}

    /** How many of the most recently asked questions are asked again in the background after a write. */
    static final int REFRESHED = 256;

    /** A SELECT answer as kept in memory: its variables and rows. */
    private record Rows(List<String> vars, List<Binding> rows) {}

    private final KnowledgeStore delegate;
    private final long maxCells;
    private final long timeToLiveNanos;
    private final LongSupplier clock;
    private final boolean refreshAfterWrite;
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
                invalidate();
            }
        }
    };
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    /** The questions asked most recently, least recent first, to be asked again after a write. */
    private final LinkedHashMap<Key, Recipe> recent = new LinkedHashMap<>(REFRESHED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recipe> eldest) {
            return size() > REFRESHED;
        }
    };
    /** Answers being computed in the current generation, for readers asking the same question meanwhile. */
    private final Map<Key, CompletableFuture<Object>> inFlight = new HashMap<>();

    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "answer-cache-refresh");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    private long cells;
    private long generation;
    private long hits;
    private long misses;

    /**
     * @param delegate the store that holds the data
     * @param maxCells how many cells (result cells and triples) the cache may hold; must be positive
     * @param timeToLive how long an answer of a remote store is served at most; zero or negative for as long as no
     *     write intervenes. Ignored over the embedded database, whose every write empties the cache.
     */
    public CachingKnowledgeStore(KnowledgeStore delegate, long maxCells, Duration timeToLive) {
        this(delegate, maxCells, timeToLive, false, System::nanoTime);
    }

    /**
     * @param refreshAfterWrite whether the most recent questions are asked again in the background after a write
     *     (the application's setting; tests that count hits and misses leave it off)
     */
    public CachingKnowledgeStore(
            KnowledgeStore delegate, long maxCells, Duration timeToLive, boolean refreshAfterWrite) {
        this(delegate, maxCells, timeToLive, refreshAfterWrite, System::nanoTime);
    }

    CachingKnowledgeStore(KnowledgeStore delegate, long maxCells, Duration timeToLive, LongSupplier clock) {
        this(delegate, maxCells, timeToLive, false, clock);
    }

    private CachingKnowledgeStore(
            KnowledgeStore delegate,
            long maxCells,
            Duration timeToLive,
            boolean refreshAfterWrite,
            LongSupplier clock) {
        if (maxCells <= 0) {
            throw new IllegalArgumentException("maxCells must be positive, not " + maxCells);
        }
        this.delegate = delegate;
        this.maxCells = maxCells;
        this.clock = clock;
        this.refreshAfterWrite = refreshAfterWrite;
        this.commits = innermost(delegate) instanceof TdbKnowledgeStore tdb ? coordinator(tdb.datasetGraph()) : null;
        this.timeToLiveNanos = commits != null || timeToLive.isNegative() || timeToLive.isZero()
                ? Long.MAX_VALUE
                : timeToLive.toNanos();
        if (commits != null) {
            // The coordinator's configuration is locked once the database is open; this is the way to change it.
            commits.modifyConfig(() -> commits.addListener(commitListener));
        }
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
        return store instanceof TimedKnowledgeStore timed ? timed.delegate() : store;
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        Rows rows = cached(
                new Key("select", query, bindingMap(bindings)),
                () -> {
                    ResultSetRewindable answer = delegate.select(query, bindings, timeout);
                    List<Binding> list = new ArrayList<>();
                    while (answer.hasNext()) {
                        list.add(answer.nextBinding());
                    }
                    return new Rows(List.copyOf(answer.getResultVars()), list);
                },
                r -> (long) r.rows().size() * Math.max(1, r.vars().size()));
        List<Var> vars = rows.vars().stream().map(Var::alloc).toList();
        return ResultSetFactory.makeRewindable(
                ResultSet.adapt(RowSetStream.create(vars, rows.rows().iterator())));
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
        refresher.shutdownNow();
        changeListeners.clear();
        invalidate();
        delegate.close();
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
     * most recent questions again in the background.
     */
    public void invalidate() {
        List<Map.Entry<Key, Recipe>> again;
        long now;
        synchronized (this) {
            generation++;
            entries.clear();
            inFlight.clear();
            cells = 0;
            now = generation;
            again = new ArrayList<>(recent.entrySet());
        }
        Collections.reverse(again);
        if (refreshAfterWrite && !again.isEmpty() && !refresher.isShutdown()) {
            try {
                refresher.execute(() -> refresh(again, now));
            } catch (RejectedExecutionException closing) {
                // closing: nothing to refresh
            }
        }
        changeListeners.forEach(Runnable::run);
    }

    /** Asks {@code questions} again while no newer write has emptied the cache. */
    private void refresh(List<Map.Entry<Key, Recipe>> questions, long forGeneration) {
        for (Map.Entry<Key, Recipe> question : questions) {
            synchronized (this) {
                if (generation != forGeneration) {
                    return;
                }
            }
            try {
                cached(
                        question.getKey(),
                        question.getValue().compute(),
                        question.getValue().weight());
            } catch (RuntimeException e) {
                // The reader who asks it next will see the failure; the refresh goes on with the others.
            }
        }
    }

    public synchronized Stats stats() {
        return new Stats(hits, misses, entries.size(), cells);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Supplier<T> compute, ToLongFunction<T> weight) {
        long seen;
        CompletableFuture<Object> answer;
        synchronized (this) {
            recent.put(key, new Recipe((Supplier<Object>) compute, v -> weight.applyAsLong((T) v)));
            Entry entry = entries.get(key);
            if (entry != null && clock.getAsLong() - entry.storedAt() < timeToLiveNanos) {
                hits++;
                return (T) entry.value();
            }
            if (entry != null) {
                remove(key);
            }
            CompletableFuture<Object> underWay = inFlight.get(key);
            if (underWay != null) {
                hits++;
                answer = underWay;
                seen = -1;
            } else {
                misses++;
                seen = generation;
                answer = new CompletableFuture<>();
                inFlight.put(key, answer);
            }
        }
        if (seen < 0) {
            try {
                return (T) answer.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        T value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                inFlight.remove(key, answer);
            }
            answer.completeExceptionally(e);
            throw e;
        }
        long size = Math.max(1, weight.applyAsLong(value));
        synchronized (this) {
            inFlight.remove(key, answer);
            // A write that completed while the store answered may have changed the answer: do not keep it.
            if (seen == generation && size <= maxCells) {
                Entry previous = entries.put(key, new Entry(value, size, clock.getAsLong()));
                cells += size - (previous == null ? 0 : previous.cells());
                evict();
            }
        }
        answer.complete(value);
        return value;
    }

    private void evict() {
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (cells > maxCells && eldest.hasNext()) {
            cells -= eldest.next().getValue().cells();
            eldest.remove();
        }
    }

    private void remove(Key key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            cells -= removed.cells();
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
