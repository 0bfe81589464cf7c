package jp.kakaritsuke.kb.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.WorksheetCounts;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.StoredBoolean;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.rdf.Prefixes;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.springframework.stereotype.Component;

/**
 * The VoID and DCAT 3 description of the dataset served at {@code /.well-known/void}: the fixed part from
 * {@code export/dataset-description.ttl}, plus what is computed from the store — triple counts, one
 * dcat:Distribution and void:dataDump per full dump with its byte size and SHA-256 checksum ({@link DumpCatalog}),
 * the subsets by kind of data and by function (named query {@code export/worksheet-graphs.rq}), an example
 * resource.
 */
@Component
class DatasetDescription {

    static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String DESCRIPTION_FILE = "export/dataset-description.ttl";
    private static final Query WORKSHEET_GRAPHS = NamedQueryCatalog.query("export/worksheet-graphs");

    private final KnowledgeStore store;
    private final DumpCatalog dumps;
    private final String baseIri;
    private final Duration timeout;
    private final byte[] fixedPart;

    private final WorksheetCounts counts;

    DatasetDescription(KnowledgeStore store, DumpCatalog dumps, StoreProperties properties, WorksheetCounts counts) {
        this.store = store;
        this.dumps = dumps;
        this.counts = counts;
        this.baseIri = properties.baseIri();
        this.timeout = properties.query().timeout();
        try (InputStream in = DatasetDescription.class.getClassLoader().getResourceAsStream(DESCRIPTION_FILE)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTION_FILE + ": not found on the classpath");
            }
            this.fixedPart = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(DESCRIPTION_FILE + ": cannot read", e);
        }
    }

    /** The IRI of the dataset in the description. */
    String datasetIri() {
        return baseIri + ".well-known/void#dataset";
    }

    /** Builds the description of the store as it is now, waiting for the dumps' figures if need be. */
    Model describe() {
        return describe(dumps.current());
    }

    /**
     * Builds the description of the store as it is now without waiting: while the dumps' figures are being
     * computed, it has no distributions.
     */
    Model describeWithoutWaiting() {
        return describe(dumps.ifReady());
    }

    private Model describe(DumpCatalog.Snapshot snapshot) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(new String(fixedPart, java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE)
                .base(baseIri)
                .parse(m);
        m.setNsPrefixes(Prefixes.standard());
        m.setNsPrefix("void", VOID.NS)
                .setNsPrefix("dcat", DCAT.NS)
                .setNsPrefix("spdx", SPDX)
                .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");

        Resource dataset = m.createResource(datasetIri());
        dataset.addLiteral(VOID.triples, m.createTypedLiteral(snapshot.triples(), XSDDatatype.XSDinteger));
        dataset.addProperty(VOID.uriSpace, baseIri + "id/");
        for (DumpCatalog.Dump dump : snapshot.dumps().values()) {
            addDistribution(m, dataset, dump);
        }

        WorksheetCounts.ByProvenance worksheets = counts.all();
        setEntities(m, "worksheets", worksheets.worksheets());
        setEntities(m, "worksheets-examples", worksheets.examples());
        setEntities(m, "worksheets-drafts", worksheets.drafts());
        setEntities(m, "worksheets-agreed", worksheets.agreed());
        setEntities(m, "worksheets-synthetic", worksheets.synthetic());

        Subsets subsets = subsets();
        setTriples(m, "seed-examples", subsets.seed, snapshot);
        setTriples(m, "demo", subsets.demo, snapshot);
        setTriples(m, "vocabulary", Set.of(KK.ONTOLOGY), snapshot);
        Set<String> areaGraphs = new LinkedHashSet<>();
        snapshot.graphSizes().keySet().stream()
                .filter(g -> g.startsWith(baseIri + "graph/areas/"))
                .forEach(areaGraphs::add);
        setTriples(m, "areas", areaGraphs, snapshot);
        addFunctionSubsets(m, dataset, subsets.byFunction, snapshot);
        if (subsets.example != null) {
            dataset.addProperty(VOID.exampleResource, m.createResource(subsets.example));
        }
        return m;
    }

    private void addDistribution(Model m, Resource dataset, DumpCatalog.Dump dump) {
        RdfSyntax syntax = dump.syntax();
        Resource download =
                m.createResource(baseIri + ExportSelection.ALL.path().substring(1) + "." + syntax.extension());
        Resource checksum = m.createResource()
                .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                .addProperty(m.createProperty(SPDX + "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256"))
                .addProperty(
                        m.createProperty(SPDX + "checksumValue"),
                        m.createTypedLiteral(dump.sha256(), XSDDatatype.XSDhexBinary));
        Resource distribution = m.createResource(baseIri + ".well-known/void#dump-" + syntax.extension())
                .addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.title, m.createLiteral(syntaxName(syntax)))
                .addProperty(DCAT.downloadURL, download)
                .addProperty(DCAT.accessURL, download)
                .addProperty(DCAT.mediaType, m.createResource(syntax.ianaIri()))
                .addProperty(
                        DCAT.byteSize,
                        m.createTypedLiteral(Long.toString(dump.byteSize()), XSDDatatype.XSDnonNegativeInteger))
                .addProperty(m.createProperty(SPDX + "checksum"), checksum)
                .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"));
        dataset.addProperty(DCAT.distribution, distribution);
        dataset.addProperty(VOID.dataDump, download);
    }

    static String syntaxName(RdfSyntax syntax) {
        return switch (syntax) {
            case TURTLE -> "Turtle";
            case TRIG -> "TriG";
            case N_QUADS -> "N-Quads";
            case JSON_LD -> "JSON-LD";
            case RDF_XML -> "RDF/XML";
            case N_TRIPLES -> "N-Triples";
        };
    }

    private void setEntities(Model m, String fragment, long entities) {
        m.createResource(baseIri + ".well-known/void#" + fragment)
                .addLiteral(VOID.entities, m.createTypedLiteral(entities, XSDDatatype.XSDinteger));
    }

    private void setTriples(Model m, String fragment, Set<String> graphs, DumpCatalog.Snapshot snapshot) {
        long triples = graphs.stream()
                .mapToLong(g -> snapshot.graphSizes().getOrDefault(g, 0L))
                .sum();
        m.createResource(baseIri + ".well-known/void#" + fragment)
                .addLiteral(VOID.triples, m.createTypedLiteral(triples, XSDDatatype.XSDinteger));
    }

    private void addFunctionSubsets(
            Model m, Resource dataset, Map<String, Set<String>> byFunction, DumpCatalog.Snapshot snapshot) {
        Model ontology = ModelFactory.createModelForGraph(store.graph(KK.ONTOLOGY));
        Property subject = DCTerms.subject;
        String functions = KK.VOCABULARY + "function/";
        byFunction.forEach((function, graphs) -> {
            if (!function.startsWith(functions)) {
                return;
            }
            String id = function.substring(functions.length());
            Resource subset = m.createResource(baseIri + ".well-known/void#function-" + id)
                    .addProperty(RDF.type, VOID.Dataset)
                    .addProperty(RDF.type, DCAT.Dataset)
                    .addProperty(subject, m.createResource(function))
                    .addProperty(VOID.dataDump, m.createResource(baseIri + "export/function/" + id + ".trig"))
                    .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"));
            ontology.createResource(function)
                    .listProperties(SKOS.prefLabel)
                    .forEachRemaining(s -> subset.addProperty(DCTerms.title, s.getObject()));
            dataset.addProperty(VOID.subset, subset);
            setTriples(m, "function-" + id, graphs, snapshot);
        });
    }

    private record Subsets(Set<String> seed, Set<String> demo, Map<String, Set<String>> byFunction, String example) {}

    private Subsets subsets() {
        Set<String> seed = new LinkedHashSet<>();
        Set<String> demo = new LinkedHashSet<>();
        Map<String, Set<String>> byFunction = new TreeMap<>();
        String[] example = new String[2];
        store.select(WORKSHEET_GRAPHS, null, timeout).forEachRemaining(row -> {
            String graph = row.getResource("graph").getURI();
            boolean synthetic = StoredBoolean.isTrue(row.get("synthetic"));
            (synthetic ? demo : seed).add(graph);
            byFunction
                    .computeIfAbsent(row.getResource("function").getURI(), f -> new LinkedHashSet<>())
                    .add(graph);
            int slot = synthetic ? 1 : 0;
            if (example[slot] == null) {
                example[slot] = row.getResource("worksheet").getURI();
            }
        });
        return new Subsets(seed, demo, byFunction, example[0] != null ? example[0] : example[1]);
    }
}
