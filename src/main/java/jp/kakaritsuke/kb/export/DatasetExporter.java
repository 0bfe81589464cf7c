package jp.kakaritsuke.kb.export;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.evidence.EvidenceIris;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.ReadAhead;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.rdf.Prefixes;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the dataset, or a subset of its named graphs, to a stream in Turtle, TriG, N-Quads or JSON-LD without
 * gathering it in memory. The whole dataset streams quad by quad from {@link KnowledgeStore#forEachQuad}, read ahead
 * ({@link ReadAhead}) while the writer formats; a subset
 * is a list of graphs chosen by a named query ({@code export/worksheet-graphs-in-area.rq},
 * {@code export/worksheet-graphs-of-function.rq}, {@code export/graph-of-worksheet.rq}) or the graph of one
 * evidence data set, written graph by graph, so memory is bounded by the largest graph. The subset of an area or a
 * prefecture also carries the evidence about it ({@code export/evidence-in-area.rq}: the observations of the zones
 * within it, their medical institutions and the municipalities they cover), in the evidence graphs it comes from. JSON-LD is always written graph by graph (see
 * {@link JsonLdGraphWriter}). Turtle carries no graph names: it is the union of the graphs' triples. The loader's
 * system graph (when it loaded which files) is bookkeeping, not data, and is never exported.
 */
@Component
public class DatasetExporter {

    /** The syntaxes an export can be written in, by file extension. */
    public static final Map<String, RdfSyntax> FORMATS =
            List.of(RdfSyntax.TURTLE, RdfSyntax.TRIG, RdfSyntax.N_QUADS, RdfSyntax.JSON_LD).stream()
                    .collect(Collectors.toMap(RdfSyntax::extension, s -> s, (a, b) -> a, java.util.LinkedHashMap::new));

    private static final Query IN_AREA = NamedQueryCatalog.query("export/worksheet-graphs-in-area");
    private static final Query OF_FUNCTION = NamedQueryCatalog.query("export/worksheet-graphs-of-function");
    private static final Query OF_WORKSHEET = NamedQueryCatalog.query("export/graph-of-worksheet");
    private static final Query KNOWN = NamedQueryCatalog.query("export/resource-known");
    private static final Query EVIDENCE_IN_AREA = NamedQueryCatalog.query("export/evidence-in-area");

    private final KnowledgeStore store;
    private final String baseIri;
    private final Duration timeout;
    private final Node systemGraph;

    @Autowired
    public DatasetExporter(KnowledgeStore store, StoreProperties properties) {
        this(store, properties.baseIri(), properties.query().timeout());
    }

    /** The base IRI the exports are written against. */
    public String baseIri() {
        return baseIri;
    }

    public DatasetExporter(KnowledgeStore store, String baseIri, Duration timeout) {
        this.store = store;
        this.baseIri = baseIri;
        this.timeout = timeout;
        this.systemGraph = NodeFactory.createURI(DataLoader.systemGraph(baseIri));
    }

    /** True for the graphs an export carries: all but the loader's own record of when it loaded what. */
    boolean exported(String graphName) {
        return !systemGraph.getURI().equals(graphName);
    }

    /**
     * The syntax for a file extension.
     *
     * @throws BadRequestException naming {@code format} for anything but ttl, trig, nq and jsonld
     */
    public static RdfSyntax format(String extension) {
        RdfSyntax syntax = extension == null ? null : FORMATS.get(extension);
        if (syntax == null) {
            throw new BadRequestException(
                    "format",
                    (extension == null || extension.isEmpty() ? "missing" : "unknown format '" + extension + "'")
                            + "; one of " + String.join(", ", FORMATS.keySet()));
        }
        return syntax;
    }

    /**
     * The names of the graphs a subset consists of, in order; all graphs for the whole dataset.
     *
     * @throws NotFoundException when the area, prefecture, function or worksheet is unknown
     */
    public List<String> graphs(ExportSelection selection) {
        if (selection.scope() == ExportSelection.Scope.ALL) {
            return store.graphNames().stream().filter(this::exported).sorted().toList();
        }
        String subject = selection.subject(baseIri);
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("resource", ResourceFactory.createResource(subject));
        if (!store.ask(KNOWN, bindings, timeout)) {
            throw new NotFoundException("no " + selection.scope().key() + " '" + selection.id() + "'");
        }
        if (selection.scope() == ExportSelection.Scope.EVIDENCE) {
            String graph = baseIri + EvidenceIris.graphOfDataset(selection.id());
            if (!store.graphNames().contains(graph)) {
                throw new NotFoundException("no evidence graph for '" + selection.id() + "'");
            }
            return List.of(graph);
        }
        Query query;
        String variable;
        switch (selection.scope()) {
            case AREA, PREFECTURE -> {
                query = IN_AREA;
                variable = "area";
            }
            case FUNCTION -> {
                query = OF_FUNCTION;
                variable = "function";
            }
            default -> {
                query = OF_WORKSHEET;
                variable = "worksheet";
            }
        }
        QuerySolutionMap subset = new QuerySolutionMap();
        subset.add(variable, ResourceFactory.createResource(subject));
        ResultSetRewindable rows = store.select(query, subset, timeout);
        List<String> graphs = new ArrayList<>();
        rows.forEachRemaining(row -> graphs.add(row.getResource("graph").getURI()));
        return graphs;
    }

    /** Writes the selection to {@code out} (which stays open) in {@code syntax}. */
    public void write(ExportSelection selection, RdfSyntax syntax, OutputStream out) {
        if (syntax == RdfSyntax.JSON_LD) {
            try (JsonLdGraphWriter writer = new JsonLdGraphWriter(out)) {
                graphs(selection).forEach(name -> writer.graph(name, store.graph(name)));
                Map<Node, Graph> evidence = new LinkedHashMap<>();
                evidence(selection)
                        .forEach(quad -> evidence.computeIfAbsent(
                                        quad.getGraph(), g -> GraphFactory.createDefaultGraph())
                                .add(quad.asTriple()));
                evidence.forEach((name, graph) -> writer.graph(name.getURI(), graph));
            }
            return;
        }
        StreamRDF sink = StreamRDFWriter.getWriterStream(out, streamingFormat(syntax));
        sink.start();
        Prefixes.standard().getNsPrefixMap().forEach(sink::prefix);
        boolean triplesOnly = !syntax.carriesGraphNames();
        if (selection.scope() == ExportSelection.Scope.ALL) {
            // One pass over the quads (listing the graph names first would be a second one), read ahead on a
            // thread of its own while this one writes.
            ReadAhead.forEachQuad(store, quad -> {
                if (!quad.getGraph().equals(systemGraph)) {
                    emit(sink, quad, triplesOnly);
                }
            });
        } else {
            for (String name : graphs(selection)) {
                Node graphName = NodeFactory.createURI(name);
                store.graph(name).find().forEachRemaining(t -> emit(sink, Quad.create(graphName, t), triplesOnly));
            }
            evidence(selection).forEach(quad -> emit(sink, quad, triplesOnly));
        }
        sink.finish();
    }

    /**
     * The evidence about the area or prefecture of a selection, as quads in the graphs they come from (none for the
     * other scopes).
     */
    private List<Quad> evidence(ExportSelection selection) {
        if (selection.scope() != ExportSelection.Scope.AREA && selection.scope() != ExportSelection.Scope.PREFECTURE) {
            return List.of();
        }
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("area", ResourceFactory.createResource(selection.subject(baseIri)));
        List<Quad> quads = new ArrayList<>();
        store.select(EVIDENCE_IN_AREA, bindings, timeout)
                .forEachRemaining(row -> quads.add(Quad.create(
                        row.getResource("graph").asNode(),
                        row.get("s").asNode(),
                        row.getResource("p").asNode(),
                        row.get("o").asNode())));
        return quads;
    }

    private static void emit(StreamRDF sink, Quad quad, boolean triplesOnly) {
        if (triplesOnly) {
            sink.triple(quad.asTriple());
        } else {
            sink.quad(quad);
        }
    }

    private static RDFFormat streamingFormat(RdfSyntax syntax) {
        return switch (syntax) {
            case TURTLE -> RDFFormat.TURTLE_BLOCKS;
            case TRIG -> RDFFormat.TRIG_BLOCKS;
            case N_QUADS -> RDFFormat.NQUADS;
            default -> throw new IllegalArgumentException("not an export syntax: " + syntax);
        };
    }
}
