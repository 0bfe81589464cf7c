package jp.kakaritsuke.kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.FusekiServerProcess;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in remote mode against a real standalone Fuseki server (the jena-fuseki-server jar, TDB2
 * with the union default graph): the data loader fills Fuseki with the shipped data, and the pages, the forwarded
 * SPARQL endpoint and the exports answer from it. Every expectation is read from Fuseki itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteModeAppTest {

    static final String BASE = "http://localhost:8080/";
    static final String F2I = "mhlw-2025-f2-i";
    static final String F2I_GRAPH = BASE + "graph/worksheet/" + F2I;

    @TempDir
    static Path fusekiDir;

    static FusekiServerProcess fuseki;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void remoteStore(DynamicPropertyRegistry registry) {
        fuseki = FusekiServerProcess.start(fusekiDir);
        registry.add("kb.base-iri", () -> BASE);
        registry.add("kb.data.dir", () -> "data");
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.store.kind", () -> "remote");
        registry.add("kb.store.remote.destination", fuseki::destination);
        // The loader writes the shipped data in one update; on a busy build machine that may take longer than the
        // default query timeout.
        registry.add("kb.query.timeout", () -> "PT60S");
    }

    @AfterAll
    static void stopFuseki() {
        fuseki.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeStore store;

    @Test
    void theLoaderFilledFusekiAndThePagesTheSparqlEndpointAndTheExportsAnswerFromIt() throws Exception {
        assertTrue(store.describe().contains(fuseki.destination()), store.describe());
        try (RDFLink direct = RDFLinkHTTP.service(fuseki.destination())
                .queryEndpoint("sparql")
                .gspEndpoint("data")
                .build()) {
            // The loader's record and the seed worksheet graph are in Fuseki itself.
            assertTrue(direct.queryAsk("ASK { GRAPH <" + DataLoader.systemGraph(BASE) + "> { ?s ?p ?o } }"));
            Graph f2i = direct.get(NodeFactory.createURI(F2I_GRAPH));
            assertFalse(f2i.isEmpty(), "Fuseki holds " + F2I_GRAPH);

            worksheetPageShowsTheSourceTexts(direct);
            sparqlEndpointForwardsToFuseki(direct);
            worksheetExportIsTheGraphInFuseki(f2i);
        }
    }

    private void worksheetPageShowsTheSourceTexts(RDFLink direct) throws Exception {
        HttpResponse<String> response = get("/doc/worksheet/" + F2I, "text/html");
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        Set<String> shown = new HashSet<>();
        page.select("[lang=ja]").forEach(e -> shown.add(e.text()));
        Set<String> texts = new HashSet<>();
        try (QueryExec exec = direct.query("""
                PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>
                SELECT ?text WHERE { GRAPH <%s> { ?item kk:text ?text } }""".formatted(F2I_GRAPH))) {
            exec.select().forEachRemaining(row -> texts.add(row.get("text").getLiteralLexicalForm()));
        }
        assertTrue(texts.size() >= 5, "the worksheet has its challenge, causes, measures and more: " + texts);
        for (String text : texts) {
            assertTrue(shown.stream().anyMatch(s -> s.contains(text)), "the page shows \"" + text + "\" as Japanese");
        }
    }

    private void sparqlEndpointForwardsToFuseki(RDFLink direct) throws Exception {
        String query = """
                PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>
                SELECT ?worksheet ?function WHERE { ?worksheet a kk:Worksheet ; kk:function ?function }""";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/sparql-results+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        ResultSetRewindable viaApp = ResultSetFactory.makeRewindable(ResultSetMgr.read(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
        ResultSetRewindable fromFuseki;
        try (QueryExec exec = direct.query(query)) {
            fromFuseki = ResultSetFactory.makeRewindable(ResultSet.adapt(exec.select()));
        }
        assertTrue(viaApp.size() >= 5, "the seed worksheets are listed");
        assertTrue(ResultSetCompare.equalsByTerm(viaApp, fromFuseki), "/sparql answers what Fuseki answers");
    }

    private void worksheetExportIsTheGraphInFuseki(Graph f2i) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(uri("/export/worksheet/" + F2I + ".ttl"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        Graph exported = RDFParser.source(new ByteArrayInputStream(response.body()))
                .lang(Lang.TURTLE)
                .toGraph();
        assertTrue(exported.isIsomorphicWith(f2i), "the export is the worksheet's graph as Fuseki holds it");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
