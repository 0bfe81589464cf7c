package jp.kakaritsuke.kb.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
 * put its answer in the cache, so no answer older than the last write is ever served. Writes this store cannot see
 * (other clients of a shared remote store) are seen once an entry has lived its time to live. Memory is bounded by the number
 * of cells held (result rows × columns, plus triples), the least recently used entries going first; an answer larger
 * than the whole budget is not kept. Callers get their own copies: changing a returned model or graph, or consuming a
 * result set, leaves the cache untouched.
 */
public final class CachingKnowledgeStore implements KnowledgeStore {

    /** How many answers were served from memory and how many had to be asked of the store. */
    public record Stats(long hits, long misses, int entries, long cells) {
    }

    private record Key(String kind, Object query, Map<String, Node> bindings) {
    }

    private record Entry(Object value, long cells, long storedAt) {
    }

    /** A SELECT answer as kept in memory: its variables and rows. */
    private record Rows(List<String> vars, List<Binding> rows) {
    }

    private final KnowledgeStore delegate;
    private final long maxCells;
    private final long timeToLiveNanos;
    private final LongSupplier clock;
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
    private long cells;
    private long generation;
    private long hits;
    private long misses;

    /**
     * @param delegate the store that holds the data
     * @param maxCells how many cells (result cells and triples) the cache may hold; must be positive
     * @param timeToLive how long an answer is served at most; zero or negative for as long as no write intervenes
     */
    public CachingKnowledgeStore(KnowledgeStore delegate, long maxCells, Duration timeToLive) {
        this(delegate, maxCells, timeToLive, System::nanoTime);
    }

    CachingKnowledgeStore(KnowledgeStore delegate, long maxCells, Duration timeToLive, LongSupplier clock) {
        if (maxCells <= 0) {
            throw new IllegalArgumentException("maxCells must be positive, not " + maxCells);
        }
        this.delegate = delegate;
        this.maxCells = maxCells;
        this.timeToLiveNanos = timeToLive.isNegative() || timeToLive.isZero() ? Long.MAX_VALUE : timeToLive.toNanos();
        this.clock = clock;
        this.commits = delegate instanceof TdbKnowledgeStore tdb ? coordinator(tdb.datasetGraph()) : null;
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
            throw new IllegalStateException("Not a TDB2 dataset: " + dataset.getClass().getName());
        }
        return TDBInternal.getTransactionCoordinator(inner);
    }

    /** The store under any caching layer: for code that needs the embedded dataset itself (the SPARQL endpoint). */
    public static KnowledgeStore unwrap(KnowledgeStore store) {
        return store instanceof CachingKnowledgeStore caching ? caching.delegate : store;
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        Rows rows = cached(new Key("select", query, bindingMap(bindings)), () -> {
            ResultSetRewindable answer = delegate.select(query, bindings, timeout);
            List<Binding> list = new ArrayList<>();
            while (answer.hasNext()) {
                list.add(answer.nextBinding());
            }
            return new Rows(List.copyOf(answer.getResultVars()), list);
        }, r -> (long) r.rows().size() * Math.max(1, r.vars().size()));
        List<Var> vars = rows.vars().stream().map(Var::alloc).toList();
        return ResultSetFactory.makeRewindable(ResultSet.adapt(RowSetStream.create(vars, rows.rows().iterator())));
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return cached(new Key("ask", query, bindingMap(bindings)), () -> delegate.ask(query, bindings, timeout),
                b -> 1L);
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        Model model = cached(new Key("construct", query, bindingMap(bindings)),
                () -> delegate.construct(query, bindings, timeout), Model::size);
        Model copy = ModelFactory.createDefaultModel();
        copy.setNsPrefixes(model.getNsPrefixMap());
        copy.add(model);
        return copy;
    }

    @Override
    public Set<String> graphNames() {
        return new TreeSet<>(cached(new Key("graphNames", "", Map.of()), () -> Set.copyOf(delegate.graphNames()),
                s -> (long) s.size()));
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
        if (commits != null) {
            commits.modifyConfig(() -> commits.removeListener(commitListener));
        }
        invalidate();
        delegate.close();
    }

    /** Empties the cache, for writes this store cannot see; writes through this store do it themselves. */
    public synchronized void invalidate() {
        generation++;
        entries.clear();
        cells = 0;
    }

    public synchronized Stats stats() {
        return new Stats(hits, misses, entries.size(), cells);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Supplier<T> compute, java.util.function.ToLongFunction<T> weight) {
        long seen;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null && clock.getAsLong() - entry.storedAt() < timeToLiveNanos) {
                hits++;
                return (T) entry.value();
            }
            if (entry != null) {
                remove(key);
            }
            misses++;
            seen = generation;
        }
        T value = compute.get();
        long size = Math.max(1, weight.applyAsLong(value));
        synchronized (this) {
            // A write that completed while the store answered may have changed the answer: do not keep it.
            if (seen == generation && size <= maxCells) {
                Entry previous = entries.put(key, new Entry(value, size, clock.getAsLong()));
                cells += size - (previous == null ? 0 : previous.cells());
                evict();
            }
        }
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
