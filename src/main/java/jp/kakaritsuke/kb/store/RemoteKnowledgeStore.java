package jp.kakaritsuke.kb.store;

import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.kakaritsuke.kb.store.StoreProperties.Engine;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingLib;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset on a remote SPARQL 1.1 server (a standalone Fuseki, Virtuoso, …), reached through Jena's {@link RDFLink}:
 * SPARQL Query for queries, SPARQL Update for writes, the Graph Store Protocol to read, write and drop single graphs.
 *
 * <p>The remote dataset must present the union of its named graphs as the default graph for queries (Fuseki with
 * TDB2: {@code tdb2:unionDefaultGraph true}; Virtuoso does). What differs between engines is decided by
 * {@link Engine}, asked of the server itself unless configured: the form of the server-side timeout (Fuseki: whole
 * seconds; Virtuoso: milliseconds; others: none, only the client's), and how a cut or incomplete answer shows.
 *
 * <p>No answer is used when it may be incomplete: an answer flagged by the engine ({@link AnswerCheckingHttpClient})
 * is an error; graph listings page through ({@code ORDER BY} + {@code LIMIT}/{@code OFFSET}); a graph read is checked
 * against the graph's triple count and, when the store cut it, read again page by page; a SELECT or CONSTRUCT that
 * reaches the configured result cap is refused. Writes: {@link #replaceGraphs} sends one Update request, which a
 * SPARQL server applies as a unit; {@link #loadGraphs} sends graph after graph through the Graph Store Protocol, in
 * bounded requests, repeating a request after a transient failure.
 *
 * <p>A server that cannot be reached, fails with a 5xx status, refuses the credentials (401, 403) or cuts an answer
 * surfaces as {@link StoreUnavailableException} carrying the store's own message; a query that runs out of time as
 * {@link QueryCancelledException}.
 */
public final class RemoteKnowledgeStore implements KnowledgeStore {

    private static final Logger log = LoggerFactory.getLogger(RemoteKnowledgeStore.class);

    /** Virtuoso's default {@code ResultSetMaxRows}: the cap assumed when none is configured. */
    static final int VIRTUOSO_DEFAULT_CAP = 10_000;

    /** Virtuoso's own metadata graph: always there, never the application's data (left out on any engine). */
    static final String VIRTUOSO_SYSTEM_GRAPH = "http://www.openlinksw.com/schemas/virtrdf#";

    private static final Var EXCLUDED = Var.alloc("excluded");
    private static final Var GRAPH = Var.alloc("graph");
    /** The most quads one INSERT operation of {@link #replaceGraphs} carries (Virtuoso compiles each into SQL). */
    private static final int QUADS_PER_OPERATION = 500;

    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
    static final Duration WRITE_TIMEOUT_FLOOR = Duration.ofMinutes(2);
    /** How much of a store's error body goes into a message. */
    private static final int MESSAGE_CHARS = 600;

    private final StoreProperties.Remote settings;
    private final StoreQueries queries;
    private final String destination;
    private final Duration operationTimeout;
    private final HttpClient http;
    // Decided on first use: the engine (when configured as AUTO) is asked of the server.
    private volatile Engine engine;
    private volatile RDFLink link;
    private volatile int resultCap;
    private volatile int pageSize;

    /**
     * @param remote where the dataset is, how to authenticate, which engine it is
     * @param operationTimeout limit for the operations that take no timeout of their own (graph listing, updates,
     *     graph reads, quad streaming)
     * @param queries the questions of the engine probe, the graph listing and the graph reads
     */
    public RemoteKnowledgeStore(StoreProperties.Remote remote, Duration operationTimeout, StoreQueries queries) {
        if (remote.destination() == null || remote.destination().isBlank()) {
            throw new IllegalArgumentException("kb.store.remote.destination must be set when kb.store.kind=remote");
        }
        this.settings = remote;
        this.queries = queries;
        this.destination = remote.destination();
        this.operationTimeout = operationTimeout;
        this.http = new AnswerCheckingHttpClient(httpClient(remote), destination);
        this.pageSize = remote.pageSize();
        if (remote.engine() != Engine.AUTO) {
            configure(remote.engine());
        }
    }

    private static HttpClient httpClient(StoreProperties.Remote remote) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(remote.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (remote.username() != null && !remote.username().isBlank()) {
            char[] password =
                    remote.password() == null ? new char[0] : remote.password().toCharArray();
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

    // ------------------------------------------------------------------ engine

    /** The engine serving the dataset, asking the server on first use when it is not configured. */
    public Engine engine() {
        link();
        return engine;
    }

    private RDFLink link() {
        RDFLink current = link;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (link == null) {
                configure(detectEngine());
            }
            return link;
        }
    }

    private synchronized void configure(Engine detected) {
        this.engine = detected;
        boolean virtuoso = detected == Engine.VIRTUOSO;
        this.resultCap = settings.resultCap() >= 0 ? settings.resultCap() : virtuoso ? VIRTUOSO_DEFAULT_CAP : 0;
        if (resultCap > 1 && pageSize >= resultCap) {
            // Below the cap: a page exactly at the cap is flagged as cut by Virtuoso.
            pageSize = resultCap - 1;
        }
        this.link = RDFLinkHTTP.newBuilder()
                .destination(destination)
                .queryEndpoint(settings.queryEndpoint())
                .updateEndpoint(updateEndpoint())
                .gspEndpoint(gspEndpoint())
                // A long query goes as an HTML form POST, not as an application/sparql-query body: Virtuoso 7 never
                // answers the latter (the request hangs until the client gives up), and every engine takes forms.
                .querySendMode(QuerySendMode.asGetWithLimitForm)
                .httpClient(http)
                .build();
        log.info(
                "Remote store at {}: engine {}, result cap {}",
                destination,
                detected,
                resultCap > 0 ? resultCap : "none");
    }

    /** The update endpoint; Fuseki's default name {@code update} means Virtuoso's {@code sparql} on Virtuoso. */
    private String updateEndpoint() {
        return engine == Engine.VIRTUOSO && "update".equals(settings.updateEndpoint())
                ? "sparql"
                : settings.updateEndpoint();
    }

    /** The GSP endpoint; Fuseki's default name {@code data} means {@code sparql-graph-crud} on Virtuoso. */
    private String gspEndpoint() {
        return engine == Engine.VIRTUOSO && "data".equals(settings.gspEndpoint())
                ? "sparql-graph-crud"
                : settings.gspEndpoint();
    }

    /** The Graph Store Protocol endpoint's URL. */
    public String gspUrl() {
        link();
        return resolve(gspEndpoint());
    }

    /** The query endpoint's URL. */
    public String queryUrl() {
        return resolve(settings.queryEndpoint());
    }

    private String resolve(String endpoint) {
        if (endpoint.startsWith("http://") || endpoint.startsWith("https://")) {
            return endpoint;
        }
        return destination.endsWith("/") ? destination + endpoint : destination + "/" + endpoint;
    }

    /** Asks the query endpoint a trivial question and reads its headers ({@code Server}, Fuseki's request id). */
    private Engine detectEngine() {
        URI probe = URI.create(
                queryUrl() + "?query=" + URLEncoder.encode(queries.probe().serialize(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(probe)
                .timeout(operationTimeout)
                .header("Accept", "application/sparql-results+json")
                .GET()
                .build();
        HttpResponse<Void> response =
                transport("engine probe", () -> http.send(request, HttpResponse.BodyHandlers.discarding()));
        if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() >= 500) {
            throw new StoreUnavailableException(
                    "The engine probe at " + destination + " failed: HTTP " + response.statusCode(), null);
        }
        String server = response.headers().firstValue("Server").orElse("").toLowerCase(Locale.ROOT);
        if (server.contains("fuseki")
                || response.headers().firstValue("Fuseki-Request-Id").isPresent()) {
            return Engine.FUSEKI;
        }
        if (server.contains("virtuoso")) {
            return Engine.VIRTUOSO;
        }
        return Engine.GENERIC;
    }

    /** The server-side timeout parameter in the form the engine reads, or null when it has none. */
    static String timeoutParameter(Engine engine, Duration timeout) {
        return switch (engine) {
            // Fuseki parses the protocol's timeout as a whole number of seconds.
            case FUSEKI -> Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
            // Virtuoso reads milliseconds, and answers what it has when they run out (flagged, see the client).
            case VIRTUOSO -> Long.toString(Math.max(1, timeout.toMillis()));
            default -> null;
        };
    }

    // ------------------------------------------------------------------ queries

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        ResultSetRewindable rows;
        try {
            rows = query("SELECT", query, timeout, () -> {
                try (QueryExec exec = execution(query, bindings, timeout)) {
                    return ResultSetFactory.copyResults(ResultSet.adapt(exec.select()));
                }
            });
        } catch (AnswerCheckingHttpClient.ResultCut cut) {
            learnCap(cut.cap());
            throw cut;
        }
        refuseAtCap(rows.size(), query, "SELECT");
        return rows;
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return query("ASK", query, timeout, () -> {
            try (QueryExec exec = execution(query, bindings, timeout)) {
                return exec.ask();
            }
        });
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        String form = query.isDescribeType() ? "DESCRIBE" : "CONSTRUCT";
        Model model = query(form, query, timeout, () -> {
            try (QueryExec exec = execution(query, bindings, timeout)) {
                Graph result = GraphFactory.createDefaultGraph();
                (query.isDescribeType() ? exec.describe() : exec.construct())
                        .find()
                        .forEachRemaining(result::add);
                return ModelFactory.createModelForGraph(result);
            }
        });
        refuseAtCap(model.size(), query, form);
        return model;
    }

    /** A cap the store reported (on a SELECT) holds for its CONSTRUCT answers too, which it cuts without a word. */
    private void learnCap(int cap) {
        if (cap > 0 && (resultCap <= 0 || cap < resultCap)) {
            log.info("{} cuts answers at {} rows", destination, cap);
            resultCap = cap;
        }
    }

    /** An answer as large as the store's silent cap may have been cut: refuse it, unless the query asked for no more. */
    private void refuseAtCap(long size, Query query, String form) {
        if (resultCap > 0 && size >= resultCap && !(query.hasLimit() && query.getLimit() <= resultCap)) {
            throw new StoreAnswerException("The " + form + " answer from " + destination + " has " + size
                    + " rows, the store's result cap (kb.store.remote.result-cap=" + resultCap
                    + "): it may have been cut, so it is not used");
        }
    }

    private QueryExec execution(Query query, QuerySolution bindings, Duration timeout) {
        QueryExecBuilder builder = link().newQuery().query(query).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (bindings != null) {
            Binding binding = BindingLib.asBinding(bindings);
            builder.substitution(binding);
        }
        String serverTimeout = timeoutParameter(engine, timeout);
        if (serverTimeout != null && builder instanceof QueryExecHTTPBuilder httpBuilder) {
            // The HTTP timeout stops the wait; the engine's own timeout stops the work on its side.
            httpBuilder.param("timeout", serverTimeout);
        }
        return builder.build();
    }

    // ------------------------------------------------------------------ graphs

    @Override
    public Set<String> graphNames() {
        Set<String> names = new TreeSet<>();
        link();
        Query listing = QueryTransformOps.replaceVars(
                queries.graphNames(), Map.of(EXCLUDED, NodeFactory.createURI(VIRTUOSO_SYSTEM_GRAPH)));
        pagedSelect("graph listing", listing, row -> {
            Node g = row.get("g");
            if (g != null && g.isURI()) {
                names.add(g.getURI());
            }
        });
        return names;
    }

    /**
     * Runs {@code ordered} (ordered inside, no window of its own) page by page until a page comes back short; a page
     * the store cuts at its cap makes the pages that size.
     */
    private void pagedSelect(String what, Query ordered, Consumer<Binding> sink) {
        long offset = 0;
        while (true) {
            int size = pageSize;
            Query page = window(ordered, size, offset);
            List<Binding> rows = new ArrayList<>();
            try {
                query(what, page, operationTimeout, () -> {
                    try (QueryExec exec = execution(page, null, operationTimeout)) {
                        RowSet rowSet = exec.select();
                        rowSet.forEachRemaining(rows::add);
                    }
                    return null;
                });
            } catch (AnswerCheckingHttpClient.ResultCut cut) {
                // Pages just below the cap: a page exactly at the cap is flagged as cut too.
                if (cut.cap() <= 1 || cut.cap() - 1 >= size) {
                    throw cut;
                }
                learnCap(cut.cap());
                pageSize = cut.cap() - 1;
                continue;
            }
            rows.forEach(sink);
            if (rows.size() < size) {
                return;
            }
            offset += rows.size();
        }
    }

    @Override
    public Graph graph(String graphName) {
        Node name = NodeFactory.createURI(graphName);
        long expected = tripleCount(graphName);
        if (expected == 0) {
            return GraphFactory.createDefaultGraph();
        }
        Graph copy = retrying("read of graph <" + graphName + ">", () -> {
            Graph read = GraphFactory.createDefaultGraph();
            try {
                GSP.service(gspUrl())
                        .httpClient(http)
                        .graphName(name)
                        .accept(Lang.NTRIPLES)
                        .GET()
                        .find()
                        .forEachRemaining(read::add);
            } catch (HttpException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
            return read;
        });
        if (copy.size() == expected) {
            return copy;
        }
        log.info(
                "The store sent {} of the {} triples of <{}> (a capped answer): reading it page by page",
                copy.size(),
                expected,
                graphName);
        Graph paged = pagedGraph(graphName, expected);
        if (paged.size() != expected) {
            throw new StoreAnswerException("The store at " + destination + " holds " + expected
                    + " triples in <" + graphName + "> but sent " + paged.size()
                    + " even when asked page by page; the graph is not used");
        }
        return paged;
    }

    /** The number of triples in one graph, a one-row answer no cap can cut. */
    long tripleCount(String graphName) {
        Query count =
                QueryTransformOps.replaceVars(queries.graphSize(), Map.of(GRAPH, NodeFactory.createURI(graphName)));
        ResultSetRewindable rows = query("triple count of <" + graphName + ">", count, operationTimeout, () -> {
            try (QueryExec exec = execution(count, null, operationTimeout)) {
                return ResultSetFactory.copyResults(ResultSet.adapt(exec.select()));
            }
        });
        return rows.hasNext() ? rows.next().getLiteral("triples").getLong() : 0;
    }

    /**
     * Reads a graph by {@code CONSTRUCT} pages in a fixed order, the next page starting after the triples received
     * so far, so any cap smaller than the page still reads everything. Blank-node labels are kept as the store gives
     * them (its internal ids), so a blank node met on two pages is one node.
     */
    private Graph pagedGraph(String graphName, long expected) {
        Graph graph = GraphFactory.createDefaultGraph();
        Query triples =
                QueryTransformOps.replaceVars(queries.graphTriples(), Map.of(GRAPH, NodeFactory.createURI(graphName)));
        long received = 0;
        while (received < expected) {
            String query = window(triples, pageSize, received).serialize();
            byte[] page = retrying("page of graph <" + graphName + ">", () -> rawQuery(query, "application/n-triples"));
            Graph part = GraphFactory.createDefaultGraph();
            RDFParser.source(new java.io.ByteArrayInputStream(page))
                    .lang(Lang.NTRIPLES)
                    .labelToNode(LabelToNode.createUseLabelAsGiven())
                    .parse(part);
            if (part.isEmpty()) {
                break;
            }
            received += part.size();
            part.find().forEachRemaining(graph::add);
        }
        return graph;
    }

    /**
     * One page of an ordered query: the order is inside its subquery (the query file's), the window set here outside
     * it. Virtuoso refuses {@code ORDER BY … OFFSET} beyond its result cap ("Sorted TOP clause", SR353) but pages an
     * ordered subquery to any depth; for other engines the two forms mean the same.
     */
    private static Query window(Query ordered, int limit, long offset) {
        Query page = ordered.cloneQuery();
        page.setLimit(limit);
        page.setOffset(offset);
        return page;
    }

    /** A query sent as the protocol says, its answer's bytes returned whole. */
    private byte[] rawQuery(String query, String accept) {
        String serverTimeout = timeoutParameter(engine, operationTimeout);
        String form = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (serverTimeout == null ? "" : "&timeout=" + serverTimeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl()))
                .timeout(operationTimeout)
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response =
                transport("query", () -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new HttpException(response.statusCode(), "HTTP " + response.statusCode(), body);
        }
        return response.body();
    }

    /**
     * One Update request: per graph a {@code DROP SILENT} and its triples in operations of at most
     * {@value #QUADS_PER_OPERATION} quads ({@code INSERT DATA}; {@code INSERT … WHERE {}} for a graph with blank
     * nodes, which Virtuoso refuses in {@code INSERT DATA}, each blank node one fresh node for the whole operation).
     */
    @Override
    public void replaceGraphs(DatasetGraph changes) {
        TdbKnowledgeStore.requireNamedGraphsOnly(changes);
        UpdateRequest request = new UpdateRequest();
        changes.listGraphNodes().forEachRemaining(name -> {
            request.add(new UpdateDrop(name, true));
            List<Triple> triples = changes.getGraph(name).find().toList();
            boolean blank = triples.stream().anyMatch(RemoteKnowledgeStore::hasBlankNode);
            if (blank) {
                // Blank-node labels hold within one operation: such a graph goes in one.
                UpdateModify insert = new UpdateModify();
                triples.forEach(t -> insert.getInsertAcc().addQuad(Quad.create(name, t)));
                insert.setElement(new ElementGroup());
                request.add(insert);
                return;
            }
            for (int from = 0; from < triples.size(); from += QUADS_PER_OPERATION) {
                QuadDataAcc quads = new QuadDataAcc();
                triples.subList(from, Math.min(triples.size(), from + QUADS_PER_OPERATION))
                        .forEach(t -> quads.addQuad(Quad.create(name, t)));
                request.add(new UpdateDataInsert(quads));
            }
        });
        if (!request.getOperations().isEmpty()) {
            update(request);
        }
    }

    /**
     * Writes the graphs in bounded requests: graphs up to {@code kb.store.remote.load-batch} triples together, as one
     * Update request per batch ({@link #replaceGraphs}: each graph dropped and inserted), a larger graph alone through
     * the Graph Store Protocol (a PUT, then POSTs of that size when it has no blank nodes, whose labels hold within one
     * request). A request that fails transiently is repeated (each replaces whole graphs, so repeating it is safe); the
     * first lasting failure stops the load with the store's own message. Graphs written before a failure stay written:
     * the caller records completion only after the last graph.
     */
    @Override
    public void loadGraphs(DatasetGraph graphs, LoadProgress progress) {
        TdbKnowledgeStore.requireNamedGraphsOnly(graphs);
        List<Node> names = new ArrayList<>();
        graphs.listGraphNodes().forEachRemaining(names::add);
        long total = 0;
        for (Node name : names) {
            total += graphs.getGraph(name).size();
        }
        int batchLimit = settings.loadBatch();
        DatasetGraph batch = DatasetGraphFactory.create();
        List<Node> inBatch = new ArrayList<>();
        long batchSize = 0;
        long done = 0;
        int written = 0;
        for (Node name : names) {
            Graph graph = graphs.getGraph(name);
            // A graph with blank nodes goes alone through the Graph Store Protocol too: in an Update request it must
            // be one INSERT … WHERE {} operation, which Virtuoso compiles into SQL of a size it refuses.
            if (graph.size() > batchLimit
                    || graph.find()
                            .filterKeep(RemoteKnowledgeStore::hasBlankNode)
                            .hasNext()) {
                writeGraph(name, graph);
                done += graph.size();
                progress.graphWritten(++written, names.size(), name.getURI(), done, total);
                continue;
            }
            if (batchSize + graph.size() > batchLimit) {
                written = writeBatch(batch, inBatch, written, names.size(), done + batchSize, total, progress);
                done += batchSize;
                batch = DatasetGraphFactory.create();
                inBatch.clear();
                batchSize = 0;
            }
            DatasetGraph target = batch;
            graph.find().forEachRemaining(t -> target.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
            if (!inBatch.contains(name)) {
                inBatch.add(name);
            }
            batchSize += graph.size();
        }
        if (!inBatch.isEmpty()) {
            writeBatch(batch, inBatch, written, names.size(), done + batchSize, total, progress);
        }
    }

    private int writeBatch(
            DatasetGraph batch,
            List<Node> names,
            int written,
            int graphs,
            long done,
            long total,
            LoadProgress progress) {
        retrying("write of " + names.size() + " graphs (" + batch.stream().count() + " triples)", () -> {
            replaceGraphs(batch);
            return null;
        });
        int index = written;
        for (Node name : names) {
            progress.graphWritten(++index, graphs, name.getURI(), done, total);
        }
        return index;
    }

    private void writeGraph(Node name, Graph graph) {
        String what = "write of graph <" + name.getURI() + "> (" + graph.size() + " triples)";
        int batch = settings.loadBatch();
        boolean splittable = graph.size() > batch
                && graph.find()
                        .filterKeep(RemoteKnowledgeStore::hasBlankNode)
                        .toList()
                        .isEmpty();
        if (!splittable) {
            retrying(what, () -> {
                GSP.service(gspUrl())
                        .httpClient(http)
                        .graphName(name)
                        .contentType(RDFFormat.NTRIPLES)
                        .PUT(graph);
                return null;
            });
            return;
        }
        List<Triple> triples = graph.find().toList();
        for (int from = 0; from < triples.size(); from += batch) {
            Graph body = graphOf(triples.subList(from, Math.min(triples.size(), from + batch)));
            boolean first = from == 0;
            retrying(what + ", triples " + (from + 1) + "–" + Math.min(triples.size(), from + batch), () -> {
                GSP gsp = GSP.service(gspUrl()).httpClient(http).graphName(name).contentType(RDFFormat.NTRIPLES);
                if (first) {
                    gsp.PUT(body);
                } else {
                    gsp.POST(body);
                }
                return null;
            });
        }
    }

    private static boolean hasBlankNode(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    private static Graph graphOf(List<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        triples.forEach(g::add);
        return g;
    }

    @Override
    public void deleteGraph(String graphName) {
        retrying("drop of graph <" + graphName + ">", () -> {
            try {
                link().delete(NodeFactory.createURI(graphName));
            } catch (HttpException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * How long the client waits for a write: at least {@link #WRITE_TIMEOUT_FLOOR}. Giving up on a write does not stop
     * the store's work on it, and repeating it on a busy store only adds to the work.
     */
    private Duration writeTimeout() {
        return operationTimeout.compareTo(WRITE_TIMEOUT_FLOOR) > 0 ? operationTimeout : WRITE_TIMEOUT_FLOOR;
    }

    @Override
    public void update(UpdateRequest update) {
        call("update", () -> {
            link().newUpdate()
                    .update(update)
                    .timeout(writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .execute();
            return null;
        });
    }

    /**
     * Streams every quad graph by graph: the graph names page through, each graph is read whole and checked against
     * its triple count. Each graph is consistent in itself; a write between two graphs may show in the later one.
     */
    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        for (String name : graphNames()) {
            Node graphName = NodeFactory.createURI(name);
            graph(name).find().forEachRemaining(t -> sink.accept(Quad.create(graphName, t)));
        }
    }

    @Override
    public String describe() {
        Engine known = engine;
        return "remote SPARQL store at " + destination
                + (known == null ? "" : " (" + known.name().toLowerCase(Locale.ROOT) + ")");
    }

    @Override
    public void close() {
        RDFLink current = link;
        if (current != null) {
            current.close();
        }
    }

    // ------------------------------------------------------------------ failures

    /**
     * Runs a query, reporting a timeout on either side as a cancelled query; the log names the query that ran out of
     * time (its text, shortened), so that an operator can see which one the engine cannot plan.
     */
    private <T> T query(String what, Query text, Duration timeout, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return call(what, action);
        } catch (StoreAnswerException e) {
            throw e;
        } catch (QueryCancelledException e) {
            logTimeout(what, text, timeout);
            throw e;
        } catch (StoreUnavailableException e) {
            boolean outOfTime = Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) >= 0;
            if (outOfTime && (timedOut(e) || status(e.getCause()) == 503) || refusedAsTooLong(e.getCause())) {
                logTimeout(what, text, timeout);
                QueryCancelledException cancelled = new QueryCancelledException();
                cancelled.initCause(e.getCause());
                throw cancelled;
            }
            throw e;
        }
    }

    private void logTimeout(String what, Query text, Duration timeout) {
        if (log.isWarnEnabled()) {
            String shown = text == null
                    ? ""
                    : text.toString()
                            .replaceAll("(?i)PREFIX\\s+\\S*:\\s*<[^>]*>", "")
                            .replaceAll("\\s+", " ")
                            .trim();
            log.warn(
                    "{} at {} ran out of its {} ms: {}",
                    what,
                    destination,
                    timeout.toMillis(),
                    shown.length() > 600 ? shown.substring(0, 600) + "…" : shown);
        }
    }

    /**
     * Virtuoso refuses a query whose estimated cost exceeds its {@code MaxQueryCostEstimationTime} before running it:
     * a query that cannot finish in time, as a timeout would have shown.
     */
    private boolean refusedAsTooLong(Throwable e) {
        String body = e instanceof HttpException h
                ? h.getResponse()
                : e instanceof QueryExceptionHTTP q ? q.getResponse() : null;
        return engine == Engine.VIRTUOSO && body != null && body.contains("estimated execution time");
    }

    /** Runs an idempotent request, repeating it after transient failures (with growing pauses). */
    private <T> T retrying(String what, Supplier<T> action) {
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 0; ; attempt++) {
            try {
                return call(what, action);
            } catch (StoreAnswerException e) {
                throw e;
            } catch (StoreUnavailableException e) {
                if (attempt >= settings.retries() || !transientFailure(e.getCause())) {
                    throw e;
                }
                log.warn("{} failed ({}); trying again in {} ms", what, e.getMessage(), delay.toMillis());
                LockSupport.parkNanos(delay.toNanos());
                delay = delay.multipliedBy(2);
            }
        }
    }

    private static boolean transientFailure(Throwable e) {
        int status = status(e);
        return status == 502 || status == 503 || status == 504 || (status <= 0 && isTransportFailure(e));
    }

    /** Translates transport failures and server errors, once, into {@link StoreUnavailableException}. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (HttpException | QueryExceptionHTTP e) {
            // Jena wraps what the answer-checking client threw; the check's own exception is the news.
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof StoreAnswerException answer) {
                    throw answer;
                }
                if (t instanceof QueryCancelledException cancelled) {
                    throw cancelled;
                }
            }
            int status = status(e);
            String reason = (status > 0 ? "HTTP " + status : String.valueOf(rootMessage(e))) + storeMessage(e);
            // Refused credentials are the store's configuration, not the caller's request: a bad gateway too.
            if (status <= 0 || status >= 500 || status == 401 || status == 403 || isTransportFailure(e)) {
                throw new StoreUnavailableException("The " + what + " at " + destination + " failed: " + reason, e);
            }
            throw new StoreRequestException(
                    "The store at " + destination + " refused the " + what + ": " + reason, status, e);
        }
    }

    /** Runs a request of Java's HTTP client, translating transport failures. */
    private <T> T transport(String what, HttpCall<T> call) {
        try {
            return call.run();
        } catch (HttpTimeoutException e) {
            throw new StoreUnavailableException("The " + what + " at " + destination + " timed out", e);
        } catch (IOException e) {
            throw new StoreUnavailableException(
                    "The " + what + " at " + destination + " failed: " + rootMessage(e), new HttpException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted during the " + what + " at " + destination, e);
        }
    }

    @FunctionalInterface
    private interface HttpCall<T> {
        T run() throws IOException, InterruptedException;
    }

    /** The store's own words from an error response, shortened, or nothing. */
    private static String storeMessage(Throwable e) {
        String body = e instanceof HttpException h
                ? h.getResponse()
                : e instanceof QueryExceptionHTTP q ? q.getResponse() : null;
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return " — " + (text.length() > MESSAGE_CHARS ? text.substring(0, MESSAGE_CHARS) + "…" : text);
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
