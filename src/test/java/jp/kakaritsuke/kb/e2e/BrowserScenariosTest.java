package jp.kakaritsuke.kb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.query.NamedQuery;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base in a real browser: a headless Chromium (one for the whole class) against the app on a random
 * port, over the shipped data (ontology, seed, areas, demo) in a TDB2 store in a temporary directory. What the
 * browser shows is compared with the same store. Reading worksheets: the 時間外診療 example's form, logic model and
 * English translation, and the way from a cause to what other areas did. Data services: named queries on the query
 * page, a Turtle export downloaded from the catalogue. And every top-level page loads without a console error.
 * Screenshots for people to look at go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrowserScenariosTest {

    private static final String F2I = "mhlw-2025-f2-i";
    private static final String F2HA = "mhlw-2025-f2-ha";
    private static final String F2I_FUNCTION = "https://w3id.org/kakaritsuke/function/f2-i";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> TOP_LEVEL_PAGES = List.of(
            "/",
            "/areas",
            "/functions",
            "/causes",
            "/resources",
            "/actors",
            "/search",
            "/query",
            "/catalog",
            "/def/ontology");

    @TempDir
    static Path work;

    static HeadlessChromium browser;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> work.resolve("tdb2").toString());
        registry.add("kb.data.dir", () -> "data");
        registry.add("kb.data.include-demo", () -> "true");
    }

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) throws IOException {
        browser = HeadlessChromium.start(port, work.resolve("browser"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Autowired
    KnowledgeStore store;

    @Autowired
    NamedQueryCatalog catalog;

    @Autowired
    NamedQueryRunner runner;

    @Value("${kb.base-iri}")
    String base;

    StoreFacts facts;

    @BeforeEach
    void japaneseReader() {
        facts = new StoreFacts(store);
        browser.open("/?lang=ja");
    }

    /**
     * No page is wider than a 390 px phone: the catalogue, a prefecture page, a worksheet page and the cause matrix,
     * with the window at 390 px, scroll no wider than the window.
     */
    @Test
    void pagesFitA390PixelPhone() {
        List<String> paths =
                List.of("/catalog", "/doc/area/pref/13", "/doc/worksheet/" + F2I, "/causes", "/", "/resources");
        Map<String, Long> tooWide = new LinkedHashMap<>();
        org.openqa.selenium.Dimension before =
                browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String path : paths) {
                browser.open(path);
                browser.visible(By.tagName("main"));
                long viewport = ((Number) ((JavascriptExecutor) browser.driver())
                                .executeScript("return document.documentElement.clientWidth"))
                        .longValue();
                long width = ((Number) ((JavascriptExecutor) browser.driver())
                                .executeScript("return document.documentElement.scrollWidth"))
                        .longValue();
                assertTrue(viewport <= 390, "the window is a phone's: " + viewport);
                if (width > 390) {
                    tooWide.put(path, width);
                }
            }
        } finally {
            browser.driver().manage().window().setSize(before);
        }
        assertEquals(Map.of(), tooWide, "pages wider than 390 px (scrollWidth)");
    }

    @Test
    void everyTopLevelPageLoadsWithoutConsoleErrors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String path : TOP_LEVEL_PAGES) {
            browser.clearConsole();
            browser.open(path);
            browser.visible(By.cssSelector("header.site-header"));
            WebElement main = browser.visible(By.tagName("main"));
            List<String> messages = new ArrayList<>(
                    browser.consoleErrors().stream().map(LogEntry::getMessage).toList());
            if (main.getDomAttribute("class") != null
                    && main.getDomAttribute("class").contains("error-page")) {
                messages.add("the error page: " + main.getText());
            }
            if (!messages.isEmpty()) {
                errors.put(path, messages);
            }
        }
        assertEquals(Map.of(), errors, "console errors by page");
    }

    // ---- Reading worksheets: the form, its ✓ actions, from a cause to the measures other areas chose

    @Test
    void worksheetPageShowsTheFormTheLogicModelAndTheEnglishTranslation() throws IOException {
        Map<String, String> sheet = Map.of("w", worksheet(F2I));
        browser.open("/doc/worksheet/" + F2I);
        browser.visible(By.cssSelector("main#worksheet"));
        for (String box : List.of("box-challenge", "box-cause", "box-target-state", "box-measure", "box-effect")) {
            assertTrue(browser.visible(By.id(box)).isDisplayed(), box);
        }

        List<String> causeTexts = facts.column(
                "SELECT ?t WHERE { ?w kk:hasCause ?c . ?c kk:ordinal ?o ; kk:text ?t } ORDER BY ?o", sheet, "t");
        assertEquals(2, causeTexts.size(), "the 時間外診療 example has causes ① and ②");
        assertEquals(causeTexts.size(), browser.all("#box-cause .entry.cause").size());
        for (int n = 1; n <= causeTexts.size(); n++) {
            WebElement cause = browser.visible(By.cssSelector("#cause-" + n + ".cause"));
            assertEquals(
                    "【原因" + "①②".charAt(n - 1) + "】",
                    cause.findElement(By.cssSelector(".marker-text")).getText());
            assertEquals(
                    causeTexts.get(n - 1),
                    cause.findElement(By.cssSelector("p.source-text")).getText(),
                    "the cause's source text, verbatim");
        }

        long measures = assertMeasuresWithTheirActions(F2I);

        WebElement model = browser.visible(By.cssSelector("svg#logic-model"));
        assertTrue(model.getSize().getWidth() > 0 && model.getSize().getHeight() > 0, "the logic model is drawn");
        long items = facts.count(
                "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?w kk:hasChallenge|kk:hasCause|"
                        + "kk:hasMeasure|kk:hasExpectedEffect|kk:hasTargetState ?i }",
                sheet);
        List<WebElement> nodes = browser.all("svg#logic-model g.lm-node");
        assertEquals(items, nodes.size(), "one node per item of the form");
        assertEquals(
                causeTexts.size(),
                browser.all("svg#logic-model g.lm-node.cause").size());
        assertEquals(measures, browser.all("svg#logic-model g.lm-node.measure").size());
        for (WebElement node : nodes) {
            assertTrue(node.findElement(By.tagName("rect")).isDisplayed(), node.getDomAttribute("id"));
        }
        assertTrue(
                browser.all("details.translation").stream().noneMatch(d -> d.getDomAttribute("open") != null),
                "Japanese readers see the translations folded");
        browser.screenshot(SCREENSHOTS.resolve("worksheet-" + F2I + "-ja.png"));

        browser.clickThrough(browser.driver().findElement(By.cssSelector(".lang-switch a[lang=en]")));
        browser.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        browser.waitForLoad();
        String challengeTranslation = facts.column(
                        "SELECT ?t WHERE { ?w kk:hasChallenge ?c . ?c kk:translation ?t }", sheet, "t")
                .get(0);
        assertEquals(
                challengeTranslation,
                browser.visible(By.cssSelector("#challenge p.translation .translation-text"))
                        .getText());
        Set<String> shown = new HashSet<>();
        browser.all("p.translation .translation-text").forEach(e -> shown.add(e.getText()));
        List<String> translations = facts.column(
                "SELECT ?t WHERE { ?w kk:hasChallenge|kk:hasCause|kk:hasMeasure|"
                        + "kk:hasExpectedEffect|kk:hasTargetState ?i . ?i kk:translation ?t }",
                sheet,
                "t");
        assertTrue(shown.containsAll(translations), "every item's English translation is shown");
        assertEquals(
                causeTexts.get(0),
                browser.visible(By.cssSelector("#cause-1 p.source-text")).getText(),
                "the Japanese source stays beside the translation");
        Path english = browser.screenshot(SCREENSHOTS.resolve("worksheet-" + F2I + "-en.png"));
        assertTrue(Files.size(english) > 0);
    }

    @Test
    void measuresShowTheirTickedActions() {
        browser.open("/doc/worksheet/" + F2HA);
        browser.visible(By.cssSelector("main#worksheet"));
        assertMeasuresWithTheirActions(F2HA);
        assertTrue(browser.all("li.action .tick").size() > 0, "the 在宅医療 example ticks actions under a measure");
    }

    @Test
    void aCauseLeadsToTheMeasuresOfOtherAreasAndOnToTheirWorksheet() throws IOException {
        String cause = worksheet(F2I) + "/cause/1";
        List<String> expected = new ArrayList<>();
        runner.select("similar-measures-for-cause", Map.of("cause", cause))
                .forEachRemaining(row -> expected.add(row.getResource("measure").getURI()));
        assertFalse(expected.isEmpty(), "the demo data has measures elsewhere for cause ①");

        browser.open("/doc/worksheet/" + F2I);
        browser.clickThrough(browser.visible(By.cssSelector("#cause-1 a.others-link")));
        browser.until(ExpectedConditions.urlToBe(browser.url("/doc/worksheet/" + F2I + "/cause/1")));
        browser.waitForLoad();
        browser.visible(By.id("similar-measures"));
        List<WebElement> similar = browser.all("#similar-measures li.similar-measure");
        assertEquals(
                expected,
                similar.stream().map(li -> li.getDomAttribute("data-measure")).toList(),
                "the page lists what the similar-measures-for-cause query finds, in its order");
        browser.screenshot(SCREENSHOTS.resolve("cause-" + F2I + "-1.png"));

        WebElement synthetic = similar.stream()
                .filter(li ->
                        !li.findElements(By.cssSelector(".badge.synthetic")).isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("a synthetic demo area's measure is among them"));
        String area = synthetic.findElement(By.cssSelector(".similar-area")).getText();
        WebElement sheetLink = synthetic.findElements(By.tagName("a")).stream()
                .filter(a -> a.getDomAttribute("href").matches("/doc/worksheet/[^/#]+"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the measure links to its worksheet"));
        String href = sheetLink.getDomAttribute("href");
        assertFalse(href.endsWith("/" + F2I));
        browser.clickThrough(sheetLink);

        browser.until(ExpectedConditions.urlToBe(browser.url(href)));
        browser.waitForLoad();
        WebElement page = browser.visible(By.cssSelector("main#worksheet"));
        assertEquals(href.substring("/doc/worksheet/".length()), page.getDomAttribute("data-slug"));
        browser.visible(By.cssSelector("#synthetic-notice .badge.synthetic"));
        // The cause page names the area with its prefecture (「高知県 中央」), the worksheet page by its own name.
        String worksheetArea = browser.visible(By.cssSelector(".ws-area a")).getText();
        assertTrue(
                area.equals(worksheetArea) || area.endsWith(" " + worksheetArea),
                "the worksheet is the other area's one: " + area + " / " + worksheetArea);
    }

    // ---- Regional evidence: the area page's chart, facilities and map; from a measure to the area's institutions

    /**
     * The home page draws the 47 prefectures, each shape with a size on screen; choosing another indicator in the
     * map's form (no script) shades the map by it.
     */
    @Test
    void theHomePageMapsThePrefecturesAndTheReaderPicksTheIndicator() throws IOException {
        browser.open("/");
        WebElement map = browser.visible(By.id("prefecture-map"));
        assertEquals("worksheets", map.getDomAttribute("data-indicator"));
        List<WebElement> shapes = browser.all("#prefecture-map a.prefecture path");
        assertEquals(47, shapes.size());
        for (String code : List.of("01", "13", "47")) {
            WebElement shape = browser.driver()
                    .findElement(By.cssSelector("#prefecture-map a.prefecture[data-code='" + code + "'] path"));
            assertTrue(shape.getRect().getWidth() > 2 && shape.getRect().getHeight() > 2, code + " is drawn");
        }
        browser.screenshot(SCREENSHOTS.resolve("home-prefecture-map.png"));
        new Select(browser.visible(By.cssSelector("#map-indicator select[name=indicator]"))).selectByValue("over65");
        browser.clickThrough(browser.visible(By.cssSelector("#map-indicator button[type=submit]")));
        assertEquals("over65", browser.visible(By.id("prefecture-map")).getDomAttribute("data-indicator"));
        assertTrue(browser.all("#map-legend li.legend-shade").size() >= 2, "the legend gives the shades");
    }

    @Test
    void anAreaPageShowsTheDemandChartTheFacilitiesAndTheMap() throws IOException {
        browser.open("/doc/area/kousou/R7/0101");
        browser.visible(By.id("area-evidence"));
        assertEquals(6, browser.all("#demand-chart g.bar rect").size(), "one bar per fiscal year 2024–2050");
        assertTrue(browser.visible(By.id("demand-rank")).getText().contains("339"));
        int rows = browser.all("#facility-table tr.facility").size();
        assertTrue(rows > 0, "the zone lists its institutions");
        assertTrue(browser.all("#facility-map circle.facility-point").size() > 0, "and draws the located ones");
        browser.screenshot(SCREENSHOTS.resolve("area-kousou-r7-0101.png"));
        browser.clickThrough(browser.visible(By.cssSelector("#facility-filters a[data-function=home-care-support]")));
        List<WebElement> filtered = browser.all("#facility-table tr.facility td.functions");
        assertTrue(filtered.size() > 0 && filtered.size() < rows, "the filter narrows the list");
        filtered.forEach(td -> assertTrue(td.getText().contains("在宅療養支援"), td.getText()));
    }

    @Test
    void anAdmissionDischargeWorksheetOfARealAreaLeadsFromMeasureOneToTheAreasHomeCareSupportInstitutions() {
        String slug = facts.rows(
                        "SELECT ?w WHERE { ?w a kk:Worksheet ; kk:function <https://w3id.org/kakaritsuke/function/f2-ro> ;"
                                + " kk:area ?z ; kk:hasMeasure ?m . ?z a kk:VisionZone . ?m kk:ordinal ?o FILTER (?o = 1) . ?m"
                                + " kk:usesResource <https://w3id.org/kakaritsuke/resource/backup-beds> } ORDER BY ?w LIMIT 1",
                        Map.of())
                .get(0)
                .getResource("w")
                .getURI();
        slug = slug.substring(slug.lastIndexOf('/') + 1);
        browser.open("/doc/worksheet/" + slug);
        browser.visible(By.id("evidence-panel"));
        WebElement link = browser.visible(By.cssSelector(
                ".measure[data-ordinal='1'] a.measure-evidence-link[href*='function=home-care-support']"));
        browser.clickThrough(link);
        browser.visible(By.id("area-facilities"));
        List<WebElement> functions = browser.all("#facility-table tr.facility td.functions");
        assertTrue(functions.size() > 0, "the area has 在宅療養支援 institutions");
        functions.forEach(td -> assertTrue(td.getText().contains("在宅療養支援"), td.getText()));
    }

    /** Checks the measures of the open worksheet page and their ✓ actions against the store; their number. */
    private long assertMeasuresWithTheirActions(String slug) {
        Map<Integer, Long> actionsPerMeasure = new LinkedHashMap<>();
        for (QuerySolution row : facts.rows(
                "SELECT ?o (COUNT(DISTINCT ?a) AS ?n) WHERE { ?w kk:hasMeasure ?m . "
                        + "?m kk:ordinal ?o OPTIONAL { ?m kk:hasAction ?a } } GROUP BY ?o ORDER BY ?o",
                Map.of("w", worksheet(slug)))) {
            actionsPerMeasure.put(
                    row.getLiteral("o").getInt(), row.getLiteral("n").getLong());
        }
        assertFalse(actionsPerMeasure.isEmpty(), slug + " has measures");
        assertEquals(
                actionsPerMeasure.size(),
                browser.all("#box-measure .entry.measure").size());
        actionsPerMeasure.forEach((n, actions) -> {
            browser.visible(By.cssSelector("#measure-" + n + ".measure p.source-text"));
            List<WebElement> shown = browser.all("#measure-" + n + ".measure li.action");
            assertEquals(actions, shown.size(), "actions of measure " + n);
            for (int k = 1; k <= shown.size(); k++) {
                WebElement action = browser.visible(By.id("measure-" + n + "-action-" + k));
                assertEquals("✓", action.findElement(By.cssSelector(".tick")).getText());
                assertFalse(action.findElement(By.cssSelector("p.source-text"))
                        .getText()
                        .isBlank());
            }
        });
        return actionsPerMeasure.size();
    }

    // ---- Data services: the query page and the catalogue's downloads

    @Test
    void aNamedQueryWithAParameterLoadsInTheEditorAndRunsToTheStoresRows() throws IOException {
        NamedQuery named = catalog.get("cause-measure-pairs-by-function");
        browser.open("/query");
        browser.visible(By.cssSelector("#query-examples li.query-example[data-name='" + named.name() + "'] a"))
                .click();
        browser.visible(By.id("named-query-form"));
        assertEquals(named.query(), QueryFactory.create(editorText()), "the named query is in the editor");
        assertTrue(browser.visible(By.cssSelector(".CodeMirror")).isDisplayed(), "the SPARQL editor is on");

        WebElement function = browser.visible(By.id("param-function"));
        function.clear();
        function.sendKeys(F2I_FUNCTION);
        browser.driver().findElement(By.id("run-named-query")).click();

        ResultSet shown = resultsTable(named.query());
        ResultSetRewindable expected = runner.select(named.name(), Map.of("function", F2I_FUNCTION));
        browser.screenshot(SCREENSHOTS.resolve("query-" + named.name() + ".png"));
        assertTrue(expected.size() > 1, "the seed example and demo worksheets on 時間外診療 pair causes with measures");
        assertTrue(
                ResultSetCompare.equalsByTerm(expected, shown), "the results table holds the rows the store answers");
    }

    @Test
    void aNamedQueryRunFromTheEditorShowsTheStoresRows() {
        NamedQuery named = catalog.get("worksheet-list");
        browser.open("/query");
        browser.visible(By.cssSelector("#query-examples li.query-example[data-name='" + named.name() + "'] a"))
                .click();
        browser.visible(By.id("named-query-form"));
        assertEquals(named.query(), QueryFactory.create(editorText()), "the named query is in the editor");

        WebElement before = browser.visible(By.id("results-table"));
        browser.driver().findElement(By.id("run-query")).click();
        browser.until(ExpectedConditions.stalenessOf(before));
        browser.waitForLoad();
        assertTrue(browser.driver().getCurrentUrl().contains("query="), "the editor's text was run");

        ResultSet shown = resultsTable(named.query());
        ResultSetRewindable expected = runner.select(named.name(), Map.of());
        assertTrue(
                ResultSetCompare.equalsByTermAndOrder(expected, shown),
                "the results table holds the store's rows in the query's order");
    }

    @Test
    void aTurtleExportDownloadedFromTheCatalogueIsTheWorksheetsGraph() {
        browser.open("/catalog");
        WebElement form = browser.all("form.catalog-form").stream()
                .filter(f -> !f.findElements(By.cssSelector("input[name=scope][value=worksheet]"))
                        .isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the catalogue has a form for one worksheet"));
        form.findElement(By.name("id")).sendKeys(F2I);
        new Select(form.findElement(By.name("format"))).selectByValue("ttl");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        Path file = browser.downloaded("kakaritsuke-kb-worksheet-" + F2I + ".ttl");
        Graph downloaded = RDFParser.source(file).lang(Lang.TURTLE).toGraph();
        Graph expected = store.graph(base + "graph/worksheet/" + F2I);
        assertFalse(expected.isEmpty());
        assertTrue(
                expected.isIsomorphicWith(downloaded),
                "the download is the worksheet's graph: " + expected.size() + " triples expected, " + downloaded.size()
                        + " downloaded");
    }

    // ---- Side by side: two areas on one function, one area across fiscal years; from the worksheet page and the
    // matrix

    @Test
    void twoAreasOnOneFunctionSideBySideFromTheWorksheetPage() throws IOException {
        String own = "demo-2026-kousou-r7-0901-f2-i";
        String other = "demo-2026-kousou-r7-3103-f2-i";
        // The areas offered are those of one prefecture at a time (the worksheet's own first), and the guideline's
        // example whatever its area.
        String candidatesIn = "SELECT ?w WHERE { ?own kk:function ?f ; kk:fiscalYear ?y ; kk:area ?a ."
                + " ?w a kk:Worksheet ; kk:function ?f ; kk:area ?b ; kk:fiscalYear ?wy ."
                + " FILTER (?b != ?a && ((?wy = ?y && EXISTS { ?b kk:inPrefecture ?p }) || EXISTS { ?w kk:status"
                + " <https://w3id.org/kakaritsuke/status/example> })) }";
        browser.open("/doc/worksheet/" + own);
        for (String prefecture : List.of("09", "31")) {
            if (!prefecture.equals("09")) {
                new Select(browser.visible(By.id("compare-prefecture-select"))).selectByValue(prefecture);
                browser.clickThrough(browser.visible(By.cssSelector("#compare-prefecture button[type=submit]")));
                browser.until(ExpectedConditions.urlContains("prefecture=" + prefecture));
                browser.waitForLoad();
            }
            List<String> candidates = facts.column(
                    candidatesIn, Map.of("own", worksheet(own), "p", base + "id/area/pref/" + prefecture), "w");
            Select areas = new Select(browser.visible(By.id("compare-area-select")));
            assertEquals(
                    new HashSet<>(
                            candidates.stream().map(BrowserScenariosTest::slug).toList()),
                    new HashSet<>(areas.getOptions().stream()
                            .map(o -> o.getDomAttribute("value"))
                            .toList()),
                    "the other areas of prefecture " + prefecture
                            + " on the function in the same year, and the example");
        }
        new Select(browser.visible(By.id("compare-area-select"))).selectByValue(other);
        browser.clickThrough(browser.visible(By.cssSelector("#compare-areas button[type=submit]")));
        browser.until(ExpectedConditions.urlToBe(browser.url("/compare?w=" + own + "&w=" + other)));
        browser.waitForLoad();
        checkComparison(List.of(own, other));
        assertEquals("true", row("area").getDomAttribute("data-differs"));
        assertEquals("false", row("function").getDomAttribute("data-differs"));
        assertEquals("false", row("fiscalYear").getDomAttribute("data-differs"));
        List<String> areaCells = row("area").findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(List.of("栃木県 県北", "鳥取県 西部"), areaCells, "areas named with their prefecture");
        browser.screenshot(SCREENSHOTS.resolve("compare-two-areas.png"));

        // On paper: the comparison without the share box, every column kept.
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(browser.driver()
                    .findElement(By.cssSelector(".compare-share"))
                    .isDisplayed());
            assertFalse(browser.driver()
                    .findElement(By.cssSelector("header.site-header"))
                    .isDisplayed());
            assertTrue(browser.driver().findElement(By.id("comparison")).isDisplayed());
            assertEquals(2, browser.all("#comparison th.compare-column").size());
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        // The address shown for sharing opens the same comparison.
        String shared = browser.visible(By.id("compare-url")).getDomProperty("value");
        assertEquals(browser.url("/compare?w=" + own + "&w=" + other), shared);
        browser.driver().get(shared);
        browser.waitForLoad();
        checkComparison(List.of(own, other));
    }

    @Test
    void oneAreaAcrossFiscalYearsSideBySideInBothLanguages() throws IOException {
        String current = "demo-2026-kousou-r7-1313-f1";
        String earlier = "fixture-2025-kousou-r7-1313-f1";
        DatasetGraph fixture = DatasetGraphFactory.create();
        RDFParser.source(Path.of("src/test/resources/e2e/earlier-fiscal-year.trig"))
                .base(base)
                .lang(Lang.TRIG)
                .parse(fixture);
        store.replaceGraphs(fixture);
        try {
            browser.open("/doc/worksheet/" + current);
            browser.clickThrough(
                    browser.visible(By.cssSelector("#compare-with a.compare-year[data-slug='" + earlier + "']")));
            browser.until(ExpectedConditions.urlToBe(browser.url("/compare?w=" + current + "&w=" + earlier)));
            browser.waitForLoad();
            checkComparison(List.of(current, earlier));
            assertEquals("true", row("fiscalYear").getDomAttribute("data-differs"));
            assertEquals("false", row("area").getDomAttribute("data-differs"));
            assertEquals("true", row("status").getDomAttribute("data-differs"));
            WebElement challenge = browser.visible(By.cssSelector("tbody[data-section=challenge] tr.compare-row"));
            assertEquals("false", challenge.getDomAttribute("data-differs"), "the same challenge both years");
            assertFalse(challenge.findElements(By.cssSelector(".badge.same")).isEmpty());
            WebElement target = browser.visible(By.cssSelector("tbody[data-section=targetState] tr.compare-row"));
            assertEquals("true", target.getDomAttribute("data-partial"), "2025 has no target state");
            assertEquals(
                    1,
                    target.findElements(By.cssSelector("td.compare-cell.empty")).size());
            WebElement collaboration =
                    typeRow("cause", "https://w3id.org/kakaritsuke/cause-type/collaboration-lacking");
            assertEquals("true", collaboration.getDomAttribute("data-differs"), "worded otherwise");
            assertEquals("false", collaboration.getDomAttribute("data-partial"), "but both years have the type");
            assertFalse(
                    collaboration.findElements(By.cssSelector(".badge.differs")).isEmpty());
            WebElement training = typeRow("measure", "https://w3id.org/kakaritsuke/measure-type/training");
            assertEquals("false", training.getDomAttribute("data-differs"));
            browser.screenshot(SCREENSHOTS.resolve("compare-fiscal-years.png"));

            // The header's language switch keeps the comparison.
            browser.clickThrough(browser.visible(By.cssSelector("header .lang-switch a[lang=en]")));
            browser.until(
                    ExpectedConditions.urlToBe(browser.url("/compare?w=" + current + "&w=" + earlier + "&lang=en")));
            browser.waitForLoad();
            assertEquals(
                    "Comparison of 2 worksheets",
                    browser.visible(By.cssSelector("#comparison caption")).getText());
            assertEquals(
                    "Fiscal year",
                    row("fiscalYear").findElement(By.cssSelector("th span")).getText());
            assertTrue(
                    typeRow("cause", "https://w3id.org/kakaritsuke/cause-type/provider-shortage")
                            .getText()
                            .contains("The islands lack doctors for everyday care."),
                    "the English reader sees the translation beside the source wording");
            checkComparison(List.of(current, earlier));
        } finally {
            store.deleteGraph(base + "graph/worksheet/" + earlier);
        }
    }

    @Test
    void theWorksheetsOfAMatrixCellCanBeComparedAndWrongChoicesAreRefused() throws Exception {
        browser.open("/causes?function=f2-i&year=2026");
        String cell = browser.all("a.cell-count").get(0).getDomAttribute("href");
        browser.open(cell);
        List<WebElement> boxes = browser.all("#compare-form input[name=w]");
        assertTrue(boxes.size() >= 2, "the cell has at least two worksheets: " + cell);
        List<String> chosen =
                List.of(boxes.get(0).getDomAttribute("value"), boxes.get(1).getDomAttribute("value"));
        boxes.get(0).click();
        boxes.get(1).click();
        browser.clickThrough(browser.visible(By.cssSelector("#compare-form button[type=submit]")));
        browser.until(ExpectedConditions.urlContains("/compare?"));
        browser.waitForLoad();
        checkComparison(chosen);

        for (String query : List.of("w=" + chosen.get(0), "w=a&w=b&w=c&w=d&w=e")) {
            Document page = http("/compare?" + query, 400);
            assertTrue(page.selectFirst("#compare-error").text().contains("2〜4"), query);
        }
        Document unknown = http("/compare?w=" + chosen.get(0) + "&w=no-such-worksheet", 404);
        assertTrue(unknown.selectFirst("#compare-error").text().contains("no-such-worksheet"));
        Document markup = http("/compare?w=" + chosen.get(0) + "&w=%3Cb%3Ex", 400);
        assertTrue(markup.select("#compare-error b").isEmpty(), "the slug is shown as text");
        assertTrue(markup.selectFirst("#compare-error").text().contains("<b>x"));
    }

    /**
     * The comparison page shows {@code slugs} as its columns, in order, with the synthetic ones badged, and one row
     * per cause type and per measure type that any of them uses — a row marked partial exactly when some of them have
     * no entry of that type.
     */
    private void checkComparison(List<String> slugs) {
        List<WebElement> columns = browser.all("#comparison th.compare-column");
        assertEquals(
                slugs, columns.stream().map(c -> c.getDomAttribute("data-slug")).toList());
        for (int i = 0; i < slugs.size(); i++) {
            boolean synthetic = facts.count(
                            "SELECT (COUNT(*) AS ?n) WHERE { ?w kk:synthetic true }",
                            Map.of("w", worksheet(slugs.get(i))))
                    > 0;
            assertEquals(
                    synthetic,
                    !columns.get(i)
                            .findElements(By.cssSelector(".badge.synthetic"))
                            .isEmpty(),
                    slugs.get(i) + " is badged synthetic exactly when it is");
        }
        for (String[] kind :
                new String[][] {{"cause", "kk:hasCause", "kk:causeType"}, {"measure", "kk:hasMeasure", "kk:measureType"}
                }) {
            Map<String, Set<String>> typesBySheet = new LinkedHashMap<>();
            for (String slug : slugs) {
                typesBySheet.put(
                        slug,
                        new HashSet<>(facts.column(
                                "SELECT DISTINCT ?t WHERE { ?w " + kind[1] + " ?i . ?i " + kind[2] + " ?t }",
                                Map.of("w", worksheet(slug)),
                                "t")));
            }
            Set<String> all = new HashSet<>();
            typesBySheet.values().forEach(all::addAll);
            List<WebElement> rows =
                    browser.all("tbody[data-section=" + kind[0] + "] tr.compare-row[data-type]").stream()
                            .filter(r -> !r.getDomAttribute("data-type").isEmpty())
                            .toList();
            assertEquals(
                    all,
                    new HashSet<>(rows.stream()
                            .map(r -> r.getDomAttribute("data-type"))
                            .toList()),
                    kind[0] + " types");
            for (WebElement r : rows) {
                String type = r.getDomAttribute("data-type");
                boolean partial = typesBySheet.values().stream().anyMatch(t -> !t.contains(type));
                assertEquals(String.valueOf(partial), r.getDomAttribute("data-partial"), type);
            }
        }
    }

    private WebElement row(String key) {
        return browser.visible(By.cssSelector("#comparison tr[data-row=" + key + "]"));
    }

    private WebElement typeRow(String section, String type) {
        return browser.visible(By.cssSelector("tbody[data-section=" + section + "] tr[data-type='" + type + "']"));
    }

    // ---- Search over HTTP: ranking, paging and filters on the shipped data

    @Test
    void searchRanksSettledWorksheetsFirstForEqualRelevance() throws Exception {
        List<Element> groups = allGroups("/search?q=" + encode("輪番"));
        assertTrue(groups.size() > 2, "the worked example and demo worksheets mention 輪番");
        boolean tieAcrossRanks = false;
        for (int i = 1; i < groups.size(); i++) {
            BigDecimal before = new BigDecimal(groups.get(i - 1).attr("data-relevance"));
            BigDecimal after = new BigDecimal(groups.get(i).attr("data-relevance"));
            int c = before.compareTo(after);
            assertTrue(c >= 0, "most relevant first: " + before + " then " + after);
            if (c == 0) {
                assertTrue(
                        rank(groups.get(i - 1)) <= rank(groups.get(i)),
                        "equal relevance: examples and agreed before drafts and synthetic ones: "
                                + groups.get(i - 1).attr("data-worksheet") + ", "
                                + groups.get(i).attr("data-worksheet"));
                tieAcrossRanks |= rank(groups.get(i - 1)) < rank(groups.get(i));
            }
        }
        assertTrue(tieAcrossRanks, "the data holds texts of equal relevance on worksheets of different rank");
        assertEquals(worksheet(F2I), groups.get(0).attr("data-worksheet"), "the worked example first");
    }

    @Test
    void searchPagesAndKeepsItsFiltersInTheLinks() throws Exception {
        String q = "/search?q=" + encode("医療機関");
        Document first = http(q, 200);
        int total = Integer.parseInt(first.selectFirst(".search-pager").attr("data-total"));
        assertTrue(total > 20, "more worksheets than a page holds: " + total);
        assertEquals(20, first.select("section.search-group[data-worksheet]").size());
        List<Element> all = allGroups(q);
        assertEquals(total, all.size());
        assertEquals(
                total,
                new HashSet<>(all.stream().map(e -> e.attr("data-worksheet")).toList()).size(),
                "no worksheet on two pages");

        // Filters narrow the same result and stay in the page links.
        Document agreed = http(q + "&status=agreed&prefecture=09", 200);
        assertEquals(
                "agreed", agreed.selectFirst("#search-status option[selected]").val());
        assertEquals(
                "09", agreed.selectFirst("#search-prefecture option[selected]").val());
        Set<String> inTochigi = new HashSet<>(facts.column(
                "SELECT ?w WHERE { ?w a kk:Worksheet ; kk:status <https://w3id.org/kakaritsuke/status/agreed> ;"
                        + " kk:area/(kk:partOf|kk:inPrefecture)* ?p . ?p kk:prefectureCode \"09\" }",
                Map.of(),
                "w"));
        Set<String> expected =
                new HashSet<>(all.stream().map(e -> e.attr("data-worksheet")).toList());
        expected.retainAll(inTochigi);
        assertFalse(expected.isEmpty());
        assertEquals(
                expected, new HashSet<>(agreed.select("section.search-group").eachAttr("data-worksheet")));
        agreed.select(".search-area").forEach(a -> assertTrue(a.text().startsWith("栃木県 "), a.text()));

        List<Element> real = allGroups(q + "&hideSynthetic=true");
        Set<String> nonSynthetic = new HashSet<>(all.stream()
                .filter(e -> "false".equals(e.attr("data-synthetic")))
                .map(e -> e.attr("data-worksheet"))
                .toList());
        assertFalse(nonSynthetic.isEmpty());
        assertEquals(
                nonSynthetic,
                new HashSet<>(real.stream().map(e -> e.attr("data-worksheet")).toList()));

        Document draftsPage2 = http(q + "&status=draft&page=2", 200);
        assertTrue(draftsPage2.select("section.search-group").stream()
                .allMatch(g -> "draft".equals(g.attr("data-status"))));
        String previous =
                draftsPage2.selectFirst(".search-pager a.pager-previous").attr("href");
        assertTrue(previous.contains("status=draft") && previous.contains("q="), previous);
        assertTrue(
                first.selectFirst("#search-area option[value='" + base + "id/area/kousou/R7/1313']")
                        .text()
                        .equals("東京都 島しょ"),
                "areas are named with their prefecture in the filter");

        for (String bad : List.of("&prefecture=99", "&status=signed", "&page=0")) {
            Document refused = http(q + bad, 400);
            assertFalse(refused.select("#search-error").isEmpty(), bad);
        }
    }

    /** Every result group of a search, following the pages' "next" links. */
    private List<Element> allGroups(String path) throws Exception {
        List<Element> groups = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null && pages < 50; pages++) {
            Document page = http(next, 200);
            groups.addAll(page.select("section.search-group[data-worksheet]"));
            Element link = page.selectFirst(".search-pager a.pager-next");
            next = link == null ? null : link.attr("href");
        }
        return groups;
    }

    private static int rank(Element group) {
        boolean settled = Set.of("example", "agreed").contains(group.attr("data-status"));
        return ("true".equals(group.attr("data-synthetic")) ? 2 : 0) + (settled ? 0 : 1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** GETs {@code path} of the app as HTML, checks the status and parses the page. */
    private Document http(String path, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(browser.url(path)))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path);
        return Jsoup.parse(response.body());
    }

    private static String slug(String worksheetIri) {
        return worksheetIri.substring(worksheetIri.lastIndexOf('/') + 1);
    }

    // ---- Writing: the editor proposes types and similar causes of other areas while an author writes a cause

    /**
     * Tokyo's editor starts a 在宅医療 worksheet from the worked example, adds a cause and types it in the words of
     * their own area: the editor proposes its type (担い手の不足, the type of the demo areas' causes worded alike) and
     * lists the most similar causes of other areas — exactly what {@code /suggestions} answers, the Lucene
     * MoreLikeThis ranking — one click chooses the type, and the saved worksheet carries it.
     */
    @Test
    void theAreaPickerFindsAMunicipalityByNameAndChoosesItInTheNewWorksheetForm() {
        browser.open("/login");
        if (!browser.driver().findElements(By.id("username")).isEmpty()) {
            browser.visible(By.id("username")).sendKeys("editor13");
            browser.driver().findElement(By.id("password")).sendKeys("dev-editor-2026");
            browser.clickThrough(browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
            browser.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        }
        browser.open("/worksheets/new");
        browser.visible(By.id("area-picker-input")).sendKeys("八王子");
        WebElement choice =
                browser.until(d -> d.findElements(By.cssSelector("#area-picker-results a.area-picker-choice")).stream()
                        .filter(a -> a.getText().equals("八王子市"))
                        .findFirst()
                        .orElse(null));
        choice.click();
        browser.until(ExpectedConditions.urlContains("area="));
        assertEquals(
                base + "id/area/muni/13201",
                new Select(browser.visible(By.id("area")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"));
    }

    @Test
    void typingACauseProposesItsTypeAndSimilarCausesOfOtherAreasAndTheAcceptedTypeIsSaved() throws Exception {
        String text = "訪問診療に対応できる診療所が地域に少ない。";
        String expectedType = "provider-shortage";
        try {
            browser.open("/login");
            browser.visible(By.id("username")).sendKeys("editor13");
            browser.driver().findElement(By.id("password")).sendKeys("dev-editor-2026");
            browser.clickThrough(browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
            browser.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            browser.open("/worksheets/new");
            new Select(browser.visible(By.id("area"))).selectByValue(base + "id/area/pref/13");
            new Select(browser.driver().findElement(By.id("function")))
                    .selectByValue("https://w3id.org/kakaritsuke/function/f2-ha");
            WebElement year = browser.driver().findElement(By.id("fiscal-year"));
            year.clear();
            // The demo data's latest year: a new year would change the default year of the other pages.
            year.sendKeys("2026");
            browser.driver().findElement(By.id("start-" + F2HA)).click();
            browser.clickThrough(browser.driver().findElement(By.id("create")));
            browser.visible(By.id("save-notice"));
            Matcher slugMatch = Pattern.compile("/doc/worksheet/([a-z0-9-]+)/edit")
                    .matcher(browser.driver().getCurrentUrl());
            assertTrue(slugMatch.find(), browser.driver().getCurrentUrl());
            String slug = slugMatch.group(1);

            browser.clickThrough(browser.driver().findElement(By.id("add-cause")));
            int n = browser.all(".edit-item.cause").size();
            browser.visible(By.id("cause-" + n + "-text")).sendKeys(text);
            WebElement panel = browser.visible(By.id("cause-" + n + "-suggestions"));
            browser.until(
                    d -> !panel.findElements(By.cssSelector(".similar-item")).isEmpty());

            Map<String, Object> answer = suggestions(text, slug);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> types = (List<Map<String, Object>>) answer.get("types");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> similar = (List<Map<String, Object>>) answer.get("similar");
            assertEquals(
                    types.stream().map(t -> t.get("id")).toList(),
                    panel.findElements(By.cssSelector("button.suggested-type")).stream()
                            .map(b -> b.getDomAttribute("data-type"))
                            .toList(),
                    "the proposed types are the endpoint's, in its order");
            assertEquals(expectedType, types.get(0).get("id"), "the demo areas word this cause alike");
            List<String> shown = panel.findElements(By.cssSelector(".similar-item a")).stream()
                    .map(a -> a.getDomAttribute("href"))
                    .toList();
            assertEquals(similar.stream().map(s -> s.get("href")).toList(), shown, "the similar causes, in order");
            assertFalse(shown.isEmpty());
            for (Map<String, Object> item : similar) {
                assertTrue(
                        ((String) item.get("href")).matches("/doc/worksheet/[a-z0-9-]+/cause/\\d+"), item.toString());
                assertFalse(((String) item.get("worksheet")).endsWith("/" + slug), "another worksheet: " + item);
                assertEquals("https://w3id.org/kakaritsuke/function/f2-ha", item.get("function"));
            }
            assertTrue(
                    similar.stream().anyMatch(item -> !((String) item.get("area")).startsWith("東京都")),
                    "causes of other areas: " + similar);

            WebElement box = browser.driver().findElement(By.id("cause-" + n + "-type-" + expectedType));
            assertFalse(box.isSelected());
            panel.findElement(By.cssSelector("button.suggested-type[data-type='" + expectedType + "']"))
                    .click();
            assertTrue(box.isSelected(), "one click chose the type");
            browser.driver().findElement(By.id("measure-1-addresses-" + n)).click();
            browser.driver().findElement(By.id("comment")).sendKeys("原因を追加");
            browser.clickThrough(browser.driver().findElement(By.id("save")));
            browser.visible(By.id("save-notice"));

            Query typesOfCause = QueryFactory.create("SELECT ?type WHERE { GRAPH <" + base + "graph/worksheet/" + slug
                    + "> { <" + worksheet(slug) + "/cause/" + n
                    + "> <https://w3id.org/kakaritsuke/ontology#causeType> ?type } }");
            List<String> saved = new ArrayList<>();
            store.select(typesOfCause, new QuerySolutionMap(), Duration.ofSeconds(10))
                    .forEachRemaining(row -> saved.add(row.getResource("type").getURI()));
            assertEquals(
                    List.of("https://w3id.org/kakaritsuke/cause-type/" + expectedType),
                    saved,
                    "the saved cause has the chosen type, as the import writes it (kk:causeType)");

            browser.open("/doc/worksheet/" + slug + "/edit");
            assertTrue(
                    browser.visible(By.id("cause-" + n + "-type-" + expectedType))
                            .isSelected(),
                    "the editor shows the saved type again");
        } finally {
            browser.driver().manage().deleteAllCookies();
        }
    }

    /** What {@code GET /suggestions} answers for a cause of 在宅医療 worded {@code text}, written on {@code slug}. */
    private static Map<String, Object> suggestions(String text, String slug) throws IOException, InterruptedException {
        String url = browser.url("/suggestions?kind=cause&function=f2-ha&worksheet=" + slug + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "application/json")
                                .header("Accept-Language", "ja")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonMapper.builder().build().readValue(response.body(), new TypeReference<Map<String, Object>>() {});
    }

    /** The query in the page's editor (CodeMirror's value once it has taken over the text area). */
    private String editorText() {
        return (String) browser.until(d -> ((JavascriptExecutor) d)
                .executeScript("return window.sparqlEditor ? window.sparqlEditor.getValue() : null"));
    }

    private ResultSet resultsTable(Query query) {
        WebElement table = browser.visible(By.id("results-table"));
        assertTrue(browser.all("#result-capped").isEmpty(), "the rows fit under the page's cap");
        return ResultTable.parse(table.getDomProperty("outerHTML"), query);
    }

    private String worksheet(String slug) {
        return base + "id/worksheet/" + slug;
    }
}
