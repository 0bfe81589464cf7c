package jp.kakaritsuke.kb.query;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QueryType;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named queries against the knowledge store: looks the query up, binds the caller's values by name and runs it
 * with the configured timeout.
 */
public class NamedQueryRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NamedQueryRunner.class);

    /** How many questions asked ahead ({@link #prefetch}) are answered at once. */
    static final int PREFETCHING = 2;

    /** How many questions asked ahead wait at most; more are not asked ahead. */
    static final int PREFETCH_QUEUE = 32;

    private final NamedQueryCatalog catalog;
    private final KnowledgeStore store;
    private final Duration timeout;
    private final String baseIri;
    /** Answers the questions asked ahead; its threads are started on the first one. */
    private final ThreadPoolExecutor ahead;

    /**
     * @param baseIri the instance base that relative IRI values are resolved against
     */
    public NamedQueryRunner(NamedQueryCatalog catalog, KnowledgeStore store, Duration timeout, String baseIri) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.baseIri = Objects.requireNonNull(baseIri, "baseIri");
        this.ahead = new ThreadPoolExecutor(
                PREFETCHING,
                PREFETCHING,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PREFETCH_QUEUE),
                task -> {
                    Thread thread = new Thread(task, "questions-asked-ahead");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.ahead.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts answering the SELECT query in the background and returns at once, so that the questions a page is going
     * to ask one after the other are answered side by side (on a cold start, a prefecture's page asks three that take
     * 0.3–0.7 s each at 構想区域 × 10 years). The page then asks each as usual and finds its answer held, or under way
     * and waits for it: only the answer cache ({@link CachingKnowledgeStore}) shares an answer under way with whoever
     * asks for it, so without it nothing is asked ahead; nor when the answer is held or under way already, or when
     * {@value #PREFETCH_QUEUE} questions are waiting.
     * A failure is left to the page's own call to report.
     *
     * @return complete once the question asked ahead is answered, or at once if nothing was asked (pages ignore it)
     * @throws NamedQueryNotFoundException if there is no such query
     */
    public CompletableFuture<Void> prefetch(NamedQuery query, QuerySolution bindings) {
        requireKind(query, QueryType.SELECT);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        if (!(store instanceof CachingKnowledgeStore cache) || cache.holdsSelect(query.query(), bindings)) {
            answered.complete(null);
            return answered;
        }
        try {
            ahead.execute(() -> {
                try {
                    select(query, bindings);
                } catch (RuntimeException e) {
                    log.debug("Query {} asked ahead failed: {}", query.name(), e.toString());
                } finally {
                    answered.complete(null);
                }
            });
        } catch (RejectedExecutionException fullOrClosed) {
            answered.complete(null);
        }
        return answered;
    }

    /**
     * {@link #prefetch(NamedQuery, QuerySolution)} for the SELECT query {@code name} with string parameter values.
     *
     * @throws NamedQueryNotFoundException if there is no such query
     * @throws BadParameterException if a value cannot be bound
     */
    public CompletableFuture<Void> prefetch(String name, Map<String, String> params) {
        NamedQuery query = catalog.get(name);
        return prefetch(query, query.bindings(params, baseIri));
    }

    /**
     * Stops asking ahead: the questions still waiting are dropped, and those being answered are awaited (at most the
     * query timeout; not interrupted, since an interrupt closes the TDB2 file a query is reading).
     */
    @Override
    public void close() {
        ahead.getQueue().clear();
        ahead.shutdown();
        try {
            if (!ahead.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Questions asked ahead still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the SELECT query {@code name} with string parameter values.
     *
     * @throws NamedQueryNotFoundException if there is no such query
     * @throws BadParameterException if a value cannot be bound
     */
    public ResultSetRewindable select(String name, Map<String, String> params) {
        return run(name, params, QueryType.SELECT, KnowledgeStore::select);
    }

    /** Runs a SELECT named query with bindings already built. */
    public ResultSetRewindable select(NamedQuery query, QuerySolution bindings) {
        return run(query, bindings, QueryType.SELECT, KnowledgeStore::select);
    }

    /**
     * Runs the SELECT query {@code name} once for several values of its parameter {@code parameter}, in one request:
     * the values are bound as a {@code VALUES} block added to the parsed query (never spliced into its text).
     *
     * @throws NamedQueryNotFoundException if there is no such query
     * @throws BadParameterException if the query declares no such parameter
     */
    public ResultSetRewindable selectEach(String name, String parameter, Collection<Node> values) {
        NamedQuery named = catalog.get(name);
        requireKind(named, QueryType.SELECT);
        if (named.params().stream().noneMatch(p -> p.name().equals(parameter))) {
            throw new BadParameterException(name, parameter, "no such parameter");
        }
        Query query = forEach(named.query(), parameter, values);
        return timed(named, () -> store.select(query, null, timeout));
    }

    /**
     * A copy of {@code query} asked once for each of {@code values} of its variable {@code parameter}: the values are
     * a {@code VALUES} block added to the parsed query, never spliced into its text. ARQ reads the block first and
     * answers the pattern once per value.
     */
    public static Query forEach(Query query, String parameter, Collection<Node> values) {
        Var var = Var.alloc(parameter);
        Query each = query.cloneQuery();
        each.setValuesDataBlock(
                List.of(var),
                values.stream().map(value -> BindingFactory.binding(var, value)).toList());
        return each;
    }

    /**
     * Runs the CONSTRUCT query {@code name} with string parameter values.
     *
     * @throws NamedQueryNotFoundException if there is no such query
     * @throws BadParameterException if a value cannot be bound
     */
    public Model construct(String name, Map<String, String> params) {
        return run(name, params, QueryType.CONSTRUCT, KnowledgeStore::construct);
    }

    /** Runs a CONSTRUCT named query with bindings already built. */
    public Model construct(NamedQuery query, QuerySolution bindings) {
        return run(query, bindings, QueryType.CONSTRUCT, KnowledgeStore::construct);
    }

    /**
     * Runs the ASK query {@code name} with string parameter values.
     *
     * @throws NamedQueryNotFoundException if there is no such query
     * @throws BadParameterException if a value cannot be bound
     */
    public boolean ask(String name, Map<String, String> params) {
        return run(name, params, QueryType.ASK, KnowledgeStore::ask);
    }

    /** Runs an ASK named query with bindings already built. */
    public boolean ask(NamedQuery query, QuerySolution bindings) {
        return run(query, bindings, QueryType.ASK, KnowledgeStore::ask);
    }

    /** How the store runs a query of one kind. */
    @FunctionalInterface
    private interface Execution<T> {
        T run(KnowledgeStore store, Query query, QuerySolution bindings, Duration timeout);
    }

    /** Looks the query up, binds the string values and runs it, if it is of the {@code kind} expected. */
    private <T> T run(String name, Map<String, String> params, QueryType kind, Execution<T> execution) {
        NamedQuery query = catalog.get(name);
        return run(query, query.bindings(params, baseIri), kind, execution);
    }

    /** Runs the query with the configured timeout, if it is of the {@code kind} expected. */
    private <T> T run(NamedQuery query, QuerySolution bindings, QueryType kind, Execution<T> execution) {
        requireKind(query, kind);
        return timed(query, () -> execution.run(store, query.query(), bindings, timeout));
    }

    /**
     * Runs {@code request} for {@code query}, and logs how long it took: at INFO when it took a tenth of the timeout
     * or more (a query that pages wait for), else at DEBUG. Answers from the answer cache take next to nothing.
     */
    private <T> T timed(NamedQuery query, Supplier<T> request) {
        long started = System.nanoTime();
        try {
            return request.get();
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= timeout.toMillis() / 10) {
                log.info("Query {} answered in {} ms", query.name(), millis);
            } else if (log.isDebugEnabled()) {
                log.debug("Query {} answered in {} ms", query.name(), millis);
            }
        }
    }

    private static void requireKind(NamedQuery query, QueryType wanted) {
        QueryType kind = query.query().queryType();
        if (kind != wanted) {
            throw new IllegalStateException("query '" + query.name() + "' is a " + kind + " query, not " + wanted);
        }
    }
}
