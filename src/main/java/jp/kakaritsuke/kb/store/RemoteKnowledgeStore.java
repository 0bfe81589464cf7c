package jp.kakaritsuke.kb.store;

import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingLib;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

/**
 * A dataset on a remote SPARQL 1.1 server (for example a standalone Fuseki), reached through Jena's {@link RDFLink}:
 * SPARQL Query for queries, SPARQL Update for writes, the Graph Store Protocol to read and drop single graphs.
 *
 * <p>The remote dataset must present the union of its named graphs as the default graph for queries (Fuseki with
 * TDB2: {@code tdb2:unionDefaultGraph true}). {@link #replaceGraphs} sends one Update request, which a SPARQL server
 * applies as a unit. A server that cannot be reached, or fails with a 5xx status, surfaces as
 * {@link StoreUnavailableException}, as does a refusal of the configured credentials (401, 403); a query that runs
 * out of time surfaces as {@link QueryCancelledException}.
 */
public final class RemoteKnowledgeStore implements KnowledgeStore {

    private static final Query GRAPH_NAMES = QueryFactory.create("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }");
    private static final Query ALL_QUADS = QueryFactory.create("SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }");
    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final RDFLink link;
    private final String destination;
    private final Duration operationTimeout;

    /**
     * @param remote where the dataset is and how to authenticate
     * @param operationTimeout limit for the operations that take no timeout of their own (graph listing, updates,
     *     graph reads, quad streaming)
     */
    public RemoteKnowledgeStore(StoreProperties.Remote remote, Duration operationTimeout) {
        if (remote.destination() == null || remote.destination().isBlank()) {
            throw new IllegalArgumentException("kb.store.remote.destination must be set when kb.store.kind=remote");
        }
        this.destination = remote.destination();
        this.operationTimeout = operationTimeout;
        this.link = RDFLinkHTTP.newBuilder()
                .destination(remote.destination())
                .queryEndpoint(remote.queryEndpoint())
                .updateEndpoint(remote.updateEndpoint())
                .gspEndpoint(remote.gspEndpoint())
                .httpClient(httpClient(remote))
                .build();
    }

    private static HttpClient httpClient(StoreProperties.Remote remote) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(remote.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (remote.username() != null && !remote.username().isBlank()) {
            char[] password = remote.password() == null ? new char[0] : remote.password().toCharArray();
            PasswordAuthentication credentials = new PasswordAuthentication(remote.username(), password);
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            });
        }
        return builder.build();
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        return query("SELECT", timeout, () -> {
            try (QueryExec exec = execution(query, bindings, timeout)) {
                return ResultSetFactory.copyResults(ResultSet.adapt(exec.select()));
            }
        });
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return query("ASK", timeout, () -> {
            try (QueryExec exec = execution(query, bindings, timeout)) {
                return exec.ask();
            }
        });
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        return query(query.isDescribeType() ? "DESCRIBE" : "CONSTRUCT", timeout, () -> {
            try (QueryExec exec = execution(query, bindings, timeout)) {
                Graph result = GraphFactory.createDefaultGraph();
                (query.isDescribeType() ? exec.describe() : exec.construct()).find().forEachRemaining(result::add);
                return ModelFactory.createModelForGraph(result);
            }
        });
    }

    private QueryExec execution(Query query, QuerySolution bindings, Duration timeout) {
        QueryExecBuilder builder = link.newQuery().query(query).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (bindings != null) {
            Binding binding = BindingLib.asBinding(bindings);
            builder.substitution(binding);
        }
        if (builder instanceof QueryExecHTTPBuilder http) {
            // The HTTP timeout stops the wait; the protocol's timeout parameter (seconds) stops the work on servers
            // that honour it, such as Fuseki.
            http.param("timeout", String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0));
        }
        return builder.build();
    }

    @Override
    public Set<String> graphNames() {
        return query("graph listing", operationTimeout, () -> {
            Set<String> names = new TreeSet<>();
            try (QueryExec exec = execution(GRAPH_NAMES, null, operationTimeout)) {
                exec.select().forEachRemaining(row -> {
                    Node g = row.get(G);
                    if (g.isURI()) {
                        names.add(g.getURI());
                    }
                });
            }
            return names;
        });
    }

    @Override
    public Graph graph(String graphName) {
        return call("read of graph <" + graphName + ">", () -> {
            try {
                Graph copy = GraphFactory.createDefaultGraph();
                link.get(NodeFactory.createURI(graphName)).find().forEachRemaining(copy::add);
                return copy;
            } catch (HttpException e) {
                if (e.getStatusCode() == 404) {
                    return GraphFactory.createDefaultGraph();
                }
                throw e;
            }
        });
    }

    @Override
    public void replaceGraphs(DatasetGraph changes) {
        TdbKnowledgeStore.requireNamedGraphsOnly(changes);
        UpdateRequest request = new UpdateRequest();
        changes.listGraphNodes().forEachRemaining(name -> {
            request.add(new UpdateDrop(name, true));
            QuadDataAcc quads = new QuadDataAcc();
            changes.getGraph(name).find().forEachRemaining(t -> quads.addQuad(Quad.create(name, t)));
            if (!quads.getQuads().isEmpty()) {
                request.add(new UpdateDataInsert(quads));
            }
        });
        if (!request.getOperations().isEmpty()) {
            update(request);
        }
    }

    @Override
    public void deleteGraph(String graphName) {
        call("drop of graph <" + graphName + ">", () -> {
            try {
                link.delete(NodeFactory.createURI(graphName));
            } catch (HttpException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void update(UpdateRequest update) {
        call("update", () -> {
            link.newUpdate().update(update).timeout(operationTimeout.toMillis(), TimeUnit.MILLISECONDS).execute();
            return null;
        });
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        query("quad listing", operationTimeout, () -> {
            try (QueryExec exec = execution(ALL_QUADS, null, operationTimeout)) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row -> sink.accept(Quad.create(row.get(G), row.get(S), row.get(P), row.get(O))));
            }
            return null;
        });
    }

    @Override
    public String describe() {
        return "remote SPARQL store at " + destination;
    }

    @Override
    public void close() {
        link.close();
    }

    /** Runs a query, reporting a timeout on either side as a cancelled query. */
    private <T> T query(String what, Duration timeout, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return call(what, action);
        } catch (StoreUnavailableException e) {
            boolean outOfTime = Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) >= 0;
            if (outOfTime && (timedOut(e) || status(e.getCause()) == 503)) {
                QueryCancelledException cancelled = new QueryCancelledException();
                cancelled.initCause(e.getCause());
                throw cancelled;
            }
            throw e;
        }
    }

    /** Translates transport failures and server errors, once, into {@link StoreUnavailableException}. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (HttpException | QueryExceptionHTTP e) {
            int status = status(e);
            // Refused credentials are the store's configuration, not the caller's request: a bad gateway too.
            if (status <= 0 || status >= 500 || status == 401 || status == 403 || isTransportFailure(e)) {
                String reason = status > 0 ? "HTTP " + status : String.valueOf(rootMessage(e));
                throw new StoreUnavailableException(
                        "The " + what + " at " + destination + " failed: " + reason, e);
            }
            throw e;
        }
    }

    private static int status(Throwable e) {
        if (e instanceof HttpException http) {
            return http.getStatusCode();
        }
        if (e instanceof QueryExceptionHTTP http) {
            return http.getStatusCode();
        }
        return -1;
    }

    private static boolean isTransportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
