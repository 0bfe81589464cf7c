package jp.kakaritsuke.kb.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The vocabulary at /def: the ontology page and document, concept descriptions, the shapes. */
@WebTestSetup
class VocabularyWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    private MockHttpServletResponse fetch(String path, String accept) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.ACCEPT, accept))
                .andReturn()
                .getResponse();
    }

    private static Graph parse(MockHttpServletResponse response, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8), lang)
                .parse(graph);
        return graph;
    }

    /** The ontology files of the repository, read directly (not through the store). */
    private static Model ontologyFiles() throws IOException {
        Model model = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            files.filter(f -> f.toString().endsWith(".ttl")
                            && !f.getFileName().toString().equals("shapes.ttl"))
                    .forEach(f -> RDFParser.source(f).lang(Lang.TURTLE).parse(model));
        }
        return model;
    }

    private static Set<String> column(Model model, String query, String variable) {
        Set<String> values = new TreeSet<>();
        try (QueryExecution qe =
                QueryExecution.model(model).query(query).timeout(10_000).build()) {
            qe.execSelect()
                    .forEachRemaining(
                            row -> values.add(row.getResource(variable).getURI()));
        }
        return values;
    }

    @Test
    void ontologyPageListsEveryClassPropertyAndConcept() throws Exception {
        Model files = ontologyFiles();
        Set<String> terms = column(files, """
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                SELECT DISTINCT ?term WHERE {
                  VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }
                  ?term a ?kind . FILTER(isIRI(?term))
                }""", "term");
        Set<String> concepts = column(files, """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?concept WHERE { ?concept skos:inScheme ?scheme }""", "concept");
        assertTrue(terms.size() > 50 && concepts.size() > 10, "the ontology files were read");

        for (String lang : new String[] {"ja", "en"}) {
            Document page = Jsoup.parse(
                    fetch("/def/ontology?lang=" + lang, "text/html").getContentAsString(StandardCharsets.UTF_8));
            assertEquals(
                    terms,
                    page.select("tr.ld-term").stream()
                            .map(tr -> tr.attr("data-iri"))
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertEquals(
                    concepts,
                    page.select(".ld-scheme tr[data-iri]").stream()
                            .map(tr -> tr.attr("data-iri"))
                            .collect(Collectors.toCollection(TreeSet::new)));

            Resource worksheet = files.createResource(KK.NS + "Worksheet");
            Element row = page.getElementById("Worksheet");
            assertNotNull(row, "terms have anchors, so that kk: hash IRIs land on their row");
            assertEquals(
                    LocalizedText.of(worksheet, RDFS.label, "ja"),
                    row.selectFirst("td[lang=ja]").text());
            assertEquals(
                    LocalizedText.of(worksheet, RDFS.label, "en"),
                    row.selectFirst("td[lang=en]").text());
            assertEquals(
                    LocalizedText.of(files.createResource(KK.ONTOLOGY), org.apache.jena.vocabulary.DCTerms.title, lang),
                    page.selectFirst("main h1").text());
            assertNotNull(page.selectFirst("a[href=/def/ontology.ttl]"));
            assertNotNull(page.selectFirst("a[href=/def/shapes]"));
        }
    }

    @Test
    void ontologyDocumentIsTheOntologyInEverySyntax() throws Exception {
        Graph expected = ontologyFiles().getGraph();
        for (RdfSyntax syntax : RdfSyntax.TRIPLE_SYNTAXES) {
            assertTrue(
                    parse(fetch("/def/ontology", syntax.mediaType().toString()), syntax.lang())
                            .isIsomorphicWith(expected),
                    syntax.name());
            assertTrue(
                    parse(fetch("/def/ontology." + syntax.extension(), "*/*"), syntax.lang())
                            .isIsomorphicWith(expected),
                    syntax.name() + " by extension");
        }
    }

    @Test
    void versionIriResolvesToTheOntologyAndItsMetadataIsComplete() throws Exception {
        Model files = ontologyFiles();
        Resource ontology = files.createResource(KK.ONTOLOGY);
        Resource version = ontology.getPropertyResourceValue(OWL2.versionIRI);
        assertNotNull(version, "the ontology has a version IRI");
        String versionPath = "/def/" + version.getURI().substring(KK.VOCABULARY.length());
        assertTrue(
                parse(fetch(versionPath, "text/turtle"), Lang.TURTLE).isIsomorphicWith(files.getGraph()), versionPath);
        assertTrue(parse(fetch(versionPath + ".ttl", "*/*"), Lang.TURTLE).isIsomorphicWith(files.getGraph()));
        Document page = Jsoup.parse(fetch(versionPath, "text/html").getContentAsString(StandardCharsets.UTF_8));
        assertNotNull(page.selectFirst("a[href=/def/ontology.ttl]"), "the version's page is the ontology page");
        assertEquals(404, fetch("/def/ontology/0.0.0", "text/turtle").getStatus(), "no other version is served");
        // Creator and publisher are named, and described where their IRI resolves.
        for (org.apache.jena.rdf.model.Property p :
                new org.apache.jena.rdf.model.Property[] {DCTerms.creator, DCTerms.publisher}) {
            Resource agent = ontology.getPropertyResourceValue(p);
            assertNotNull(agent, p.getLocalName());
            Model described = ModelFactory.createModelForGraph(parse(
                    fetch("/def/" + agent.getURI().substring(KK.VOCABULARY.length()), "text/turtle"), Lang.TURTLE));
            assertTrue(described.contains(
                    agent,
                    RDFS.label,
                    described.createLiteral(
                            "Editors of the family-doctor-function consultation knowledge base", "en")));
        }
        assertTrue(ontology.hasProperty(DCTerms.modified));
    }

    @Test
    void ontologyAliasRedirects() throws Exception {
        MockHttpServletResponse response = fetch("/ontology", "text/html");
        assertEquals(302, response.getStatus());
        assertEquals("/def/ontology", response.getHeader(HttpHeaders.LOCATION));
    }

    @Test
    void conceptsAreDescribedInRdf() throws Exception {
        String function = KK.VOCABULARY + "function/f2-ha";
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("resource", ResourceFactory.createResource(function));
        Graph expected = store.construct(
                        NamedQueryCatalog.query("linkeddata/describe"), bindings, Duration.ofSeconds(10))
                .getGraph();
        Model body = ModelFactory.createModelForGraph(parse(fetch("/def/function/f2-ha", "text/turtle"), Lang.TURTLE));
        assertTrue(body.getGraph().isIsomorphicWith(expected));
        assertTrue(body.contains(body.createResource(function), SKOS.prefLabel, body.createLiteral("在宅医療", "ja")));
        assertTrue(parse(fetch("/def/function/f2-ha.jsonld", "text/html"), Lang.JSONLD)
                .isIsomorphicWith(expected));
        assertEquals(404, fetch("/def/function/none", "text/turtle").getStatus());
    }

    @Test
    void shapesAreServedAsTurtle() throws Exception {
        Graph expected = GraphFactory.createDefaultGraph();
        try (var in = new ClassPathResource("linkeddata/shapes-sample.ttl").getInputStream()) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(expected);
        }
        for (String path : new String[] {"/def/shapes", "/def/shapes.ttl"}) {
            MockHttpServletResponse response = fetch(path, "text/turtle");
            assertTrue(response.getContentType().startsWith("text/turtle"), path);
            assertTrue(parse(response, Lang.TURTLE).isIsomorphicWith(expected), path);
        }
        assertEquals(406, fetch("/def/shapes", "application/ld+json").getStatus());
    }
}
