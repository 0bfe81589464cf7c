package jp.kakaritsuke.kb.store;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateRequest;

/**
 * The one storage abstraction the application uses: an embedded TDB2 dataset or a remote SPARQL 1.1 store.
 *
 * <p>Queries see the union of all named graphs as their default graph. Every query runs with a timeout and with
 * its parameters bound by name (never spliced into the query text). Each worksheet lives in a named graph of its
 * own; writes replace whole graphs in one transaction.
 */
public interface KnowledgeStore extends AutoCloseable {

    /** Runs a SELECT query with the given bindings and timeout; the result is detached from the store. */
    ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout);

    /** Runs an ASK query. */
    boolean ask(Query query, QuerySolution bindings, Duration timeout);

    /** Runs a CONSTRUCT or DESCRIBE query; the model is detached from the store. */
    Model construct(Query query, QuerySolution bindings, Duration timeout);

    /** Names (IRIs) of all named graphs. */
    Set<String> graphNames();

    /** A detached copy of one named graph; empty if there is no such graph. */
    Graph graph(String graphName);

    /** Replaces (or creates) the named graphs of {@code changes} in one transaction; other graphs are untouched. */
    void replaceGraphs(DatasetGraph changes);

    /**
     * Writes (replacing) the named graphs of {@code graphs}, for loads too large for one request: a store may write
     * them graph by graph, telling {@code progress} after each. Unlike {@link #replaceGraphs} the load as a whole need
     * not be atomic — a failure may leave the graphs written before it — so a caller that must know whether a load
     * completed writes its own record of completion last. The embedded store writes them in one transaction.
     */
    default void loadGraphs(DatasetGraph graphs, LoadProgress progress) {
        replaceGraphs(graphs);
    }

    /** Removes one named graph. */
    void deleteGraph(String graphName);

    /** Runs a SPARQL Update in one transaction. */
    void update(UpdateRequest update);

    /** Streams every quad of the named graphs, in one read transaction, to {@code sink}. */
    void forEachQuad(Consumer<Quad> sink);

    /** True when the store holds no named graph. */
    default boolean isEmpty() {
        return graphNames().isEmpty();
    }

    /** What kind of store this is, for logs and the service description. */
    String describe();

    @Override
    void close();
}
