package jp.kakaritsuke.kb.authoring.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import in the running application: the REST API's answers (400 with line and column or sheet and cell, 401,
 * 403, 413, 415, 422, dry run), the pages (upload, preview, apply, CSRF, sign-in), the templates, and the import
 * command run in-process. Uses the development accounts of application.properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportWebTest {

    static final String ADMIN = "admin:dev-admin-2026";
    static final String EDITOR = "editor13:dev-editor-2026";
    static final String HEADER = "worksheet_id,area_code,function,fiscal_year,status,section,number,parent,"
            + "text_ja,addresses,actor,explains,leads_to,contributes_to";

    @TempDir
    static Path tdb2;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> tdb2.toString());
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.import.max-upload", () -> "100KB");
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeStore store;

    @Autowired
    WorksheetRepository repository;

    @Autowired
    ImportCommand command;

    @Autowired
    WorksheetImporter importer;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A small valid worksheet in the layout; the header is line 1, the rows lines 2 to 7. */
    static String csv(String slug, String area) {
        return HEADER + "\n"
                + slug + "," + area + ",f2-i,2026,draft,worksheet,,,時間外診療の課題,,,,,\n"
                + slug + ",,,,,challenge,,,休日・夜間に受診できる体制がない。,,,,,\n"
                + slug + ",,,,,cause,1,,当番医の高齢化。,,,challenge,,\n"
                + slug + ",,,,,measure,1,,輪番体制を検討する。,1,,,effect,\n"
                + slug + ",,,,,role,1,1,輪番体制を取りまとめる。,,local-medical-association,,,\n"
                + slug + ",,,,,effect,,,時間外に受診できる。,,,,,\n";
    }

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data body with one file part and text fields. */
    private record Multipart(String contentType, byte[] body) {

        static Multipart of(String filename, String fileType, byte[] content, Map<String, String> fields)
                throws IOException {
            String boundary = "----kb" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                            + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    private HttpResponse<String> upload(String query, String credentials, String filename, byte[] content)
            throws Exception {
        Multipart multipart = Multipart.of(filename, "application/octet-stream", content, Map.of());
        return send(
                http,
                request("/api/import" + query, credentials)
                        .header("Content-Type", multipart.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
                        .build());
    }

    private Set<Quad> quads() {
        return ImportFixtures.quads(store);
    }

    @Test
    void theExcelDownloadOfAWorksheetReimportsToTheSameGraph() throws Exception {
        String slug = "download-round-trip";
        HttpResponse<String> created =
                upload("?dryRun=false", EDITOR, "new.csv", csv(slug, "13").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, created.statusCode(), created.body());
        Graph stored = store.graph(repository.names(slug).graph());
        assertFalse(stored.isEmpty());

        HttpResponse<byte[]> download = http.send(
                request("/doc/worksheet/" + slug + "/download.xlsx", null).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        byte[] xlsx = download.body();

        List<ParsedWorksheet> read = importer.read(ImportFormat.XLSX, xlsx, ImportProgress.NONE);
        assertEquals(1, read.size());
        assertTrue(stored.isIsomorphicWith(read.get(0).content()), "the download reads back as the stored graph");
        HttpResponse<String> again = upload("", EDITOR, slug + ".xlsx", xlsx);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("unchanged", json(again).at("/worksheets/0/change").asString(), again.body());
    }

    @Test
    void theRestApiAnswersWithTheStatusAndThePlaceOfEveryProblem() throws Exception {
        byte[] tokyo = csv("rest-tokyo", "13").getBytes(StandardCharsets.UTF_8);
        Set<Quad> before = quads();

        assertEquals(401, upload("", null, "tokyo.csv", tokyo).statusCode());

        HttpResponse<String> dryRun = upload("", EDITOR, "tokyo.csv", tokyo);
        assertEquals(200, dryRun.statusCode(), dryRun.body());
        assertTrue(json(dryRun).path("dryRun").asBoolean(), dryRun.body());
        assertEquals("new", json(dryRun).at("/worksheets/0/change").asString(), dryRun.body());
        assertEquals(before, quads(), "a dry run writes nothing");

        String turtle = "@prefix kk: <https://w3id.org/kakaritsuke/ontology#> .\n"
                + "<id/worksheet/broken> a kk:Worksheet ;\n    kk:status ] .\n";
        HttpResponse<String> malformed = send(
                http,
                request("/api/import?dryRun=false", EDITOR)
                        .header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString(turtle))
                        .build());
        assertEquals(400, malformed.statusCode());
        assertEquals(List.of("line 3, column 15"), wheres(malformed), malformed.body());

        byte[] wrongColumn =
                csv("rest-tokyo", "13").replace("addresses", "adresses").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> column = upload("?dryRun=false", EDITOR, "tokyo.csv", wrongColumn);
        assertEquals(400, column.statusCode());
        assertTrue(
                messages(column).stream().anyMatch(m -> m.contains("There is no column \"adresses\"")), column.body());

        Graph example = ImportFixtures.worksheet(store, ImportFixtures.EXAMPLE);
        List<Map<TabularLayout.Column, String>> rows = new java.util.ArrayList<>(
                new WorksheetTableWriter(ImportFixtures.BASE, importer.vocabulary()).rows("rest-xlsx", example));
        Map<TabularLayout.Column, String> head = new java.util.EnumMap<>(rows.get(0));
        head.put(TabularLayout.Column.FISCAL_YEAR, "来年度");
        rows.set(0, head);
        HttpResponse<String> cell =
                upload("?dryRun=false", ADMIN, "example.xlsx", ImportFixtures.xlsx(rows, importer.vocabulary()));
        assertEquals(400, cell.statusCode());
        assertTrue(wheres(cell).contains("worksheets!D2 (column fiscal_year)"), cell.body());

        byte[] invalid =
                csv("rest-invalid", "13").replace("検討する。,1,", "検討する。,,").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> shacl = upload("?dryRun=false", EDITOR, "tokyo.csv", invalid);
        assertEquals(422, shacl.statusCode());
        assertTrue(wheres(shacl).contains("line 4"), shacl.body());
        assertTrue(messages(shacl).stream().anyMatch(m -> m.contains("No measure addresses this cause")), shacl.body());

        HttpResponse<String> osaka = upload(
                "?dryRun=false", EDITOR, "osaka.csv", csv("rest-osaka", "27").getBytes(StandardCharsets.UTF_8));
        assertEquals(403, osaka.statusCode());

        assertEquals(
                413,
                upload("?dryRun=false", EDITOR, "big.csv", new byte[101 * 1024]).statusCode());
        assertEquals(415, upload("?dryRun=false", EDITOR, "tokyo.pdf", tokyo).statusCode());
        HttpResponse<String> wrongType = send(
                http,
                request("/api/import?dryRun=false", EDITOR)
                        .header("Content-Type", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tokyo))
                        .build());
        assertEquals(415, wrongType.statusCode());
        assertEquals(before, quads(), "no refused request wrote anything");

        HttpResponse<String> written = send(
                http,
                request("/api/import?dryRun=false&comment=bulk", EDITOR)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tokyo))
                        .build());
        assertEquals(200, written.statusCode(), written.body());
        assertTrue(json(written).path("written").asBoolean(), written.body());
        assertEquals(1, json(written).at("/worksheets/0/version").asInt(), written.body());
        assertTrue(repository.exists("rest-tokyo"));
        assertEquals("editor13", repository.history("rest-tokyo").get(0).user());
        assertEquals("bulk", repository.history("rest-tokyo").get(0).comment());
    }

    /**
     * The templates carry a neutral sample — a fictitious slug and area, texts marked as a sample, nothing of a
     * worked example — plus, in the workbook, instructions in Japanese and English and drop-down lists; and an
     * import that copies a worked example's title onto another worksheet is refused at that cell.
     */
    @Test
    void theTemplatesHoldANeutralSampleAndTheImportRefusesAnExamplesTitle() throws Exception {
        HttpResponse<byte[]> csv =
                http.send(request("/import/template.csv", null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<ParsedWorksheet> parsed = importer.read(ImportFormat.CSV, csv.body(), ImportProgress.NONE);
        assertEquals(1, parsed.size());
        assertEquals(ImportTemplates.SAMPLE, parsed.get(0).slug());
        Graph sample = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.source("src/main/resources/import/template-sample.ttl")
                .base(ImportFixtures.BASE)
                .parse(sample);
        Graph read = parsed.get(0).content();
        List<org.apache.jena.graph.Triple> missing =
                sample.find().filterDrop(read::contains).toList();
        assertEquals(List.of(), missing, "the CSV carries every statement of the sample");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        for (String foreign : List.of("mhlw-2025", "協議イメージ", "時間外診療の課題について")) {
            assertFalse(text.contains(foreign), "nothing of a worked example: " + foreign);
        }
        assertTrue(parsed.get(0)
                .content()
                .contains(
                        org.apache.jena.graph.NodeFactory.createURI(
                                ImportFixtures.BASE + "id/worksheet/" + ImportTemplates.SAMPLE),
                        jp.kakaritsuke.kb.vocab.KK.area.asNode(),
                        org.apache.jena.graph.NodeFactory.createURI(ImportFixtures.BASE + "id/area/xxx")));

        HttpResponse<byte[]> xlsx = http.send(
                request("/import/template.xlsx", null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertEquals(
                    List.of("worksheets", "instructions", "columns", "values"),
                    List.of(
                            workbook.getSheetName(0),
                            workbook.getSheetName(1),
                            workbook.getSheetName(2),
                            workbook.getSheetName(3)));
            assertEquals(1, workbook.getActiveSheetIndex(), "the instructions are what opens first");
            var instructions = workbook.getSheet("instructions");
            assertTrue(instructions.getRow(2).getCell(0).getStringCellValue().contains("記入見本"));
            assertTrue(instructions.getRow(2).getCell(1).getStringCellValue().contains("fictitious sample"));
            assertNotNull(workbook.getSheetAt(0).getRow(0).getCell(0).getCellComment());
            assertEquals(
                    TabularLayout.Column.values().length,
                    workbook.getSheet("columns").getLastRowNum());
            Set<String> listed = new java.util.TreeSet<>();
            var values = workbook.getSheet("values");
            for (var validation : workbook.getSheetAt(0).getDataValidations()) {
                int column = validation.getRegions().getCellRangeAddresses()[0].getFirstColumn();
                String header = TabularLayout.Column.values()[column].header();
                listed.add(header);
                // The list points at the ids of the values sheet that belong to the column.
                String range = validation.getValidationConstraint().getFormula1();
                var matcher = java.util.regex.Pattern.compile("values!\\$B\\$(\\d+):\\$B\\$(\\d+)")
                        .matcher(range);
                assertTrue(matcher.matches(), range);
                for (int r = Integer.parseInt(matcher.group(1)) - 1; r < Integer.parseInt(matcher.group(2)); r++) {
                    String columns = values.getRow(r).getCell(0).getStringCellValue();
                    assertTrue(List.of(columns.split(", ")).contains(header), header + " ← " + columns);
                }
            }
            assertEquals(
                    new java.util.TreeSet<>(
                            List.of("function", "status", "section", "resources", "actors", "actor", "viewpoints")),
                    listed);
        }
        assertEquals(
                ImportTemplates.SAMPLE,
                importer.read(ImportFormat.XLSX, xlsx.body(), ImportProgress.NONE)
                        .get(0)
                        .slug());

        // A worked example's title copied onto a worksheet of one's own: refused at its cell, nothing written.
        Set<Quad> before = quads();
        byte[] copied = csv("copied-title", "13")
                .replace("時間外診療の課題", "XXX地域におけるかかりつけ医機能の課題について（時間外診療）")
                .getBytes(StandardCharsets.UTF_8);
        for (boolean dryRun : List.of(true, false)) {
            HttpResponse<String> refused = upload("?dryRun=" + dryRun, EDITOR, "copied.csv", copied);
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("copied_example", json(refused).path("error").asString(), refused.body());
            assertFalse(json(refused).path("written").asBoolean(), refused.body());
            assertTrue(wheres(refused).stream().anyMatch(w -> w.contains("line 2, column text_ja")), refused.body());
            assertTrue(messages(refused).stream().anyMatch(m -> m.contains("mhlw-2025-f2-i")), refused.body());
        }
        assertEquals(before, quads(), "nothing written");
        assertEquals(
                200,
                upload("?dryRun=true", EDITOR, "own.csv", csv("own-title", "13").getBytes(StandardCharsets.UTF_8))
                        .statusCode(),
                "an own title passes");
    }

    /**
     * The cause and measure types of a worksheet survive its download in the layout and the import of that file:
     * for every worked example, as CSV and as Excel, the kk:causeType and kk:measureType statements the import reads
     * are those the store holds (by graph isomorphism), and there are some.
     */
    @Test
    void typesRoundTripThroughTheDownloadedLayout() throws Exception {
        for (String slug :
                List.of("mhlw-2025-f1", "mhlw-2025-f2-i", "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni")) {
            Graph stored = types(ImportFixtures.worksheet(store, slug));
            assertTrue(stored.size() >= 4, slug + " has typed causes and measures: " + stored.size());
            for (ImportFormat format : List.of(ImportFormat.CSV, ImportFormat.XLSX)) {
                String extension = format == ImportFormat.CSV ? "csv" : "xlsx";
                HttpResponse<byte[]> file = http.send(
                        request("/doc/worksheet/" + slug + "/download." + extension, null)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, file.statusCode(), slug + "." + extension);
                List<ParsedWorksheet> read = importer.read(format, file.body(), ImportProgress.NONE);
                assertEquals(
                        List.of(slug), read.stream().map(ParsedWorksheet::slug).toList());
                Graph imported = types(read.get(0).content());
                assertTrue(
                        stored.isIsomorphicWith(imported),
                        slug + "." + extension + ": " + stored.size() + " type statements stored, " + imported.size()
                                + " read back");
            }
        }
    }

    /** The kk:causeType and kk:measureType statements of {@code worksheet}. */
    private static Graph types(Graph worksheet) {
        Graph types = GraphFactory.createDefaultGraph();
        for (Node property : List.of(KK.causeType.asNode(), KK.measureType.asNode())) {
            worksheet.find(Node.ANY, property, Node.ANY).forEachRemaining(types::add);
        }
        return types;
    }

    @Test
    void thePagesPreviewThenApplyWithCsrfAndSignIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> anonymousPage =
                send(browser, request("/import", null).GET().build());
        assertEquals(200, anonymousPage.statusCode());
        Document page = Jsoup.parse(anonymousPage.body());
        assertNotNull(page.selectFirst(".import-notice a[href=/login]"));
        String csrf = page.selectFirst("#import-form input[name=_csrf]").val();
        byte[] tokyo = csv("page-tokyo", "13").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> anonymous = post(browser, "/import/preview", "tokyo.csv", tokyo, Map.of("_csrf", csrf));
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login"));

        Document login =
                Jsoup.parse(send(browser, request("/login", null).GET().build()).body());
        String form = "username=editor13&password=dev-editor-2026&_csrf="
                + URLEncoder.encode(login.selectFirst("input[name=_csrf]").val(), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(
                browser,
                request("/login", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        assertEquals(302, signedIn.statusCode());

        page = Jsoup.parse(
                send(browser, request("/import?lang=en", null).GET().build()).body());
        assertTrue(page.select(".import-notice").isEmpty());
        csrf = page.selectFirst("#import-form input[name=_csrf]").val();

        HttpResponse<String> noToken = post(browser, "/import/preview", "tokyo.csv", tokyo, Map.of());
        assertEquals(403, noToken.statusCode(), "the form needs its CSRF token");

        byte[] broken = csv("page-tokyo", "13").replace(",f2-i,", ",f9,").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post(browser, "/import/preview", "tokyo.csv", broken, Map.of("_csrf", csrf));
        assertEquals(400, refused.statusCode());
        Document problems = Jsoup.parse(refused.body());
        assertEquals(
                "line 2, column function",
                problems.selectFirst("#import-problems .import-where").text());

        Set<Quad> before = quads();
        HttpResponse<String> preview =
                post(browser, "/import/preview", "tokyo.csv", tokyo, Map.of("_csrf", csrf, "comment", "from the page"));
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(before, quads(), "the preview writes nothing");
        Document shown = Jsoup.parse(preview.body());
        assertEquals(
                "new",
                shown.selectFirst("tr.import-worksheet[data-slug=page-tokyo]").attr("data-change"));
        assertFalse(shown.select(".import-diff-table tbody tr").isEmpty());
        String token = shown.selectFirst("#import-apply-form input[name=token]").val();
        String applyCsrf =
                shown.selectFirst("#import-apply-form input[name=_csrf]").val();

        HttpResponse<String> applied = send(
                browser,
                request("/import/apply", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + token + "&_csrf=" + URLEncoder.encode(applyCsrf, StandardCharsets.UTF_8)))
                        .build());
        assertEquals(200, applied.statusCode(), applied.body());
        assertNotNull(Jsoup.parse(applied.body()).selectFirst("#import-saved tr[data-slug=page-tokyo]"));
        assertTrue(repository.exists("page-tokyo"));
        assertEquals("from the page", repository.history("page-tokyo").get(0).comment());

        HttpResponse<String> twice = send(
                browser,
                request("/import/apply", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + token + "&_csrf=" + URLEncoder.encode(applyCsrf, StandardCharsets.UTF_8)))
                        .build());
        assertEquals(400, twice.statusCode(), "a confirmed import is not applied twice");
    }

    private HttpResponse<String> post(
            HttpClient client, String path, String filename, byte[] content, Map<String, String> fields)
            throws Exception {
        Multipart multipart = Multipart.of(filename, "text/csv", content, fields);
        return send(
                client,
                request(path, null)
                        .header("Content-Type", multipart.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
                        .build());
    }

    @Test
    void theImportCommandChecksThenWritesInOneGo() throws Exception {
        Path file = Files.createTempFile(tdb2.getParent(), "cli", ".csv");
        Files.writeString(
                file,
                csv("cli-first", "13")
                        + csv("cli-second", "13")
                                .lines()
                                .skip(1)
                                .map(l -> l + "\n")
                                .reduce("", String::concat));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Set<Quad> before = quads();
        int dryRun = command.execute(
                new String[] {"import", "--file", file.toString(), "--dry-run", "--user", "editor13"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, dryRun, err.toString(StandardCharsets.UTF_8));
        assertEquals(before, quads(), "a dry run writes nothing");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cli-second: new"), out.toString());
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("12/12 rows parsed") && progress.contains("2/2 worksheets validated"), progress);

        int written = command.execute(
                new String[] {"import", "--file", file.toString(), "--user", "editor13"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, written);
        assertTrue(repository.exists("cli-first") && repository.exists("cli-second"));

        Path osaka = Files.createTempFile(tdb2.getParent(), "cli", ".csv");
        Files.writeString(osaka, csv("cli-osaka", "27"));
        ByteArrayOutputStream refusal = new ByteArrayOutputStream();
        assertEquals(
                1,
                command.execute(
                        new String[] {"import", "--file", osaka.toString(), "--user", "editor13"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(refusal, true, StandardCharsets.UTF_8)));
        assertTrue(
                refusal.toString(StandardCharsets.UTF_8).contains("line 2: You may not write worksheet cli-osaka"),
                refusal.toString(StandardCharsets.UTF_8));
        assertFalse(repository.exists("cli-osaka"));
        assertEquals(
                2,
                command.execute(
                        new String[] {"import", "--file", osaka.toString(), "--user", "nobody"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(refusal, true, StandardCharsets.UTF_8)));
        assertEquals(
                2,
                command.execute(
                        new String[] {"import", "--dry-run"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(refusal, true, StandardCharsets.UTF_8)));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The response's JSON body. */
    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Where each problem of a refused import is, in the order listed. */
    private static List<String> wheres(HttpResponse<String> response) {
        return problems(response, "where");
    }

    /** The message of each problem of a refused import, in the order listed. */
    private static List<String> messages(HttpResponse<String> response) {
        return problems(response, "message");
    }

    private static List<String> problems(HttpResponse<String> response, String field) {
        return json(response)
                .path("problems")
                .valueStream()
                .map(p -> p.path(field).asString())
                .toList();
    }
}
