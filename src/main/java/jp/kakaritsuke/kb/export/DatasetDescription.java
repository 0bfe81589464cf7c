package jp.kakaritsuke.kb.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.kakaritsuke.kb.evidence.EvidenceIris;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.WorksheetCounts;
import jp.kakaritsuke.kb.store.KeptUntilWrite;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.StoredBoolean;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.Prefixes;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphReadOnly;
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
 * the subsets by kind of data and by function (named query {@code export/worksheet-graphs.rq}), one subset per
 * evidence data set with its licences, caveats and the originals it derives from, credited in {@code dct:rights}
 * (named query {@code export/evidence-datasets.rq}), an example resource. The description conforms to the DCAT-AP 3
 * SHACL shapes. It is made once for each state of the store and of the dumps' figures, and kept until the next write
 * ({@link KeptUntilWrite}), so that {@code /catalog} and {@code /.well-known/void} do not build it on every request.
 */
@Component
class DatasetDescription {

    static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String DESCRIPTION_FILE = "export/dataset-description.ttl";
    private static final Query WORKSHEET_GRAPHS = NamedQueryCatalog.query("export/worksheet-graphs");
    private static final Query EVIDENCE_DATASETS = NamedQueryCatalog.query("export/evidence-datasets");
    private static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";
    private static final String HEALTH_THEME = "http://publications.europa.eu/resource/authority/data-theme/HEAL";
    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    /** DCAT-AP's property for how long a distribution is planned to stay available, and the value it has here. */
    private static final String AVAILABILITY = "http://data.europa.eu/r5r/availability";

    private static final String AVAILABLE =
            "http://publications.europa.eu/resource/authority/planned-availability/AVAILABLE";
    /** Japan in e-Stat's standard area codes: the area every part of the dataset covers. */
    private static final String JAPAN = "http://data.e-stat.go.jp/lod/sac/C00000";
    /** The first and last year of the evidence: the 2020 census and the farthest projection, 2050. */
    private static final int EVIDENCE_FROM = 2020;

    private static final int EVIDENCE_TO = 2050;

    private final KnowledgeStore store;
    private final OntologyModel ontology;
    private final DumpCatalog dumps;
    private final String baseIri;
    private final Duration timeout;
    /** The fixed part, parsed once; each description starts from a copy. */
    private final Model fixedPart;
    /** The description of the store as it is, for the dumps' figures it was made with, until the next write. */
    private final KeptUntilWrite<Model> described;

    private final WorksheetCounts counts;
    private final CatalogProperties catalog;

