package jp.kakaritsuke.kb.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateRequest;

/**
 * A {@link KnowledgeStore} that times every request it passes to the store under it, as the metric
 * {@value #METRIC} tagged with the operation ({@code select}, {@code ask}, {@code construct}, {@code graph},
 * {@code graph-names}, {@code write}, {@code export}) and the outcome ({@code success}, {@code timeout}, {@code
 * unavailable}, {@code error}). Placed under the answer cache, it times what the store itself was asked: the cache's
 * misses.
 */
public final class TimedKnowledgeStore implements KnowledgeStore, Wrapping {

    /** The name of the timer. */
    public static final String METRIC = "kb.store.requests";

    private final KnowledgeStore delegate;
    private final MeterRegistry registry;

    public TimedKnowledgeStore(KnowledgeStore delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    /** The store this one times. */
    @Override
    public KnowledgeStore delegate() {
        return delegate;
    }

    private <T> T timed(String operation, Supplier<T> request) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T answer = request.get();
            outcome = "success";
            return answer;
        } catch (QueryCancelledException e) {
            outcome = "timeout";
            throw e;
        } catch (StoreUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            Timer.builder(METRIC)
                    .description("Requests to the knowledge store (answers not served from the cache)")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void timedRun(String operation, Runnable request) {
        timed(operation, () -> {
            request.run();
            return null;
        });
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        return timed("select", () -> delegate.select(query, bindings, timeout));
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return timed("ask", () -> delegate.ask(query, bindings, timeout));
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        return timed("construct", () -> delegate.construct(query, bindings, timeout));
    }

    @Override
    public Set<String> graphNames() {
        return timed("graph-names", delegate::graphNames);
    }

    @Override
    public Graph graph(String graphName) {
        return timed("graph", () -> delegate.graph(graphName));
    }

    @Override
    public void replaceGraphs(DatasetGraph changes) {
        timedRun("write", () -> delegate.replaceGraphs(changes));
    }

    @Override
    public void loadGraphs(DatasetGraph graphs, LoadProgress progress) {
        timedRun("write", () -> delegate.loadGraphs(graphs, progress));
    }

    @Override
    public void deleteGraph(String graphName) {
        timedRun("write", () -> delegate.deleteGraph(graphName));
    }

    @Override
    public void update(UpdateRequest update) {
        timedRun("write", () -> delegate.update(update));
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        timedRun("export", () -> delegate.forEachQuad(sink));
    }

    @Override
    public boolean isEmpty() {
        return delegate.isEmpty();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
