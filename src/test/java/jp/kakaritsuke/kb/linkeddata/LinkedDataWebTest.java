package jp.kakaritsuke.kb.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Dereferencing instance IRIs: 303, content negotiation, headers, errors, the generic page, coexistence. */
@WebTestSetup
class LinkedDataWebTest {

    private static final String CAUSE = "worksheet/mhlw-2025-f2-i/cause/1";
    private static final String MEASURE = "worksheet/mhlw-2025-f2-i/measure/1";

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    private MockHttpServletResponse fetch(String path, String accept) throws Exception {
        var request = get(path);
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private Graph expectedDescription(String path) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("resource", ResourceFactory.createResource(WebTestSetup.BASE + "id/" + path));
        return store.construct(NamedQueryCatalog.query("linkeddata/describe"), bindings, Duration.ofSeconds(10))
                .getGraph();
    }

    private static Graph parse(MockHttpServletResponse response, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8), lang)
                .parse(graph);
        return graph;
    }

    @Test
    void instanceIriAnswers303ToItsDocumentWithoutTheQueryString() throws Exception {
        MockHttpServletResponse response = fetch("/id/" + CAUSE + "?x=1", "text/turtle");
        assertEquals(303, response.getStatus());
        assertEquals("/doc/" + CAUSE, response.getHeader(HttpHeaders.LOCATION));
    }

    @Test
    void documentNegotiatesEveryRdfSyntaxAndEachIsTheDescriptionFromTheStore() throws Exception {
        Graph expected = expectedDescription(CAUSE);
        Model model = ModelFactory.createModelForGraph(expected);
        assertTrue(
                model.contains(
                        model.createResource(WebTestSetup.BASE + "id/" + CAUSE),
                        model.createProperty(KK.text.getURI())),
                "the description holds the cause's own triples");
        assertTrue(
                model.contains(
                        null,
                        org.apache.jena.vocabulary.RDF.subject,
                        model.createResource(WebTestSetup.BASE + "id/" + CAUSE)),
                "and the interpretations about it");
        assertTrue(
                model.contains(model.createResource(KK.VOCABULARY + "actor/physician"), SKOS.prefLabel),
                "and the labels of what it links to");
        for (RdfSyntax syntax : RdfSyntax.TRIPLE_SYNTAXES) {
            MockHttpServletResponse response =
                    fetch("/doc/" + CAUSE, syntax.mediaType().toString());
            assertEquals(200, response.getStatus(), syntax.name());
            assertTrue(
                    MediaType.parseMediaType(response.getContentType()).equalsTypeAndSubtype(syntax.mediaType()),
                    syntax + " answered as " + response.getContentType());
            assertTrue(parse(response, syntax.lang()).isIsomorphicWith(expected), syntax.name());
        }
    }

    @Test
    void qualityValuesDecideAndHtmlIsTheDefault() throws Exception {
        MockHttpServletResponse rdf = fetch("/doc/" + CAUSE, "text/html;q=0.5, application/n-triples");
        assertTrue(rdf.getContentType().startsWith("application/n-triples"));
        MockHttpServletResponse any = fetch("/doc/" + CAUSE, "*/*");
        assertTrue(any.getContentType().startsWith("text/html"));
    }

    @Test
    void negotiatedDocumentsVaryOnAcceptAndLinkEveryAlternate() throws Exception {
        for (String accept : List.of("text/turtle", "text/html")) {
            MockHttpServletResponse response = fetch("/doc/" + CAUSE, accept);
            assertTrue(response.getHeaders(HttpHeaders.VARY).contains("Accept"), accept);
            String link = String.join(", ", response.getHeaders(HttpHeaders.LINK));
            for (RdfSyntax syntax : RdfSyntax.TRIPLE_SYNTAXES) {
                assertTrue(
                        link.contains("</doc/" + CAUSE + "." + syntax.extension() + ">; rel=\"alternate\"; type=\""
                                + syntax.mediaType() + "\""),
                        link);
            }
        }
    }

    @Test
    void explicitFormatUrlsIgnoreAccept() throws Exception {
        Graph expected = expectedDescription(CAUSE);
        for (RdfSyntax syntax : RdfSyntax.TRIPLE_SYNTAXES) {
            MockHttpServletResponse response = fetch("/doc/" + CAUSE + "." + syntax.extension(), "application/pdf");
            assertEquals(200, response.getStatus(), syntax.name());
            assertTrue(parse(response, syntax.lang()).isIsomorphicWith(expected), syntax.name());
        }
    }

    @Test
    void aTypeThatCannotBeGivenIs406() throws Exception {
        assertEquals(406, fetch("/doc/" + CAUSE, "application/pdf").getStatus());
    }

    @Test
    void anIriWithoutTriplesIs404AsHtmlOrAsRdf() throws Exception {
        MockHttpServletResponse html = fetch("/doc/worksheet/no-such-sheet", "text/html");
        assertEquals(404, html.getStatus());
        assertTrue(html.getContentType().startsWith("text/html"));
        assertNotNull(
                Jsoup.parse(html.getContentAsString(StandardCharsets.UTF_8)).selectFirst("main.error-page"));

        MockHttpServletResponse rdf = fetch("/doc/worksheet/no-such-sheet", "text/turtle");
        assertEquals(404, rdf.getStatus());
        Model body = ModelFactory.createModelForGraph(parse(rdf, Lang.TURTLE));
        assertTrue(body.contains(
                null,
                body.createProperty("http://www.w3.org/2011/http#statusCodeValue"),
                body.createTypedLiteral(java.math.BigInteger.valueOf(404))));

        // The error speaks the RDF syntax the client asked for.
        MockHttpServletResponse jsonLd = fetch("/doc/worksheet/no-such-sheet", "application/ld+json");
        assertEquals(404, jsonLd.getStatus());
        assertTrue(jsonLd.getContentType().startsWith("application/ld+json"), jsonLd.getContentType());
        assertTrue(parse(jsonLd, Lang.JSONLD).isIsomorphicWith(body.getGraph()));

        assertEquals(
                404, fetch("/doc/worksheet/no-such-sheet.ttl", "text/turtle").getStatus());
    }

    @Test
    void blankNodesTheResourceReachesAreIncluded() throws Exception {
        Model body = ModelFactory.createModelForGraph(
                parse(fetch("/doc/worksheet/test-chiyoda-f2-ha", "text/turtle"), Lang.TURTLE));
        assertTrue(body.contains(
                null,
                body.createProperty(KK.baselineValue.getURI()),
                body.createTypedLiteral(java.math.BigInteger.TEN)));
    }

    @Test
    void genericPageShowsPropertiesWithLabelsInTheReadersLanguageTranslationsAndInterpretations() throws Exception {
        // A measure has no page of its own (causes and worksheets do), so its HTML is the generic description page.
        Model ontology = ModelFactory.createModelForGraph(store.graph(KK.ONTOLOGY));
        Model description = ModelFactory.createModelForGraph(expectedDescription(MEASURE));
        var cause = description.createResource(WebTestSetup.BASE + "id/" + MEASURE);
        long interpretations = description
                .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.subject, cause)
                .toList()
                .size();
        assertTrue(interpretations > 0);

        for (String lang : List.of("ja", "en")) {
            Document page = Jsoup.parse(
                    fetch("/doc/" + MEASURE + "?lang=" + lang, "text/html").getContentAsString(StandardCharsets.UTF_8));
            assertEquals(
                    LocalizedText.of(cause, RDFS.label, lang),
                    page.selectFirst("main h1").text());

            Element resourceRow = page.select("table.ld-properties tr").stream()
                    .filter(tr -> tr.selectFirst("th a[href=/def/ontology#usesResource]") != null)
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    LocalizedText.of(ontology.createResource(KK.usesResource.getURI()), RDFS.label, lang),
                    resourceRow.selectFirst("th").text());
            Element rota = resourceRow.selectFirst("a[href=/def/resource/rotation-system]");
            assertNotNull(rota, "values are linked to where they are served");
            assertEquals(
                    LocalizedText.of(
                            ontology.createResource(KK.VOCABULARY + "resource/rotation-system"), SKOS.prefLabel, lang),
                    rota.text());

            Element text = page.selectFirst("section.ld-text");
            assertEquals(
                    LocalizedText.of(cause, description.createProperty(KK.text.getURI()), "ja"),
                    text.selectFirst("p[lang=ja]").text());
            Element translation = text.selectFirst("p.translation");
            assertNotNull(translation.selectFirst(".badge.translation"), "the translation is marked as one");
            assertTrue(translation
                    .text()
                    .contains(LocalizedText.of(cause, description.createProperty(KK.translation.getURI()), "en")));

            assertEquals(interpretations, page.select(".ld-interpretation").size());
            page.select(".ld-interpretation")
                    .forEach(i -> assertNotNull(
                            i.selectFirst(".badge.interpretation"), "each interpretation is marked as one"));
        }
    }

    @Test
    void specificHtmlPagesAndTheGenericMappingCoexist() throws Exception {
        MockHttpServletResponse html = fetch("/doc/agent/editors", "text/html");
        assertEquals(200, html.getStatus());
        assertNotNull(
                Jsoup.parse(html.getContentAsString(StandardCharsets.UTF_8)).selectFirst("#specific"),
                "text/html goes to the specific page");
        assertTrue(html.getHeaders(HttpHeaders.VARY).contains("Accept"), "the specific page varies on Accept too");

        Graph expected = expectedDescription("agent/editors");
        assertFalse(expected.isEmpty());
        assertTrue(
                parse(fetch("/doc/agent/editors", "text/turtle"), Lang.TURTLE).isIsomorphicWith(expected),
                "an RDF type goes to the generic mapping");
        assertTrue(
                parse(fetch("/doc/agent/editors.ttl", "text/html"), Lang.TURTLE).isIsomorphicWith(expected),
                "an explicit-format URL is not taken for a page's path variable");

        MockHttpServletResponse worksheet = fetch("/doc/worksheet/mhlw-2025-f1", "text/turtle");
        assertTrue(parse(worksheet, Lang.TURTLE).isIsomorphicWith(expectedDescription("worksheet/mhlw-2025-f1")));
        MockHttpServletResponse worksheetPage = fetch("/doc/worksheet/mhlw-2025-f1", "text/html");
        assertEquals(200, worksheetPage.getStatus());
        assertTrue(worksheetPage.getContentType().startsWith("text/html"));
    }
}
