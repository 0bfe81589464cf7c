package jp.kakaritsuke.kb.authoring;

import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.BASE;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.OSAKA;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.TOKYO;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.withObject;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.withOwnNames;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.worksheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write side of the running application over HTTP: who may write, how refusals answer (401, 403, 413, 415, 400
 * with line and column, 422 with the SHACL report), and that refused requests write nothing. Uses the development
 * accounts of application.properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthoringWebTest {

    static final String ADMIN = "admin:dev-admin-2026";
    static final String EDITOR = "editor13:dev-editor-2026";
    static final String TRIPLE = "<urn:example:a> <urn:example:b> <urn:example:c> .";

    @TempDir
    static Path tdb2;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> tdb2.toString());
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.authoring.max-upload", () -> "200KB");
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeStore store;

    @Autowired
    WorksheetRepository repository;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String slug, String credentials, String contentType, String body)
            throws IOException, InterruptedException {
        return put(slug, credentials, contentType, body, null);
    }

    private HttpResponse<String> put(String slug, String credentials, String contentType, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request("/api/worksheets/" + slug + "?comment=via%20REST", credentials)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.build());
    }

    private HttpResponse<String> get(String slug, String credentials) throws IOException, InterruptedException {
        return send(request("/api/worksheets/" + slug, credentials)
                .header("Accept", "text/turtle")
                .GET()
                .build());
    }

    /** Turtle with IRIs relative to the base IRI, as an importer would send it. */
    private static String relativeTurtle(Graph graph) {
        return RDFWriter.source(graph).base(BASE).lang(Lang.TURTLE).asString();
    }

    @Test
    void anEditorWritesThroughTheRestApiAndRefusalsWriteNothing() throws Exception {
        Graph tokyo = worksheet(store, "rest-tokyo", TOKYO);
        String turtle = relativeTurtle(tokyo);
        assertTrue(turtle.contains("<id/worksheet/rest-tokyo>"), "the body uses relative IRIs");

        HttpResponse<String> anonymous = put("rest-tokyo", null, "text/turtle", turtle);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> wrongPassword = put("rest-tokyo", "editor13:wrong", "text/turtle", turtle);
        assertEquals(401, wrongPassword.statusCode());
        assertFalse(repository.exists("rest-tokyo"));

        HttpResponse<String> created = put("rest-tokyo", EDITOR, "text/turtle", turtle);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(tokyo.isIsomorphicWith(store.graph(BASE + "graph/worksheet/rest-tokyo")));
        HttpResponse<String> history =
                send(request("/api/worksheets/rest-tokyo/history", null).GET().build());
        assertEquals(200, history.statusCode());
        assertTrue(history.body().contains("\"user\":\"editor13\""), history.body());
        assertTrue(history.body().contains("\"comment\":\"via REST\""), history.body());

        Graph osaka = worksheet(store, "rest-osaka", OSAKA);
        assertEquals(
                403,
                put("rest-osaka", EDITOR, "text/turtle", relativeTurtle(osaka)).statusCode());
        assertFalse(repository.exists("rest-osaka"));
        assertEquals(
                201,
                put("rest-osaka", ADMIN, "text/turtle", relativeTurtle(osaka)).statusCode());
        assertEquals(
                403,
                send(request("/api/worksheets/rest-osaka", EDITOR).DELETE().build())
                        .statusCode());
        assertTrue(repository.exists("rest-osaka"));

        Graph changed = withObject(
                tokyo,
                NodeFactory.createURI(BASE + "id/worksheet/rest-tokyo/challenge"),
                KK.text.asNode(),
                NodeFactory.createLiteralLang("変更した課題。", "ja"));
        assertEquals(
                200,
                put("rest-tokyo", EDITOR, "text/turtle", relativeTurtle(changed), "\"v1\"")
                        .statusCode());
        HttpResponse<String> restored = send(request("/api/worksheets/rest-tokyo/restore/1", EDITOR)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, restored.statusCode(), restored.body());
        assertTrue(restored.body().contains("\"version\":3"), restored.body());
        assertTrue(tokyo.isIsomorphicWith(store.graph(BASE + "graph/worksheet/rest-tokyo")));
        HttpResponse<String> deleted = send(request("/api/worksheets/rest-tokyo", EDITOR)
                .header("If-Match", "\"v3\"")
                .DELETE()
                .build());
        assertEquals(200, deleted.statusCode());
        assertFalse(repository.exists("rest-tokyo"));
    }

    @Test
    void twoApiClientsCannotLoseEachOthersChanges() throws Exception {
        String slug = "rest-etag";
        // Without the challenge's translation, rewording it marks nothing outdated: the store keeps what was sent.
        Graph v1 = AuthoringFixtures.withoutTranslation(
                worksheet(store, slug, TOKYO), NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge"));
        HttpResponse<String> created = put(slug, EDITOR, "text/turtle", relativeTurtle(v1));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("\"v1\"", created.headers().firstValue("ETag").orElse(""));

        // Two clients read the same version.
        HttpResponse<String> readA = get(slug, EDITOR);
        HttpResponse<String> readB = get(slug, ADMIN);
        assertEquals(200, readA.statusCode());
        String etag = readA.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"v1\"", etag);
        assertEquals(etag, readB.headers().firstValue("ETag").orElseThrow());

        Node challenge = NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge");
        Graph byA = withObject(v1, challenge, KK.text.asNode(), NodeFactory.createLiteralLang("Aの課題。", "ja"));
        Graph byB = withObject(v1, challenge, KK.text.asNode(), NodeFactory.createLiteralLang("Bの課題。", "ja"));
        HttpResponse<String> savedA = put(slug, EDITOR, "text/turtle", relativeTurtle(byA), etag);
        assertEquals(200, savedA.statusCode(), savedA.body());
        assertEquals("\"v2\"", savedA.headers().firstValue("ETag").orElse(""));

        HttpResponse<String> staleB = put(slug, ADMIN, "text/turtle", relativeTurtle(byB), etag);
        assertEquals(412, staleB.statusCode(), staleB.body());
        assertEquals("\"v2\"", staleB.headers().firstValue("ETag").orElse(""));
        assertTrue(staleB.body().contains("\"currentVersion\":2"), staleB.body());
        HttpResponse<String> blindB = put(slug, ADMIN, "text/turtle", relativeTurtle(byB));
        assertEquals(428, blindB.statusCode(), blindB.body());
        HttpResponse<String> noDeleteB =
                send(request("/api/worksheets/" + slug, ADMIN).DELETE().build());
        assertEquals(428, noDeleteB.statusCode());
        HttpResponse<String> staleDeleteB = send(request("/api/worksheets/" + slug, ADMIN)
                .header("If-Match", etag)
                .DELETE()
                .build());
        assertEquals(412, staleDeleteB.statusCode());
        HttpResponse<String> createOverB = send(request("/api/worksheets/" + slug, ADMIN)
                .header("Content-Type", "text/turtle")
                .header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString(relativeTurtle(byB)))
                .build());
        assertEquals(412, createOverB.statusCode());
        assertTrue(byA.isIsomorphicWith(store.graph(BASE + "graph/worksheet/" + slug)), "A's change stays");
        assertEquals(2, repository.history(slug).size());

        // B reads again and saves on top of A's version.
        String fresh = get(slug, ADMIN).headers().firstValue("ETag").orElseThrow();
        assertEquals("\"v2\"", fresh);
        assertEquals(
                200, put(slug, ADMIN, "text/turtle", relativeTurtle(byB), fresh).statusCode());
        assertTrue(byB.isIsomorphicWith(store.graph(BASE + "graph/worksheet/" + slug)));
        HttpResponse<String> history =
                send(request("/api/worksheets/" + slug + "/history", null).GET().build());
        assertTrue(history.body().contains("\"origin\":\"api\""), history.body());
    }

    @Test
    void theHomePageCountsUserWritesAsAreasWorksheetsNotAsWorkedExamples() throws Exception {
        Document before = Jsoup.parse(
                send(request("/", null).header("Accept", "text/html").GET().build())
                        .body());
        long examples = Long.parseLong(before.selectFirst("#count-examples").text());
        long drafts = Long.parseLong(before.selectFirst("#count-drafts").text());
        assertEquals(5, examples, "the five worked examples of the guideline");

        String slug = "count-draft";
        Graph v1 = worksheet(store, slug, TOKYO);
        assertEquals(201, put(slug, EDITOR, "text/turtle", relativeTurtle(v1)).statusCode());
        Graph v2 = withObject(
                v1,
                NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge"),
                KK.text.asNode(),
                NodeFactory.createLiteralLang("二度目の課題。", "ja"));
        assertEquals(
                200,
                put(slug, EDITOR, "text/turtle", relativeTurtle(v2), "\"v1\"").statusCode());
        Graph v3 = withObject(
                v2,
                NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge"),
                KK.text.asNode(),
                NodeFactory.createLiteralLang("三度目の課題。", "ja"));
        assertEquals(
                200,
                put(slug, EDITOR, "text/turtle", relativeTurtle(v3), "\"v2\"").statusCode());

        Document after = Jsoup.parse(
                send(request("/", null).header("Accept", "text/html").GET().build())
                        .body());
        assertEquals(
                examples,
                Long.parseLong(after.selectFirst("#count-examples").text()),
                "a user's worksheet is no worked example, however often it is saved");
        assertEquals(
                drafts + 1, Long.parseLong(after.selectFirst("#count-drafts").text()));
    }

    /**
     * The function, prefecture and resource pages and the dataset description count worksheets as the home page does
     * (one query): an area's new draft is a draft there too, never a worked example or a synthetic one.
     */
    @Test
    void functionPrefectureAndResourcePagesAndVoidCountByProvenanceAndStatus() throws Exception {
        String[] pages = {
            "/def/function/f2-ni", "/doc/area/pref/13", "/def/resource/function-report-results", "/def/function/f2"
        };
        long[][] before = new long[pages.length][];
        for (int i = 0; i < pages.length; i++) {
            before[i] = provenanceCounts(pages[i]);
            assertTrue(before[i][1] >= 1 || i == 1, pages[i] + ": the worked example counted as one");
        }
        long[] voidBefore = voidCounts();

        String slug = "count-pages";
        assertEquals(
                201,
                put(slug, EDITOR, "text/turtle", relativeTurtle(worksheet(store, slug, TOKYO)))
                        .statusCode());

        for (int i = 0; i < pages.length; i++) {
            long[] after = provenanceCounts(pages[i]);
            long[] expected = before[i].clone();
            expected[0]++;
            expected[2]++;
            assertEquals(
                    java.util.Arrays.toString(expected),
                    java.util.Arrays.toString(after),
                    pages[i] + ": total, examples, drafts, agreed, synthetic");
        }
        long[] voidAfter = voidCounts();
        voidBefore[0]++;
        voidBefore[2]++;
        assertEquals(java.util.Arrays.toString(voidBefore), java.util.Arrays.toString(voidAfter), "VoID");
        Document home = Jsoup.parse(
                send(request("/", null).header("Accept", "text/html").GET().build())
                        .body());
        assertEquals(
                voidAfter[2], Long.parseLong(home.selectFirst("#count-drafts").text()), "home = VoID");
    }

    /** Total, worked examples, drafts, agreed and synthetic worksheets as the page at {@code path} gives them. */
    private long[] provenanceCounts(String path) throws Exception {
        HttpResponse<String> response =
                send(request(path, null).header("Accept", "text/html").GET().build());
        assertEquals(200, response.statusCode(), path);
        Element table = Jsoup.parse(response.body()).selectFirst("table.provenance-counts");
        assertNotNull(table, path + " shows the counts by provenance");
        String[] rows = {"all", "examples", "drafts", "agreed", "synthetic"};
        long[] counts = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            counts[i] = Long.parseLong(
                    table.selectFirst("tr." + rows[i] + " td.num").text());
        }
        return counts;
    }

    /** The same five figures from the dataset description's class partition of worksheets (void:entities). */
    private long[] voidCounts() throws Exception {
        HttpResponse<String> response = send(request("/.well-known/void", null)
                .header("Accept", "text/turtle")
                .GET()
                .build());
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        RDFParser.fromString(response.body(), Lang.TURTLE).parse(m);
        String[] parts = {
            "worksheets", "worksheets-examples", "worksheets-drafts", "worksheets-agreed", "worksheets-synthetic"
        };
        long[] counts = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            counts[i] = m.getRequiredProperty(
                            m.createResource(BASE + ".well-known/void#" + parts[i]),
                            org.apache.jena.vocabulary.VOID.entities)
                    .getLong();
        }
        return counts;
    }

    @Test
    void aWorkedExampleIsRefusedThroughTheApiWith409() throws Exception {
        String slug = "mhlw-2025-f2-ha";
        Graph shipped = store.graph(BASE + "graph/worksheet/" + slug);
        String etag = get(slug, ADMIN).headers().firstValue("ETag").orElseThrow();
        Graph changed = withObject(
                shipped,
                NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge"),
                KK.text.asNode(),
                NodeFactory.createLiteralLang("書き換えた課題。", "ja"));
        HttpResponse<String> replace = put(slug, ADMIN, "text/turtle", relativeTurtle(changed), etag);
        assertEquals(409, replace.statusCode(), replace.body());
        assertTrue(replace.body().contains("worked example"), replace.body());
        assertEquals(
                409,
                send(request("/api/worksheets/" + slug, ADMIN)
                                .header("If-Match", etag)
                                .DELETE()
                                .build())
                        .statusCode());
        assertTrue(shipped.isIsomorphicWith(store.graph(BASE + "graph/worksheet/" + slug)));
        assertTrue(repository.history(slug).isEmpty());
    }

    @Test
    void invalidWorksheetsAnswer422WithTheShaclReport() throws Exception {
        Graph invalid = worksheet(store, "rest-invalid", TOKYO);
        invalid.remove(NodeFactory.createURI(BASE + "id/worksheet/rest-invalid"), KK.function.asNode(), null);
        String body = relativeTurtle(invalid);

        HttpResponse<String> json = put("rest-invalid", EDITOR, "text/turtle", body);
        assertEquals(422, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.body().contains("Worksheet-function-count"), json.body());
        assertTrue(json.body().contains("かかりつけ医機能をちょうど一つ指定してください。"), json.body());

        HttpResponse<String> turtle = send(request("/api/worksheets/rest-invalid", EDITOR)
                .header("Content-Type", "text/turtle")
                .header("Accept", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertEquals(422, turtle.statusCode());
        Graph reportGraph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(reportGraph);
        ValidationReport report = ValidationReport.fromGraph(reportGraph);
        assertFalse(report.conforms());
        assertEquals(1, report.getEntries().size());
        assertEquals(
                KK.function.asNode().toString(),
                report.getEntries().iterator().next().resultPath().toString().replaceAll("[<>]", ""));

        // A JSON-LD client gets the same report, as JSON-LD: the same graph as the Turtle one.
        HttpResponse<String> jsonLd = send(request("/api/worksheets/rest-invalid", EDITOR)
                .header("Content-Type", "text/turtle")
                .header("Accept", "application/ld+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertEquals(422, jsonLd.statusCode());
        assertTrue(jsonLd.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        Graph jsonLdGraph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(jsonLd.body(), Lang.JSONLD).parse(jsonLdGraph);
        assertTrue(jsonLdGraph.isIsomorphicWith(reportGraph), jsonLd.body());
        assertFalse(repository.exists("rest-invalid"));
        assertTrue(repository.history("rest-invalid").isEmpty());
    }

    @Test
    void badBodiesAnswer400Or413Or415BeforeAnythingIsWritten() throws Exception {
        HttpResponse<String> malformed = put(
                "rest-bad",
                EDITOR,
                "text/turtle",
                "@prefix kk: <https://w3id.org/kakaritsuke/ontology#> .\n\n<id/worksheet/rest-bad> kk:area } .\n");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("line 3, column 33"), malformed.body());

        assertEquals(415, put("rest-bad", EDITOR, "text/plain", "hello").statusCode());
        assertEquals(415, put("rest-bad", EDITOR, "application/json", "{}").statusCode());

        String large = "# padding\n".repeat(30_000);
        assertEquals(413, put("rest-bad", EDITOR, "text/turtle", large).statusCode());
        HttpResponse<String> chunked = send(request("/api/worksheets/rest-bad", EDITOR)
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertEquals(413, chunked.statusCode(), "a body without a length is cut off at the limit too");

        HttpResponse<String> otherGraph = put(
                "rest-bad",
                EDITOR,
                "application/trig",
                "<graph/worksheet/someone-else> { <id/worksheet/rest-bad> a <x> }");
        assertEquals(400, otherGraph.statusCode());
        assertFalse(repository.exists("rest-bad"));
        assertTrue(repository.history("rest-bad").isEmpty());
    }

    @Test
    void browserFormsNeedASessionAndACsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        HttpResponse<String> login =
                browser.send(request("/login", null).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        Document page = Jsoup.parse(login.body());
        Element token = page.selectFirst("form[action=/login] input[type=hidden][name=_csrf]");
        assertNotNull(token, "Thymeleaf puts the CSRF token into the login form");
        assertNotNull(page.selectFirst("input[name=username]"));
        assertNotNull(page.selectFirst("input[name=password][type=password]"));

        HttpRequest withToken = request("/doc/worksheet/mhlw-2025-f1/history/restore", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=1&_csrf=" + token.attr("value")))
                .build();
        HttpResponse<String> anonymous = browser.send(withToken, HttpResponse.BodyHandlers.ofString());
        assertEquals(302, anonymous.statusCode(), "a signed-out browser is sent to the login page");
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login"));

        HttpResponse<String> noTokenAnonymous = send(request("/doc/worksheet/mhlw-2025-f1/history/restore", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=1"))
                .build());
        assertEquals(403, noTokenAnonymous.statusCode());
        HttpResponse<String> noToken = send(request("/doc/worksheet/mhlw-2025-f1/history/restore", ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=1"))
                .build());
        assertEquals(403, noToken.statusCode(), "without a CSRF token even an administrator is refused");
        assertTrue(repository.history("mhlw-2025-f1").isEmpty());
    }

    @Test
    void sparqlWritesAreForAdministratorsOnTheAdminPathOnly() throws Exception {
        String graph = BASE + "graph/admin-test";
        String update = "INSERT DATA { GRAPH <" + graph + "> { <" + BASE + "id/x> <" + BASE + "id/p> 1 } }";
        for (String who : new String[] {null, EDITOR, ADMIN}) {
            HttpResponse<String> publicUpdate = send(request("/sparql", who)
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update))
                    .build());
            assertTrue(publicUpdate.statusCode() >= 400, "the public endpoint refuses updates from " + who);
            HttpResponse<String> publicPut = send(request("/sparql?graph=" + graph, who)
                    .header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString(TRIPLE))
                    .build());
            assertTrue(publicPut.statusCode() >= 400, "the public endpoint refuses Graph Store writes from " + who);
        }
        assertEquals(
                401,
                send(request("/sparql?graph=" + graph, null)
                                .header("Content-Type", "text/turtle")
                                .PUT(HttpRequest.BodyPublishers.ofString(TRIPLE))
                                .build())
                        .statusCode());
        assertEquals(
                403,
                send(request("/sparql?graph=" + graph, EDITOR)
                                .header("Content-Type", "text/turtle")
                                .PUT(HttpRequest.BodyPublishers.ofString(TRIPLE))
                                .build())
                        .statusCode());

        HttpRequest.Builder adminUpdate = request("/admin/sparql", null)
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        assertEquals(401, send(adminUpdate.build()).statusCode());
        assertEquals(
                403,
                send(request("/admin/sparql", EDITOR)
                                .header("Content-Type", "application/sparql-update")
                                .POST(HttpRequest.BodyPublishers.ofString(update))
                                .build())
                        .statusCode());
        assertFalse(store.graphNames().contains(graph), "no refused request wrote anything");

        HttpResponse<String> done = send(request("/admin/sparql", ADMIN)
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update))
                .build());
        assertTrue(done.statusCode() == 200 || done.statusCode() == 204, done.statusCode() + " " + done.body());
        assertTrue(store.graphNames().contains(graph));

        String gsp = BASE + "graph/admin-gsp";
        HttpResponse<String> put = send(request("/admin/sparql?graph=" + gsp, ADMIN)
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(TRIPLE))
                .build());
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204, put.body());
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.fromString(TRIPLE, Lang.NTRIPLES).parse(expected);
        assertTrue(expected.isIsomorphicWith(store.graph(gsp)));
        HttpResponse<String> read = send(request("/admin/sparql?graph=" + gsp, ADMIN)
                .header("Accept", "application/n-triples")
                .GET()
                .build());
        assertEquals(200, read.statusCode());
        Graph got = GraphFactory.createDefaultGraph();
        RDFParser.fromString(read.body(), Lang.NTRIPLES).parse(got);
        assertTrue(expected.isIsomorphicWith(got));
        assertEquals(
                401,
                send(request("/admin/sparql?graph=" + gsp, null).GET().build()).statusCode());
    }

    /** A signed-in editor refused an administrator's page still sees who is signed in, not「ログイン」. */
    @Test
    void theForbiddenPageKeepsTheSignedInHeader() throws Exception {
        HttpClient browser = signIn(EDITOR);
        HttpResponse<String> refused = browser.send(
                request("/admin/backup", null)
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertNotNull(page.selectFirst("main#forbidden"), refused.body());
        assertEquals("editor13", page.selectFirst("header .account .user-name").text());
        assertNull(page.selectFirst("header .account a[href=/login]"), "no sign-in link for a signed-in user");
    }

    /** A browser signed in through the login form, with its cookies. */
    private HttpClient signIn(String credentials) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        String token = csrf(browser.send(request("/login", null).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
        String[] userPassword = credentials.split(":");
        HttpResponse<String> login = browser.send(
                request("/login", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + userPassword[0] + "&password=" + userPassword[1] + "&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode());
        assertFalse(login.headers().firstValue("Location").orElse("").contains("error"), "signed in");
        return browser;
    }

    private static String csrf(String html) {
        Element token = Jsoup.parse(html).selectFirst("input[type=hidden][name=_csrf]");
        assertNotNull(token, "the page's form carries a CSRF token");
        return token.attr("value");
    }

    @Test
    void theHistoryPageShowsVersionsAndChangesAndRestoresForEditors() throws Exception {
        String slug = "page-history";
        Graph v1 = worksheet(store, slug, TOKYO);
        repository.save(slug, v1, AuthoringFixtures.EDITOR_13, "最初の版");
        Graph v2 = withObject(
                v1,
                NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge"),
                KK.text.asNode(),
                NodeFactory.createLiteralLang("書き直した課題。", "ja"));
        repository.save(slug, v2, AuthoringFixtures.EDITOR_13, "課題を書き直した");

        HttpResponse<String> anonymous = send(request("/doc/worksheet/" + slug + "/history?lang=en", null)
                .header("Accept", "text/html")
                .GET()
                .build());
        assertEquals(200, anonymous.statusCode());
        Document page = Jsoup.parse(anonymous.body());
        assertEquals(2, page.select("#versions tr.version").size());
        assertEquals("2", page.selectFirst("#versions tr.version").attr("data-version"), "newest first");
        assertTrue(page.selectFirst("#versions tr.version").text().contains("課題を書き直した"));
        assertTrue(page.select("form.restore-form").isEmpty(), "no restore button for readers");
        Element change = page.selectFirst("#diff .diff-item");
        assertNotNull(change);
        assertEquals("Concrete regional challenge", change.selectFirst("h3").text());
        assertEquals("text", change.selectFirst("dt").text());
        assertEquals("書き直した課題。 @ja", change.selectFirst("dd ins").text());
        assertNotNull(change.selectFirst("dd del"));

        HttpClient editor = signIn(EDITOR);
        HttpResponse<String> editorPage = editor.send(
                request("/doc/worksheet/" + slug + "/history", null)
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Document editable = Jsoup.parse(editorPage.body());
        assertEquals(1, editable.select("form.restore-form").size(), "no restore button on the current version");
        assertNull(editable.selectFirst("tr.version[data-version=2] form.restore-form"));
        assertNotNull(editable.selectFirst("tr.version[data-version=2] .current-version"));
        assertEquals(
                "api",
                editable.selectFirst("tr.version[data-version=2] .origin").attr("data-origin"));
        String time = editable.selectFirst("tr.version[data-version=2] time").text();
        assertTrue(time.matches("令和\\d+年\\d+月\\d+日 \\d+:\\d\\d"), "Japan time in the Japanese calendar: " + time);
        assertTrue(editable.selectFirst("tr.version[data-version=2] time")
                .attr("datetime")
                .endsWith("+09:00"));
        Element restoreFirst = editable.selectFirst("tr.version[data-version=1] form.restore-form");
        assertTrue(restoreFirst.selectFirst("input[name=comment]").hasAttr("required"), "a restore asks why");
        String token = restoreFirst.selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> withoutComment = editor.send(
                request(restoreFirst.attr("action"), null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("version=1&basedOn=2&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, withoutComment.statusCode());
        HttpResponse<String> ofCurrent = editor.send(
                request(restoreFirst.attr("action"), null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("version=2&basedOn=2&comment=x&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, ofCurrent.statusCode());
        assertEquals(2, repository.history(slug).size());
        HttpResponse<String> restored = editor.send(
                request(restoreFirst.attr("action"), null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "version=1&basedOn=2&comment=%E6%88%BB%E3%81%99&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, restored.statusCode());
        assertTrue(restored.headers().firstValue("Location").orElse("").contains("restored=1"));
        assertTrue(v1.isIsomorphicWith(repository.get(slug).orElseThrow()));
        assertEquals(3, repository.history(slug).size());
        assertEquals("editor13", repository.history(slug).get(2).user());
        assertEquals("戻す", repository.history(slug).get(2).comment());
        assertEquals(Version.Origin.HISTORY, repository.history(slug).get(2).origin());

        HttpResponse<String> worksheetPage = send(request("/doc/worksheet/" + slug, null)
                .header("Accept", "text/html")
                .GET()
                .build());
        assertEquals(
                "/doc/worksheet/" + slug + "/history",
                Jsoup.parse(worksheetPage.body()).selectFirst("a#history-link").attr("href"));

        assertEquals(
                404,
                send(request("/doc/worksheet/never-written/history", null)
                                .header("Accept", "text/html")
                                .GET()
                                .build())
                        .statusCode());
    }

    @Test
    void administratorsDownloadAndRestoreBackups() throws Exception {
        assertEquals(403, send(request("/admin/backup", EDITOR).GET().build()).statusCode());
        assertEquals(302, send(request("/admin/backup", null).GET().build()).statusCode());

        HttpClient admin = signIn(ADMIN);
        HttpResponse<String> page =
                admin.send(request("/admin/backup", null).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String token = csrf(page.body());
        HttpResponse<byte[]> download = admin.send(
                request("/admin/backup/download", null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertTrue(
                download.headers().firstValue("Content-Disposition").orElse("").contains(".nq.gz"));
        DatasetGraph snapshot = DatasetGraphFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(download.body())))
                .lang(Lang.NQUADS)
                .parse(snapshot);
        assertTrue(snapshot.containsGraph(NodeFactory.createURI(BASE + "graph/worksheet/mhlw-2025-f1")));

        String extra = BASE + "graph/worksheet/after-backup";
        repository.save("after-backup", worksheet(store, "after-backup", TOKYO), AuthoringFixtures.ADMIN, "");
        assertTrue(store.graphNames().contains(extra));

        String boundary = "----kb" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.nq.gz\""
                        + "\r\nContent-Type: application/gzip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + download.body().length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(download.body(), 0, body, head.length, download.body().length);
        System.arraycopy(tail, 0, body, head.length + download.body().length, tail.length);
        HttpResponse<String> restore = admin.send(
                request("/admin/backup/restore", null)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, restore.statusCode(), restore.body());
        assertFalse(store.graphNames().contains(extra), "the restore replaced the whole dataset");
        Set<String> names = new TreeSet<>();
        snapshot.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        assertEquals(names, store.graphNames());
        for (String name : names) {
            assertTrue(snapshot.getGraph(NodeFactory.createURI(name)).isIsomorphicWith(store.graph(name)), name);
        }
    }

    /**
     * The bad-input matrix: every bad input of the hardening issue through every write route that takes it — the
     * worksheet API (PUT), the import API, the import form and backup restore. Each must be refused with a 4xx and a
     * message that says what is wrong, and must write nothing (the store's quads are the same before and after).
     */
    @Nested
    class BadInputMatrix {

        /** Above the default text limit of 100 KB. */
        private static final int LONG = 150 * 1024;

        /** One bad input: a file name, its bytes, and a phrase of the refusal (in English). */
        record Bad(String name, String filename, String contentType, byte[] bytes, String phrase, int status) {
            @Override
            public String toString() {
                return name;
            }
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private List<Bad> rdfInputs() {
            Graph tokyo = withOwnNames(worksheet(store, "matrix", TOKYO), "matrix");
            Graph longText = withObject(
                    tokyo,
                    NodeFactory.createURI(BASE + "id/worksheet/matrix/challenge"),
                    KK.text.asNode(),
                    NodeFactory.createLiteralLang("長".repeat(LONG / 3 + 10), "ja"));
            String deepJson = "[".repeat(5000) + "]".repeat(5000);
            String deepJsonLd =
                    "{\"@id\": \"urn:x\", \"urn:p\": " + "{\"urn:p\": ".repeat(3000) + "1" + "}".repeat(3000) + "}";
            String deepTurtle = "<urn:s> <urn:p> " + "[ <urn:p> ".repeat(3000) + "1" + " ]".repeat(3000) + " .";
            String deepXml =
                    "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                            + " xmlns:ex=\"urn:ex#\"><rdf:Description rdf:about=\"urn:s\">"
                            + "<ex:p><rdf:Description>".repeat(2000) + "</rdf:Description></ex:p>".repeat(2000)
                            + "</rdf:Description></rdf:RDF>";
            String entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM"
                    + " \"file:///etc/hostname\"> ]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                    + " xmlns:ex=\"urn:ex#\"><rdf:Description rdf:about=\"urn:s\"><ex:p>&secret;</ex:p>"
                    + "</rdf:Description></rdf:RDF>";
            return List.of(
                    new Bad("deep JSON-LD arrays", "deep.jsonld", "application/ld+json", utf8(deepJson), "nested", 400),
                    new Bad(
                            "deep JSON-LD objects",
                            "deep2.jsonld",
                            "application/ld+json",
                            utf8(deepJsonLd),
                            "nested",
                            400),
                    new Bad("deep Turtle", "deep.ttl", "text/turtle", utf8(deepTurtle), "nested", 400),
                    new Bad("deep RDF/XML", "deep.rdf", "application/rdf+xml", utf8(deepXml), "nested", 400),
                    new Bad(
                            "RDF/XML external entity",
                            "entity.rdf",
                            "application/rdf+xml",
                            utf8(entity),
                            "xternal",
                            400),
                    new Bad(
                            "150 KB literal",
                            "long.ttl",
                            "text/turtle",
                            utf8(relativeTurtle(longText)),
                            "kb.input.max-text-length",
                            422));
        }

        private List<Bad> tabularInputs() throws IOException {
            byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
            byte[] sjis = "worksheet_id,section,text_ja\nmatrix,challenge,課題\n".getBytes("windows-31j");
            byte[] bomThenSjis = new byte[bom.length + sjis.length];
            System.arraycopy(bom, 0, bomThenSjis, 0, bom.length);
            System.arraycopy(sjis, 0, bomThenSjis, bom.length, sjis.length);
            // A UTF-8 file whose byte-order mark went through Windows-31J and back: "�ｻｿworksheet_id".
            byte[] misdecoded = utf8("\uFFFD\uFF7B\uFF7Fworksheet_id,section,text_ja\nmatrix,challenge,課題\n");
            byte[] longCell = utf8("worksheet_id,section,text_ja\nmatrix,challenge," + "x".repeat(LONG) + "\n");
            return List.of(
                    new Bad("CSV: BOM but Shift_JIS", "bom-sjis.csv", "text/csv", bomThenSjis, "bom-sjis.csv", 400),
                    new Bad("CSV: mis-decoded BOM", "misdecoded.csv", "text/csv", misdecoded, "misdecoded.csv", 400),
                    new Bad("CSV: 150 KB cell", "long.csv", "text/csv", longCell, "kb.input.max-text-length", 400),
                    new Bad(
                            "xlsx: formula without value",
                            "formula.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            formulaWorkbook(),
                            "HYPERLINK",
                            400));
        }

        private static byte[] formulaWorkbook() throws IOException {
            try (XSSFWorkbook book = new XSSFWorkbook();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = book.createSheet("worksheets");
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("worksheet_id");
                header.createCell(1).setCellValue("section");
                header.createCell(2).setCellValue("text_ja");
                Row row = sheet.createRow(1);
                row.createCell(0).setCellValue("matrix");
                row.createCell(1).setCellValue("challenge");
                row.createCell(2).setCellFormula("HYPERLINK(\"http://example.org/\",\"click\")");
                book.write(out);
                return out.toByteArray();
            }
        }

        private Set<Quad> snapshot() {
            Set<Quad> quads = new HashSet<>();
            store.forEachQuad(quads::add);
            return quads;
        }

        private void assertRefused(String route, Bad bad, int status, String body, Set<Quad> before) {
            String what = route + " / " + bad;
            assertTrue(status >= 400 && status < 500, what + ": " + status + " " + abbreviate(body));
            assertEquals(bad.status(), status, what + ": " + abbreviate(body));
            assertTrue(
                    body.toLowerCase(Locale.ROOT).contains(bad.phrase().toLowerCase(Locale.ROOT)),
                    what + ": the message names the problem: " + abbreviate(body));
            assertTrue(before.equals(snapshot()), what + ": nothing was written");
        }

        private static String abbreviate(String body) {
            return body.length() > 600 ? body.substring(0, 600) + "…" : body;
        }

        @Test
        void everyBadRdfInputIsRefusedByEveryRdfRouteAndWritesNothing() throws Exception {
            HttpClient browser = signIn(EDITOR);
            for (Bad bad : rdfInputs()) {
                Set<Quad> before = snapshot();
                HttpResponse<String> put = send(request("/api/worksheets/matrix", EDITOR)
                        .header("Content-Type", bad.contentType())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bad.bytes()))
                        .build());
                assertRefused("PUT /api/worksheets/matrix", bad, put.statusCode(), put.body(), before);
                importThroughApiAndForm(browser, bad, before);
            }
        }

        @Test
        void everyBadTabularInputIsRefusedByTheImportRoutesAndWritesNothing() throws Exception {
            HttpClient browser = signIn(EDITOR);
            for (Bad bad : tabularInputs()) {
                importThroughApiAndForm(browser, bad, snapshot());
            }
        }

        private void importThroughApiAndForm(HttpClient browser, Bad bad, Set<Quad> before) throws Exception {
            String filename = URLEncoder.encode(bad.filename(), StandardCharsets.UTF_8);
            HttpResponse<String> api = send(request("/api/import?dryRun=false&filename=" + filename, EDITOR)
                    .header("Content-Type", bad.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bad.bytes()))
                    .build());
            assertRefused("POST /api/import", bad, api.statusCode(), api.body(), before);

            HttpResponse<String> page =
                    browser.send(request("/import?lang=en", null).GET().build(), HttpResponse.BodyHandlers.ofString());
            String boundary = "----kb" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                            + csrf(page.body()) + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + bad.filename() + "\""
                            + "\r\nContent-Type: " + bad.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(head);
            body.write(bad.bytes());
            body.write(tail);
            HttpResponse<String> form = browser.send(
                    request("/import/preview?lang=en", null)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused(
                    "POST /import/preview",
                    bad,
                    form.statusCode(),
                    Jsoup.parse(form.body()).text(),
                    before);
        }

        @Test
        void aBackupWithATooLongTextIsRefusedAndTheStoreIsUnchanged() throws Exception {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(utf8("<urn:s> <urn:p> \"" + "x".repeat(LONG) + "\" <" + BASE + "graph/x> .\n"));
            }
            Bad bad = new Bad(
                    "backup with a 150 KB literal",
                    "b.nq.gz",
                    "application/gzip",
                    gz.toByteArray(),
                    "kb.input.max-text-length",
                    400);
            HttpClient admin = signIn(ADMIN);
            HttpResponse<String> page =
                    admin.send(request("/admin/backup", null).GET().build(), HttpResponse.BodyHandlers.ofString());
            String boundary = "----kb" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                            + csrf(page.body()) + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.nq.gz\""
                            + "\r\nContent-Type: application/gzip\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(bad.bytes());
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            Set<Quad> before = snapshot();
            HttpResponse<String> restore = admin.send(
                    request("/admin/backup/restore?lang=en", null)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused("POST /admin/backup/restore", bad, restore.statusCode(), restore.body(), before);
        }
    }
}
