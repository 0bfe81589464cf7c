package jp.kakaritsuke.kb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.linkeddata.WebTestSetup;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.PROV;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The regional evidence in the dataset description and the exports, and the description against the official DCAT-AP
 * 3 SHACL shapes ({@code dcat-ap/dcat-ap-SHACL.ttl}, see its README), all through HTTP.
 */
@WebTestSetup
class EvidenceDescriptionWebTest {

    private static final String B = WebTestSetup.BASE;
    /** The evidence data sets that have a graph of their own. */
    private static final List<String> EVIDENCE =
            List.of("area-profile", "demand", "facilities", "membership", "population-2020");

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    private MockHttpServletResponse fetch(String path, String accept) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.ACCEPT, accept))
                .andReturn()
                .getResponse();
    }

    private Model description() throws Exception {
        MockHttpServletResponse response = fetch("/.well-known/void", "text/turtle");
        assertEquals(200, response.getStatus());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(response.getContentAsString(StandardCharsets.UTF_8), Lang.TURTLE)
                .parse(m);
        return m;
    }

    @Test
    void descriptionHasNoViolationOfTheDcatAp3Shapes() throws Exception {
        Model description = description();
        assertTrue(
                description
                                .listSubjectsWithProperty(RDF.type, DCAT.Dataset)
                                .toList()
                                .size()
                        > 10,
                "the shapes have datasets to check");
        assertTrue(
                description
                        .listSubjectsWithProperty(RDF.type, DCAT.Distribution)
                        .hasNext(),
                "and distributions");
        // sh:class rdfs:Resource (access, download and endpoint URLs) holds for every IRI under RDFS entailment
        // (rdfs4b); every other class a shape asks for is stated by the description itself.
        Model data = ModelFactory.createDefaultModel().add(description);
        description
                .listObjects()
                .filterKeep(RDFNode::isURIResource)
                .forEachRemaining(o -> data.add(o.asResource(), RDF.type, RDFS.Resource));
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("dcat-ap/dcat-ap-SHACL.ttl"));
        ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
        if (!report.conforms()) {
            ShLib.printReport(report);
        }
        assertEquals(
                List.of(),
                report.getEntries().stream()
                        .map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message())
                        .sorted()
                        .toList());
    }

    /**
     * DCAT-AP 3's recommended properties, where the description can state them honestly: every data set has keywords,
     * a theme, a spatial coverage, a publisher, a distribution and the configured contact point; every distribution a
     * description, a format, a licence and its planned availability; the whole data set spans the worksheets' fiscal
     * years and the evidence's 2020–2050; a subset of worksheets spans its own worksheets' years.
     */
    @Test
    void descriptionStatesTheRecommendedProperties() throws Exception {
        Model m = description();
        Resource contact = m.createResource(B + ".well-known/void#contact");
        assertTrue(contact.hasProperty(RDF.type, m.createResource("http://www.w3.org/2006/vcard/ns#Kind")));
        assertTrue(contact.hasProperty(
                m.createProperty("http://www.w3.org/2006/vcard/ns#hasEmail"),
                m.createResource("mailto:desk@example.org")));
        List<Resource> datasets =
                m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList();
        for (Resource d : datasets) {
            for (var p : List.of(
                    DCAT.keyword,
                    DCAT.theme,
                    DCTerms.spatial,
                    DCTerms.publisher,
                    DCAT.distribution,
                    DCAT.contactPoint)) {
                assertTrue(d.hasProperty(p), d + " has " + p.getLocalName());
            }
            assertTrue(d.hasProperty(DCAT.contactPoint, contact), d + " names the contact");
        }
        for (Resource d :
                m.listSubjectsWithProperty(RDF.type, DCAT.Distribution).toList()) {
            for (var p : List.of(
                    DCTerms.description,
                    DCTerms.format,
                    DCTerms.license,
                    m.createProperty("http://data.europa.eu/r5r/availability"))) {
                assertTrue(d.hasProperty(p), d + " has " + p.getLocalName());
            }
        }
        Resource whole = m.createResource(B + ".well-known/void#dataset").getPropertyResourceValue(DCTerms.temporal);
        assertEquals("2020", whole.getProperty(DCAT.startDate).getString(), "the census year or an earlier worksheet");
        assertEquals("2050", whole.getProperty(DCAT.endDate).getString());
        Resource examples =
                m.createResource(B + ".well-known/void#seed-examples").getPropertyResourceValue(DCTerms.temporal);
        List<String> years = new java.util.ArrayList<>();
        store.select(
                        org.apache.jena.query.QueryFactory.create(
                                "PREFIX kk: <https://w3id.org/kakaritsuke/ontology#> SELECT ?y WHERE { ?w a kk:Worksheet ;"
                                        + " kk:fiscalYear ?y FILTER NOT EXISTS { ?w kk:synthetic true } } ORDER BY ?y"),
                        null,
                        java.time.Duration.ofSeconds(30))
                .forEachRemaining(r -> years.add(r.getLiteral("y").getLexicalForm()));
        assertFalse(years.isEmpty(), "the worked examples state their fiscal year");
        assertEquals(years.get(0), examples.getProperty(DCAT.startDate).getString());
        assertEquals(
                years.get(years.size() - 1), examples.getProperty(DCAT.endDate).getString());
    }

    @Test
    void everyEvidenceGraphIsASubsetWithSourceLicenceAndAttribution() throws Exception {
        Model m = description();
        Resource dataset = m.createResource(B + ".well-known/void#dataset");
        for (String name : EVIDENCE) {
            Resource subset = m.createResource(B + "id/dataset/" + name);
            assertTrue(dataset.hasProperty(VOID.subset, subset), name + " is a subset");
            assertTrue(subset.hasProperty(RDF.type, DCAT.Dataset) && subset.hasProperty(RDF.type, VOID.Dataset), name);
            assertTrue(subset.hasProperty(DCTerms.license), name + " has a licence");
            assertNotNull(subset.getProperty(DCTerms.description, "ja"), name + " is described");
            String graph = B + (name.equals("membership") ? "graph/areas/membership" : "graph/evidence/" + name);
            assertEquals(
                    store.graph(graph).size(), subset.getProperty(VOID.triples).getLong(), name + " counts its graph");
            assertTrue(subset.hasProperty(VOID.dataDump, m.createResource(B + "export/evidence/" + name + ".trig")));
            List<Resource> originals = subset.listProperties(PROV.wasDerivedFrom)
                    .mapWith(Statement::getResource)
                    .filterKeep(o -> o.hasProperty(DCTerms.publisher))
                    .toList();
            assertFalse(originals.isEmpty(), name + " names the government originals it derives from");
            String rights = subset.getProperty(DCTerms.rights, "ja").getString();
            for (Resource original : originals) {
                assertTrue(original.hasProperty(DCTerms.license), original + " has its terms");
                assertTrue(
                        rights.contains(
                                original.getProperty(DCTerms.title, "ja").getString()),
                        name + " credits " + original);
                assertTrue(
                        rights.contains(original.getProperty(DCTerms.publisher).getString()));
            }
        }
        // The MHLW caveat travels with the facilities.
        assertTrue(m
                .createResource(B + "id/dataset/facilities")
                .listProperties(org.apache.jena.vocabulary.SKOS.scopeNote)
                .toList()
                .stream()
                .anyMatch(s -> s.getString().contains("単純に比較する")));
    }

    @Test
    void catalogueCreditsTheOriginals() throws Exception {
        for (String lang : new String[] {"ja", "en"}) {
            Document page =
                    Jsoup.parse(fetch("/catalog?lang=" + lang, "text/html").getContentAsString(StandardCharsets.UTF_8));
            Element demand = page.select("table.catalog-subsets tr").stream()
                    .filter(tr -> tr.selectFirst("a[href=/export/evidence/demand.trig]") != null)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for the demand subset (" + lang + ")"));
            assertTrue(demand.select("ul.subset-originals li").text().contains("厚生労働省"), demand.text());
            assertNotNull(demand.selectFirst(
                    "ul.subset-originals a[href=https://www.mhlw.go.jp/content/10800000/001728462.xlsx]"));
            assertNotNull(demand.selectFirst("a[href=https://www.mhlw.go.jp/chosakuken/index.html]"), "its terms");
            assertTrue(demand.select(".subset-caveats li").text().contains("レセプト件数/月"), "its caveats");
            assertFalse(demand.select(".subset-rights").text().isBlank());
        }
    }

    @Test
    void evidenceDownloadsAreTheirGraphs() throws Exception {
        for (String name : EVIDENCE) {
            String graph = B + (name.equals("membership") ? "graph/areas/membership" : "graph/evidence/" + name);
            MockHttpServletResponse response = fetch("/export/evidence/" + name + ".nq", "*/*");
            assertEquals(200, response.getStatus(), name);
            DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
            RDFParser.fromString(response.getContentAsString(StandardCharsets.UTF_8), Lang.NQUADS)
                    .parse(parsed);
            assertTrue(parsed.getGraph(NodeFactory.createURI(graph)).isIsomorphicWith(store.graph(graph)), name);
        }
        assertEquals(404, fetch("/export/evidence/nothing.ttl", "*/*").getStatus());
    }

    @Test
    void aPrefectureSubsetCarriesTheEvidenceOfItsZones() throws Exception {
        MockHttpServletResponse response = fetch("/export/prefecture/01.nq", "*/*");
        assertEquals(200, response.getStatus());
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(response.getContentAsString(StandardCharsets.UTF_8), Lang.NQUADS)
                .parse(parsed);

        // The zones of 北海道 and, from the store, the facilities listed in them.
        Model zones = ModelFactory.createModelForGraph(store.graph(B + "graph/areas/vision-zones"));
        Set<Resource> hokkaido = zones.listSubjectsWithProperty(
                        KK.inPrefecture, zones.createResource(B + "id/area/pref/01"))
                .toSet();
        assertEquals(21, hokkaido.size(), "北海道 has 21 構想区域");
        Node facilitiesGraph = NodeFactory.createURI(B + "graph/evidence/facilities");
        Model facilities = ModelFactory.createModelForGraph(store.graph(facilitiesGraph.getURI()));
        Set<String> expected = new TreeSet<>();
        Graph expectedTriples = GraphFactory.createDefaultGraph();
        facilities.listStatements(null, KK.inVisionZone, (RDFNode) null).forEachRemaining(s -> {
            if (hokkaido.contains(s.getResource())) {
                expected.add(s.getSubject().getURI());
                s.getSubject().listProperties().forEachRemaining(t -> expectedTriples.add(t.asTriple()));
            }
        });
        assertTrue(expected.size() > 500, "北海道 lists hundreds of institutions: " + expected.size());
        Graph exported = parsed.getGraph(facilitiesGraph);
        Set<String> exportedFacilities = exported
                .find()
                .mapWith(t -> t.getSubject().getURI())
                .toSet()
                .stream()
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, exportedFacilities, "exactly the institutions of its zones");
        assertTrue(exported.isIsomorphicWith(expectedTriples), "with their whole description");

        // Population and demand observations of its zones, and the municipalities its zones cover.
        Model population = ModelFactory.createModelForGraph(
                parsed.getGraph(NodeFactory.createURI(B + "graph/evidence/population-2020")));
        Set<Resource> areas = population
                .listObjectsOfProperty(
                        population.createProperty("http://purl.org/linked-data/sdmx/2009/dimension#refArea"))
                .mapWith(RDFNode::asResource)
                .toSet();
        assertEquals(hokkaido, areas, "the population of each of its zones, none other");
        assertFalse(parsed.getGraph(NodeFactory.createURI(B + "graph/evidence/demand"))
                .isEmpty());
        Graph membership = parsed.getGraph(NodeFactory.createURI(B + "graph/areas/membership"));
        assertTrue(
                membership.contains(
                        NodeFactory.createURI(B + "id/area/kousou/R7/0101"),
                        KK.coversMunicipality.asNode(),
                        NodeFactory.createURI(B + "id/area/muni/01202")),
                "南渡島 covers 函館市");
    }
}
