package jp.kakaritsuke.kb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.query.NamedQuery;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.resultset.ResultSetCompare;
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

        browser.driver().findElement(By.cssSelector(".lang-switch a[lang=en]")).click();
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
        browser.visible(By.cssSelector("#cause-1 a.others-link")).click();
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
        sheetLink.click();

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
        browser.visible(By.cssSelector("#facility-filters a[data-function=home-care-support]"))
                .click();
        browser.waitForLoad();
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
        link.click();
        browser.waitForLoad();
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
