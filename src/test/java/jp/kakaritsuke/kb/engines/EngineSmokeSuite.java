package jp.kakaritsuke.kb.engines;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.TestEngine;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application-level smoke suite of the compatibility matrix, run against one real SPARQL engine per subclass:
 * the first start loads the shipped data into the empty store; every page linked from the home page answers; search
 * falls back to substring matching; a worksheet written through the REST API is read back; every full export is
 * complete (graph by graph, as many triples as the engine itself counts) and VoID's figure is the dump's; and a store
 * restart shows as 502 (never 500, never a 200 cut short) and then heals by itself.
 *
 * <p>The expectations come from the engine itself, asked directly over HTTP with plain SPARQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EngineSmokeSuite {

    static final String BASE = "http://localhost:8080/";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "dev-admin-2026";
    /** Virtuoso's own metadata graph, never the application's data. */
    static final String VIRTUOSO_SYSTEM_GRAPH = "http://www.openlinksw.com/schemas/virtrdf#";

    private static final int MAX_PAGES = 60;

    static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    /** The engine under test, started by the subclass before the application. */
    abstract TestEngine engine();

    /** The application's settings for a remote store at {@code engine}. */
    static void remoteStore(DynamicPropertyRegistry registry, TestEngine engine) {
        registry.add("kb.base-iri", () -> BASE);
        registry.add("kb.data.dir", () -> "data");
        registry.add("kb.data.include-demo", () -> "true");
        registry.add("kb.store.kind", () -> "remote");
        registry.add("kb.store.remote.destination", engine::destination);
        registry.add("kb.store.remote.connect-timeout", () -> "PT2S");
        registry.add("kb.query.timeout", () -> "PT30S");
    }

    // ------------------------------------------------------------------ the suite

    @Test
    @Order(1)
    void theFirstStartLoadedTheShippedDataGraphByGraphAndRecordedItLast() throws Exception {
        Map<String, Long> sizes = engineGraphSizes(engine());
        assertTrue(
                sizes.containsKey(DataLoader.systemGraph(BASE)), "the load record is in the store: " + sizes.keySet());
        assertTrue(
                sizes.containsKey(BASE + "graph/worksheet/mhlw-2025-f2-i"),
                sizes.keySet().toString());
        assertTrue(sizes.size() > 20, "ontology, areas, sources, template, seed and demo worksheets: " + sizes.size());
    }

    @Test
    @Order(2)
    void everyPageLinkedFromTheHomePageAnswers() throws Exception {
        Set<String> pages = new LinkedHashSet<>(List.of(
                "/",
                "/areas",
                "/causes",
                "/functions",
                "/resources",
                "/actors",
                "/query",
                "/catalog",
                "/def/ontology",
                "/doc/worksheet/mhlw-2025-f2-i",
                // A zone's worksheet and the zone's page by facility function: both ask facilities-of-area with a
                // function given, which once reached the store as BOUND(<iri>) and failed there.
                "/doc/worksheet/demo-2026-kousou-r7-1313-f1",
                "/doc/area/kousou/R7/1313?function=home-care-support",
                "/doc/area/pref/13"));
        HttpResponse<String> home = get("/", "text/html");
        assertEquals(200, home.statusCode(), home.body());
        Document doc = Jsoup.parse(home.body());
        doc.select("a[href^=/]").forEach(a -> {
            String href = a.attr("href").replaceAll("#.*", "");
            // Downloads and the RDF documents are checked by the export and VoID tests.
            if (!href.startsWith("/export")
                    && !href.startsWith("/login")
                    && !href.startsWith("/logout")
                    && !href.contains("lang=")
                    && !href.startsWith("/webjars")
                    && !href.startsWith("/sparql")
                    && !href.startsWith("/.well-known")) {
                pages.add(href);
            }
        });
        List<String> failed = new ArrayList<>();
        pages.stream().limit(MAX_PAGES).forEach(path -> {
            try {
                HttpResponse<String> page = get(path, "text/html");
                // A redirect (/ontology → /def/ontology) is an answer; its target is on the list too.
                if (page.statusCode() != 200 && (page.statusCode() < 300 || page.statusCode() > 303)) {
                    failed.add(path + " → " + page.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                failed.add(path + " → " + e);
            }
        });
        assertEquals(List.of(), failed, "pages that did not answer 200 (of " + pages.size() + ")");
    }

    @Test
    @Order(3)
    void searchFallsBackToSubstringsOnARemoteStore() throws Exception {
        HttpResponse<String> page = get("/search?q=" + URLEncoder.encode("輪番", StandardCharsets.UTF_8), "text/html");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertTrue(
                doc.select("mark").stream().anyMatch(m -> m.text().contains("輪番")),
                "matches are shown with the word marked");
    }

    @Test
    @Order(4)
    void aWorksheetWrittenThroughTheRestApiIsReadBackFromTheStore() throws Exception {
        String slug = "smoke-" + getClass().getSimpleName().toLowerCase().replaceAll("[^a-z]", "");
        HttpResponse<String> example = get("/api/worksheets/mhlw-2025-f2-i", "text/turtle");
        assertEquals(200, example.statusCode(), example.body());
        String copy = example.body().replace("id/worksheet/mhlw-2025-f2-i", "id/worksheet/" + slug);
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(uri("/api/worksheets/" + slug + "?comment=smoke"))
                        .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                        .header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString(copy))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() == 201 || put.statusCode() == 200, put.statusCode() + " " + put.body());
        Map<String, Long> sizes = engineGraphSizes(engine());
        Long written = sizes.get(BASE + "graph/worksheet/" + slug);
        assertTrue(written != null && written > 10, "the engine holds the new worksheet graph: " + written);
        HttpResponse<String> page = get("/doc/worksheet/" + slug, "text/html");
        assertEquals(200, page.statusCode());
    }

    @Test
    @Order(5)
    void everyFullExportIsCompleteAndVoidCountsTheSameTriples() throws Exception {
        assertExportsComplete(this::getBytes, engine());
        Map<String, Long> sizes = engineGraphSizes(engine());
        long expected = sizes.entrySet().stream()
                .filter(e -> !e.getKey().equals(DataLoader.systemGraph(BASE)))
                .mapToLong(Map.Entry::getValue)
                .sum();
        HttpResponse<byte[]> voidDoc = getBytes("/.well-known/void", "text/turtle");
        assertEquals(200, voidDoc.statusCode());
        Model description = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(voidDoc.body()))
                .lang(Lang.TURTLE)
                .parse(description);
        long published =
                description
                        .listObjectsOfProperty(description.createProperty("http://rdfs.org/ns/void#triples"))
                        .toList()
                        .stream()
                        .mapToLong(n -> n.asLiteral().getLong())
                        .max()
                        .orElse(-1);
        assertEquals(expected, published, "void:triples of the dataset is the number of triples in the dumps");
    }

    @Test
    @Order(6)
    void aStoreRestartIsABadGatewayThenHealsByItself() throws Exception {
        engine().stop();
        try {
            for (String path : List.of("/export/all.nq", "/export/worksheet/mhlw-2025-f2-ro.ttl")) {
                HttpResponse<byte[]> export = getBytes(path, "*/*");
                assertEquals(502, export.statusCode(), path + " while the store is down");
            }
            HttpResponse<String> page = get("/doc/area/pref/01", "text/html");
            assertTrue(
                    page.statusCode() == 502 || page.statusCode() == 200,
                    "an uncached page is 502 (or 200 from the answer cache), never " + page.statusCode());
            HttpResponse<String> sparql = get(
                    "/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8),
                    "application/sparql-results+json");
            assertEquals(502, sparql.statusCode(), "the forwarded endpoint");
        } finally {
            engine().restart();
        }
        HttpResponse<String> home = get("/", "text/html");
        assertEquals(200, home.statusCode());
        assertEquals(200, get("/doc/area/pref/01", "text/html").statusCode());
        assertExportsComplete(this::getBytes, engine());
    }

    // ------------------------------------------------------------------ shared checks

    /** Fetches a path of the application with an Accept header. */
    @FunctionalInterface
    interface Fetch {
        HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException;
    }

    /**
     * Every full export ({@code /export/all.*}) answers 200 with every triple of every graph the engine holds (as it
     * counts them itself), or is refused with 502: never a 200 with less.
     */
    static void assertExportsComplete(Fetch fetch, TestEngine engine) throws Exception {
        Map<String, Long> expected = new TreeMap<>(engineGraphSizes(engine));
        expected.remove(DataLoader.systemGraph(BASE));
        for (String ext : List.of("nq", "trig", "jsonld")) {
            HttpResponse<byte[]> response = fetch.get("/export/all." + ext, "*/*");
            assertEquals(200, response.statusCode(), "/export/all." + ext);
            DatasetGraph dump = DatasetGraphFactory.create();
            Lang lang = ext.equals("nq") ? Lang.NQUADS : ext.equals("trig") ? Lang.TRIG : Lang.JSONLD;
            RDFParser.source(new ByteArrayInputStream(response.body()))
                    .lang(lang)
                    .parse(dump);
            Map<String, Long> actual = new TreeMap<>();
            dump.listGraphNodes()
                    .forEachRemaining(
                            g -> actual.put(g.getURI(), (long) dump.getGraph(g).size()));
            assertEquals(expected, actual, "/export/all." + ext + ": every graph whole");
        }
        HttpResponse<byte[]> turtle = fetch.get("/export/all.ttl", "*/*");
        assertEquals(200, turtle.statusCode());
        Graph union = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(turtle.body()))
                .lang(Lang.TURTLE)
                .parse(union);
        assertEquals(engineDistinctTriples(engine), union.size(), "/export/all.ttl: the union of the graphs");
    }

    /** Triples per named graph, as the engine counts them (without its own system graph). */
    static Map<String, Long> engineGraphSizes(TestEngine engine) throws IOException, InterruptedException {
        Map<String, Long> sizes = new TreeMap<>();
        ResultSet rows = engineSelect(engine, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
        rows.forEachRemaining(row -> {
            String g = row.getResource("g").getURI();
            if (!g.equals(VIRTUOSO_SYSTEM_GRAPH)) {
                sizes.put(g, row.getLiteral("n").getLong());
            }
        });
        return sizes;
    }

    /** Distinct triples of the application's graphs, blank nodes counted once each, as the engine counts them. */
    static long engineDistinctTriples(TestEngine engine) throws IOException, InterruptedException {
        ResultSet rows = engineSelect(
                engine,
                "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g "
                        + "{ ?s ?p ?o } FILTER(?g NOT IN (<" + VIRTUOSO_SYSTEM_GRAPH + ">, <"
                        + DataLoader.systemGraph(BASE)
                        + ">)) } }");
        return rows.next().getLiteral("n").getLong();
    }

    static ResultSet engineSelect(TestEngine engine, String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(engine.queryUrl()))
                        .header("Accept", "application/sparql-results+json")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertFalse(response.headers().firstValue("X-SPARQL-MaxRows").isPresent(), "the engine cut the answer");
        return ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
    }

    // ------------------------------------------------------------------ HTTP

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(90))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(120))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