    DatasetDescription(
            KnowledgeStore store,
            OntologyModel ontology,
            DumpCatalog dumps,
            StoreProperties properties,
            WorksheetCounts counts,
            CatalogProperties catalog) {
        this.store = store;
        this.ontology = ontology;
        this.dumps = dumps;
        this.counts = counts;
        this.catalog = catalog;
        this.baseIri = properties.baseIri();
        this.timeout = properties.query().timeout();
        this.described = new KeptUntilWrite<>(store);
        this.fixedPart = ModelFactory.createDefaultModel();
        try (InputStream in = DatasetDescription.class.getClassLoader().getResourceAsStream(DESCRIPTION_FILE)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTION_FILE + ": not found on the classpath");
            }
            RDFParser.source(in).lang(Lang.TURTLE).base(baseIri).parse(fixedPart);
        } catch (IOException e) {
            throw new UncheckedIOException(DESCRIPTION_FILE + ": cannot read", e);
        }
    }

    /** The IRI of the dataset in the description. */
    String datasetIri() {
        return baseIri + ".well-known/void#dataset";
    }

    /**
     * The description of the store as it is now, waiting for the dumps' figures if need be; read-only (it is made
     * once per state of the store and shared by the requests until the next write).
     */
    Model describe() {
        return readOnly(described.get(dumps.current(), this::describe));
    }

    /**
     * The description of the store as it is now without waiting: while the dumps' figures are being computed, it has
     * no distributions. Read-only, as {@link #describe()}.
     */
    Model describeWithoutWaiting() {
        return readOnly(described.get(dumps.ifReady(), this::describe));
    }

    private static Model readOnly(Model m) {
        return ModelFactory.createModelForGraph(new GraphReadOnly(m.getGraph()));
    }

    private Model describe(DumpCatalog.Snapshot snapshot) {
        Model m = ModelFactory.createDefaultModel();
        m.add(fixedPart);
        m.setNsPrefixes(fixedPart);
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
        Years all = subsets.allYears().with(EVIDENCE_FROM).with(EVIDENCE_TO);
        dataset.addProperty(DCTerms.temporal, period(m, "coverage", all));
        addPeriod(m, "seed-examples", subsets.seedYears());
        addPeriod(m, "demo", subsets.demoYears());
        setTriples(m, "vocabulary", Set.of(KK.ONTOLOGY), snapshot);
        Set<String> areaGraphs = new LinkedHashSet<>();
        snapshot.graphSizes().keySet().stream()
                .filter(g -> g.startsWith(baseIri + "graph/areas/"))
                .forEach(areaGraphs::add);
        setTriples(m, "areas", areaGraphs, snapshot);
        addFunctionSubsets(m, dataset, subsets, snapshot);
        addEvidenceSubsets(m, dataset, snapshot);
        if (subsets.example != null) {
            dataset.addProperty(VOID.exampleResource, m.createResource(subsets.example));
        }
        addContactPoint(m, baseIri, catalog);
        return m;
    }

    /**
     * The contact point of every data set and of the SPARQL service, when the deployment configures one
     * ({@code kb.catalog.contact-*}); none otherwise, rather than an address nobody reads.
     */
    static void addContactPoint(Model m, String baseIri, CatalogProperties catalog) {
        if (!catalog.hasContact()) {
            return;
        }
        Resource contact = m.createResource(baseIri + ".well-known/void#contact")
                .addProperty(RDF.type, m.createResource(VCARD + "Kind"));
        if (catalog.contactName() != null) {
            contact.addProperty(m.createProperty(VCARD + "fn"), catalog.contactName());
        }
        if (catalog.contactEmail() != null) {
            contact.addProperty(
                    m.createProperty(VCARD + "hasEmail"), m.createResource("mailto:" + catalog.contactEmail()));
        }
        if (catalog.contactUrl() != null) {
            contact.addProperty(m.createProperty(VCARD + "hasURL"), m.createResource(catalog.contactUrl()));
        }
        List<Resource> described = new ArrayList<>(
                m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList());
        described.addAll(m.listSubjectsWithProperty(RDF.type, DCAT.DataService).toList());
        for (Resource r : described) {
            r.addProperty(DCAT.contactPoint, contact);
        }
    }

    /** The first and last fiscal year of some worksheets; empty when none states one. */
    record Years(Integer from, Integer to) {

        static final Years NONE = new Years(null, null);

        Years with(int year) {
            return new Years(from == null ? year : Math.min(from, year), to == null ? year : Math.max(to, year));
        }
    }

    /** The period {@code years} spans, as the node {@code .well-known/void#{fragment}-period}. */
    private Resource period(Model m, String fragment, Years years) {
        return m.createResource(baseIri + ".well-known/void#" + fragment)
                .addProperty(RDF.type, DCTerms.PeriodOfTime)
                .addProperty(DCAT.startDate, m.createTypedLiteral(Integer.toString(years.from()), XSDDatatype.XSDgYear))
                .addProperty(DCAT.endDate, m.createTypedLiteral(Integer.toString(years.to()), XSDDatatype.XSDgYear));
    }

    /** States the fiscal years the subset {@code fragment} covers, if its worksheets state any. */
    private void addPeriod(Model m, String fragment, Years years) {
        if (years.from() != null) {
            m.createResource(baseIri + ".well-known/void#" + fragment)
                    .addProperty(DCTerms.temporal, period(m, fragment + "-period", years));
        }
    }

    /**
     * A distribution of a subset: its TriG download, with the same licence, format and media type as the full TriG
     * dump.
     */
    private Resource subsetDistribution(Model m, String fragment, String download, String titleJa, String titleEn) {
        Resource url = m.createResource(download);
        return m.createResource(baseIri + ".well-known/void#" + fragment + "-trig")
                .addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.title, m.createLiteral(titleJa + "（TriG）", "ja"))
                .addProperty(DCTerms.title, m.createLiteral(titleEn + " (TriG)", "en"))
                .addProperty(DCTerms.description, m.createLiteral("この部分集合の名前付きグラフを TriG で。ストアの今の内容から作る。", "ja"))
                .addProperty(
                        DCTerms.description,
                        m.createLiteral(
                                "The named graphs of this subset in TriG, made from the store as it is now.", "en"))
                .addProperty(DCAT.downloadURL, url)
                .addProperty(DCAT.accessURL, url)
                .addProperty(DCAT.mediaType, mediaType(m, RdfSyntax.TRIG))
                .addProperty(DCTerms.format, fileFormat(m, RdfSyntax.TRIG))
                .addProperty(m.createProperty(AVAILABILITY), availability(m))
                .addProperty(DCTerms.license, m.createResource(CC_BY));
    }

    private static Resource mediaType(Model m, RdfSyntax syntax) {
        return m.createResource(syntax.ianaIri()).addProperty(RDF.type, DCTerms.MediaType);
    }

    private static Resource fileFormat(Model m, RdfSyntax syntax) {
        return m.createResource(FILE_TYPES + fileType(syntax)).addProperty(RDF.type, DCTerms.MediaTypeOrExtent);
    }

    /**
     * The planned availability of the downloads: as long as the instance runs, made from the store as it is (the
     * concept's labels are in the fixed part).
     */
    private static Resource availability(Model m) {
        return m.createResource(AVAILABLE);
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
                .addProperty(
                        DCTerms.description,
                        m.createLiteral("全データ（すべての名前付きグラフ）の " + syntaxName(syntax) + " ダンプ。", "ja"))
                .addProperty(
                        DCTerms.description,
                        m.createLiteral(
                                "The whole dataset (every named graph) as one " + syntaxName(syntax) + " dump.", "en"))
                .addProperty(DCAT.downloadURL, download)
                .addProperty(DCAT.accessURL, download)
                .addProperty(DCAT.mediaType, mediaType(m, syntax))
                .addProperty(DCTerms.format, fileFormat(m, syntax))
                .addProperty(m.createProperty(AVAILABILITY), availability(m))
                .addProperty(
                        DCAT.byteSize,
                        m.createTypedLiteral(Long.toString(dump.byteSize()), XSDDatatype.XSDnonNegativeInteger))
                .addProperty(m.createProperty(SPDX + "checksum"), checksum)
                .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"));
        dataset.addProperty(DCAT.distribution, distribution);
        dataset.addProperty(VOID.dataDump, download);
    }

    /** The syntax's file type in the EU file-type authority table (DCAT-AP's vocabulary for dct:format). */
    static String fileType(RdfSyntax syntax) {
        return switch (syntax) {
            case TURTLE -> "RDF_TURTLE";
            case TRIG -> "RDF_TRIG";
            case N_QUADS -> "RDF_N_QUADS";
            case JSON_LD -> "JSON_LD";
            case RDF_XML -> "RDF_XML";
            case N_TRIPLES -> "RDF_N_TRIPLES";
        };
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

    private void addFunctionSubsets(Model m, Resource dataset, Subsets subsets, DumpCatalog.Snapshot snapshot) {
        Map<String, Set<String>> byFunction = subsets.byFunction();
        Model ontology = this.ontology.model();
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
                    .addProperty(DCTerms.license, m.createResource(CC_BY))
                    .addProperty(DCTerms.publisher, m.createResource(baseIri + "id/agent/editors"))
                    .addProperty(DCTerms.spatial, m.createResource(JAPAN))
                    .addProperty(DCAT.theme, m.createResource(HEALTH_THEME));
            Resource concept = ontology.createResource(function);
            subset.addProperty(
                    DCAT.distribution,
                    subsetDistribution(
                            m,
                            "function-" + id,
                            baseIri + "export/function/" + id + ".trig",
                            "機能別の協議シート：" + LocalizedText.of(concept, SKOS.prefLabel, "ja"),
                            "Worksheets on the function " + LocalizedText.of(concept, SKOS.prefLabel, "en")));
            addPeriod(m, "function-" + id, subsets.yearsByFunction().getOrDefault(function, Years.NONE));
            ontology.createResource(function).listProperties(SKOS.prefLabel).forEachRemaining(s -> {
                subset.addProperty(DCTerms.title, s.getObject());
                subset.addProperty(DCAT.keyword, s.getObject());
                String label = s.getString();
                subset.addProperty(
                        DCTerms.description,
                        "en".equals(s.getLanguage())
                                ? m.createLiteral(
                                        "The worksheets on the function " + label + " (narrower functions included).",
                                        "en")
                                : m.createLiteral("かかりつけ医機能「" + label + "」（下位の機能を含む）についての協議シート。", "ja"));
            });
            dataset.addProperty(VOID.subset, subset);
            setTriples(m, "function-" + id, graphs, snapshot);
        });
    }

    /**
     * One subset per evidence data set that has a graph in the store: its description as the evidence's sources
     * graph gives it (title, description, licences, period, coverage, caveats, originals), the triples of its graph,
     * its download, and an attribution naming the originals (publisher and title) in {@code dct:rights}.
     */
    private void addEvidenceSubsets(Model m, Resource dataset, DumpCatalog.Snapshot snapshot) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("sources", m.createResource(baseIri + EvidenceIris.graph("sources")));
        Model evidence = store.construct(EVIDENCE_DATASETS, bindings, timeout);
        String prefix = baseIri + EvidenceIris.dataset("");
        for (Resource subset :
                evidence.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList()) {
            if (!subset.isURIResource() || !subset.getURI().startsWith(prefix)) {
                continue;
            }
            String name = subset.getURI().substring(prefix.length());
            String graph = baseIri + EvidenceIris.graphOfDataset(name);
            if (!snapshot.graphSizes().containsKey(graph)) {
                continue;
            }
            m.add(subset.listProperties());
            Resource described = m.createResource(subset.getURI())
                    .addProperty(RDF.type, VOID.Dataset)
                    .addProperty(VOID.dataDump, m.createResource(baseIri + "export/evidence/" + name + ".trig"))
                    .addProperty(
                            DCAT.distribution,
                            subsetDistribution(
                                    m,
                                    "evidence-" + name,
                                    baseIri + "export/evidence/" + name + ".trig",
                                    "根拠データ：" + name,
                                    "Evidence: " + name))
                    .addProperty(DCTerms.publisher, m.createResource(baseIri + "id/agent/editors"))
                    .addProperty(DCAT.theme, m.createResource(HEALTH_THEME))
                    .addProperty(DCAT.keyword, m.createLiteral("地域医療構想", "ja"))
                    .addProperty(DCAT.keyword, m.createLiteral("regional medical-care vision", "en"))
                    .addLiteral(
                            VOID.triples,
                            m.createTypedLiteral(snapshot.graphSizes().get(graph), XSDDatatype.XSDinteger));
            StringBuilder ja = new StringBuilder("出典：");
            StringBuilder en = new StringBuilder("Sources: ");
            List<Resource> originals = new ArrayList<>();
            subset.listProperties(PROV.wasDerivedFrom).forEachRemaining(s -> originals.add(s.getResource()));
            originals.sort(Comparator.comparing(Resource::getURI));
            for (Resource original : originals) {
                if (!original.hasProperty(DCTerms.publisher)) {
                    continue;
                }
                m.add(original.listProperties());
                String publisher = original.getProperty(DCTerms.publisher).getString();
                String titleJa = LocalizedText.of(original, DCTerms.title, "ja");
                String titleEn = LocalizedText.of(original, DCTerms.title, "en");
                if (ja.length() > "出典：".length()) {
                    ja.append("、");
                    en.append("; ");
                }
                ja.append(publisher).append("「").append(titleJa).append("」");
                en.append(titleEn).append(" (").append(publisher).append(")");
            }
            ja.append("。各原典の利用条件に従い、出典を明記して利用すること。");
            en.append(". Credit the originals as their terms of use require.");
            described.addProperty(DCTerms.rights, m.createLiteral(ja.toString(), "ja"));
            described.addProperty(DCTerms.rights, m.createLiteral(en.toString(), "en"));
            subset.listProperties(DCTerms.temporal)
                    .forEachRemaining(s -> m.add(s.getResource().listProperties()));
            dataset.addProperty(VOID.subset, described);
        }
    }

    private record Subsets(
            Set<String> seed,
            Set<String> demo,
            Map<String, Set<String>> byFunction,
            String example,
            Years seedYears,
            Years demoYears,
            Map<String, Years> yearsByFunction) {

        Years allYears() {
            Years all = seedYears;
            for (Integer y : new Integer[] {demoYears.from(), demoYears.to()}) {
                if (y != null) {
                    all = all.with(y);
                }
            }
            return all;
        }
    }

    private Subsets subsets() {
        Set<String> seed = new TreeSet<>();
        Set<String> demo = new TreeSet<>();
        Map<String, Set<String>> byFunction = new TreeMap<>();
        // The least graph of each slot (sourced, synthetic) and its worksheet: the example resource.
        String[][] example = new String[2][];
        Years[] years = {Years.NONE, Years.NONE};
        Map<String, Years> yearsByFunction = new TreeMap<>();
        Map<String, List<String>> countsUnder = new HashMap<>();
        store.select(WORKSHEET_GRAPHS, null, timeout).forEachRemaining(row -> {
            String graph = row.getResource("graph").getURI();
            boolean synthetic = StoredBoolean.isTrue(row.get("synthetic"));
            (synthetic ? demo : seed).add(graph);
            // A worksheet counts under its own function and the broader ones (skos:broader in the ontology).
            List<String> functions =
                    countsUnder.computeIfAbsent(row.getResource("function").getURI(), this::withBroader);
            Integer year = fiscalYear(row.get("fiscalYear"));
            for (String function : functions) {
                byFunction.computeIfAbsent(function, f -> new TreeSet<>()).add(graph);
                if (year != null) {
                    yearsByFunction.merge(function, Years.NONE.with(year), (a, b) -> a.with(b.from()));
                }
            }
            int slot = synthetic ? 1 : 0;
            if (year != null) {
                years[slot] = years[slot].with(year);
            }
            if (example[slot] == null || graph.compareTo(example[slot][0]) < 0) {
                example[slot] =
                        new String[] {graph, row.getResource("worksheet").getURI()};
            }
        });
        String exampleWorksheet = example[0] != null ? example[0][1] : example[1] != null ? example[1][1] : null;
        return new Subsets(seed, demo, byFunction, exampleWorksheet, years[0], years[1], yearsByFunction);
    }

    /** The function and those broader than it, by the ontology's skos:broader. */
    private List<String> withBroader(String function) {
        List<String> functions = new ArrayList<>();
        Model model = ontology.model();
        Resource current = model.getResource(function);
        while (current != null && current.isURIResource() && !functions.contains(current.getURI())) {
            functions.add(current.getURI());
            current = current.getPropertyResourceValue(SKOS.broader);
        }
        return functions;
    }

    /** The year of an xsd:gYear value (or of any literal starting with four digits); null for anything else. */
    private static Integer fiscalYear(org.apache.jena.rdf.model.RDFNode node) {
        if (node == null || !node.isLiteral()) {
            return null;
        }
        String lexical = node.asLiteral().getLexicalForm();
        return lexical.matches("\\d{4}.*") ? Integer.valueOf(lexical.substring(0, 4)) : null;
    }
}
