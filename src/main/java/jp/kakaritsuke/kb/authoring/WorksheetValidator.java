package jp.kakaritsuke.kb.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Decides whether a graph may be saved as a worksheet: it must be one worksheet (the node {@code id/worksheet/{slug}}
 * typed {@code kk:Worksheet}, and every other subject one of its items under {@code id/worksheet/{slug}/…} or a blank
 * node), no text of it may be longer than {@code kb.input.max-text-length} ({@link InputLimits}), and it must conform
 * to the SHACL shapes.
 *
 * <p>The data graph for SHACL is the union of the worksheet, the ontology graph (subclasses, concept-scheme membership;
 * the cached {@link OntologyModel}, not a copy) and
 * the {@code rdf:type} of every resource the worksheet refers to but does not describe (its area, its template), read
 * from the store, so that "the area is a kk:Area" can be checked without copying every area into each validation.
 */
@Component
class WorksheetValidator {

    private static final Node WORKSHEET = KK.Worksheet.asNode();

    /**
     * Parsed on the first validation, not while the application starts: a cold JVM takes about 0.3 s for it on the
     * benchmark machine, which every start would add before the first page although most runs never save a worksheet.
     */
    private final SingletonSupplier<Shapes> shapes;

    private final OntologyModel ontology;
    private final NamedQueryRunner queries;
    private final String base;
    private final InputLimits limits;

    WorksheetValidator(
            AuthoringProperties properties,
            ResourceLoader resources,
            OntologyModel ontology,
            NamedQueryRunner queries,
            StoreProperties storeProperties,
            InputLimits limits) {
        this.limits = limits;
        String location = properties.shapes();
        Resource shapesFile = resources.getResource(location);
        if (!shapesFile.exists()) {
            throw new IllegalStateException("The SHACL shapes that saved worksheets are validated with were not found "
                    + "at " + location + " (kb.authoring.shapes; the build puts ontology/shapes.ttl on the "
                    + "classpath)");
        }
        this.shapes = SingletonSupplier.of(() -> Shapes.parse(loadShapes(shapesFile, location)));
        this.ontology = ontology;
        this.queries = queries;
        this.base = storeProperties.baseIri();
    }

    private static Graph loadShapes(Resource resource, String location) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = resource.getInputStream()) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
        } catch (IOException | RiotException e) {
            throw new IllegalStateException("Cannot read the SHACL shapes " + location + ": " + e.getMessage(), e);
        }
        return graph;
    }

    /** Throws {@link ValidationFailedException} unless {@code worksheet} may be saved as {@code slug}. */
    void validate(WorksheetNames names, Graph worksheet) {
        requireOneWorksheet(names, worksheet);
        limits.firstTooLong(worksheet).ifPresent(t -> {
            throw ValidationFailedException.textTooLong(names.slug(), t, limits.maxTextLength());
        });
        Graph types = GraphFactory.createDefaultGraph();
        typesOfReferences(worksheet).forEach(types::add);
        // A read-only union, not a copy: validation only reads, and the cached ontology is shared.
        Graph data = new Union(new Union(worksheet, ontology.graph()), types);
        ValidationReport full = ShaclValidator.get().validate(shapes.obtain(), data);
        // The referenced resources are there so that sh:class can see their types; they are not the author's to
        // fix, so results about them (an area's own shape wants more than its type) are left out.
        Set<Node> described = new LinkedHashSet<>();
        worksheet.find().forEachRemaining(t -> described.add(t.getSubject()));
        ValidationReport.Builder report = ValidationReport.create();
        boolean violated = false;
        for (ReportEntry entry : full.getEntries()) {
            if (entry.focusNode().isBlank() || described.contains(entry.focusNode())) {
                report.addReportEntry(entry);
                violated |= Severity.Violation.equals(entry.severity());
            }
        }
        if (violated) {
            throw new ValidationFailedException(names.slug(), report.build());
        }
    }

    private void requireOneWorksheet(WorksheetNames names, Graph graph) {
        Node worksheet = NodeFactory.createURI(names.worksheet());
        if (!graph.contains(worksheet, RDF.type.asNode(), WORKSHEET)) {
            throw ValidationFailedException.notOneWorksheet(
                    names.slug(),
                    worksheet,
                    "協議シート <" + names.worksheet() + "> （a kk:Worksheet）がありません。",
                    "The graph has no worksheet <" + names.worksheet() + "> typed kk:Worksheet.");
        }
        String items = names.worksheet() + "/";
        for (Triple t : graph.find().toList()) {
            Node s = t.getSubject();
            if (s.isURI() && !s.equals(worksheet) && !s.getURI().startsWith(items)) {
                throw ValidationFailedException.notOneWorksheet(
                        names.slug(),
                        s,
                        "協議シートのグラフには、そのシート（" + names.worksheet() + "）とその項目（" + items + "…）についての記載だけを置けます。",
                        "A worksheet graph may describe only the worksheet (" + names.worksheet() + ") and its items ("
                                + items + "…).");
            }
            if (!s.equals(worksheet)
                    && t.getPredicate().equals(RDF.type.asNode())
                    && t.getObject().equals(WORKSHEET)) {
                throw ValidationFailedException.notOneWorksheet(
                        names.slug(), s, "一つのグラフに置ける協議シートは一つだけです。", "A graph holds one worksheet only.");
            }
        }
    }

    /**
     * {@code rdf:type} triples, from the store (named query {@code authoring/types-of-resources}), of the IRIs the worksheet refers to
     * without describing them.
     */
    private Set<Triple> typesOfReferences(Graph worksheet) {
        Set<Node> described = new LinkedHashSet<>();
        worksheet.find().forEachRemaining(t -> described.add(t.getSubject()));
        Set<Node> referenced = new LinkedHashSet<>();
        worksheet.find().forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isURI() && !described.contains(o) && o.getURI().startsWith(base)) {
                referenced.add(o);
            }
        });
        Set<Triple> types = new LinkedHashSet<>();
        if (referenced.isEmpty()) {
            return types;
        }
        ResultSetRewindable rows = queries.selectEach("authoring/types-of-resources", "resource", referenced);
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            types.add(Triple.create(
                    row.get("resource").asNode(),
                    RDF.type.asNode(),
                    row.get("type").asNode()));
        }
        return types;
    }
}
