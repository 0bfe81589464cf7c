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

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * Reading the knowledge base in a real browser: the worksheet page of the 時間外診療 example (form, logic model,
 * English translation), the way from one of its causes to what other areas did, and every top-level page loading
 * without a console error. The app runs on a random port over the shipped data (seed, areas, demo) in a TDB2 store
 * in a temporary directory; what the browser shows is compared with the same store.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrowsingInBrowserTest {

    private static final String F2I = "mhlw-2025-f2-i";
    private static final String F2HA = "mhlw-2025-f2-ha";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> TOP_LEVEL_PAGES = List.of("/", "/areas", "/functions", "/causes",
            "/resources", "/actors", "/search", "/query", "/catalog", "/def/ontology");

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
    NamedQueryRunner runner;

    @Value("${kb.base-iri}")
    String base;

    StoreFacts facts;

    @BeforeEach
    void japaneseReader() {
        facts = new StoreFacts(store);
        browser.open("/?lang=ja");
    }

    @Test
    void worksheetPageShowsTheFormTheLogicModelAndTheEnglishTranslation() throws IOException {
        Map<String, String> sheet = Map.of("w", worksheet(F2I));
        browser.open("/doc/worksheet/" + F2I);
        browser.visible(By.cssSelector("main#worksheet"));
        for (String box : List.of("box-challenge", "box-cause", "box-target-state", "box-measure", "box-effect")) {
            assertTrue(browser.visible(By.id(box)).isDisplayed(), box);
        }

        List<String> causeTexts = facts.column("SELECT ?t WHERE { ?w kk:hasCause ?c . ?c kk:ordinal ?o ; kk:text ?t } "
                + "ORDER BY ?o", sheet, "t");
        assertEquals(2, causeTexts.size(), "the 時間外診療 example has causes ① and ②");
        assertEquals(causeTexts.size(), browser.all("#box-cause .entry.cause").size());
        for (int n = 1; n <= causeTexts.size(); n++) {
            WebElement cause = browser.visible(By.cssSelector("#cause-" + n + ".cause"));
            assertEquals("【原因" + "①②".charAt(n - 1) + "】", cause.findElement(By.cssSelector(".marker-text")).getText());
            assertEquals(causeTexts.get(n - 1), cause.findElement(By.cssSelector("p.source-text")).getText(),
                    "the cause's source text, verbatim");
        }

        long measures = assertMeasuresWithTheirActions(F2I);

        WebElement model = browser.visible(By.cssSelector("svg#logic-model"));
        assertTrue(model.getSize().getWidth() > 0 && model.getSize().getHeight() > 0, "the logic model is drawn");
        long items = facts.count("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?w kk:hasChallenge|kk:hasCause|"
                + "kk:hasMeasure|kk:hasExpectedEffect|kk:hasTargetState ?i }", sheet);
        List<WebElement> nodes = browser.all("svg#logic-model g.lm-node");
        assertEquals(items, nodes.size(), "one node per item of the form");
        assertEquals(causeTexts.size(), browser.all("svg#logic-model g.lm-node.cause").size());
        assertEquals(measures, browser.all("svg#logic-model g.lm-node.measure").size());
        for (WebElement node : nodes) {
            assertTrue(node.findElement(By.tagName("rect")).isDisplayed(), node.getDomAttribute("id"));
        }
        assertTrue(browser.all("details.translation").stream().noneMatch(d -> d.getDomAttribute("open") != null),
                "Japanese readers see the translations folded");
        browser.screenshot(SCREENSHOTS.resolve("worksheet-" + F2I + "-ja.png"));

        browser.driver().findElement(By.cssSelector(".lang-switch a[lang=en]")).click();
        browser.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        browser.waitForLoad();
        String challengeTranslation = facts.column("SELECT ?t WHERE { ?w kk:hasChallenge ?c . ?c kk:translation ?t }",
                sheet, "t").get(0);
        assertEquals(challengeTranslation,
                browser.visible(By.cssSelector("#challenge p.translation .translation-text")).getText());
        Set<String> shown = new HashSet<>();
        browser.all("p.translation .translation-text").forEach(e -> shown.add(e.getText()));
        List<String> translations = facts.column("SELECT ?t WHERE { ?w kk:hasChallenge|kk:hasCause|kk:hasMeasure|"
                + "kk:hasExpectedEffect|kk:hasTargetState ?i . ?i kk:translation ?t }", sheet, "t");
        assertTrue(shown.containsAll(translations), "every item's English translation is shown");
        assertEquals(causeTexts.get(0), browser.visible(By.cssSelector("#cause-1 p.source-text")).getText(),
                "the Japanese source stays beside the translation");
        Path english = browser.screenshot(SCREENSHOTS.resolve("worksheet-" + F2I + "-en.png"));
        assertTrue(Files.size(english) > 0);
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
        assertEquals(expected, similar.stream().map(li -> li.getDomAttribute("data-measure")).toList(),
                "the page lists what the similar-measures-for-cause query finds, in its order");
        browser.screenshot(SCREENSHOTS.resolve("cause-" + F2I + "-1.png"));

        WebElement synthetic = similar.stream()
                .filter(li -> !li.findElements(By.cssSelector(".badge.synthetic")).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("a synthetic demo area's measure is among them"));
        String area = synthetic.findElement(By.cssSelector(".similar-area")).getText();
        WebElement sheetLink = synthetic.findElements(By.tagName("a")).stream()
                .filter(a -> a.getDomAttribute("href").matches("/doc/worksheet/[^/#]+"))
                .findFirst().orElseThrow(() -> new AssertionError("the measure links to its worksheet"));
        String href = sheetLink.getDomAttribute("href");
        assertFalse(href.endsWith("/" + F2I));
        sheetLink.click();

        browser.until(ExpectedConditions.urlToBe(browser.url(href)));
        browser.waitForLoad();
        WebElement page = browser.visible(By.cssSelector("main#worksheet"));
        assertEquals(href.substring("/doc/worksheet/".length()), page.getDomAttribute("data-slug"));
        browser.visible(By.cssSelector("#synthetic-notice .badge.synthetic"));
        assertEquals(area, browser.visible(By.cssSelector(".ws-area a")).getText(),
                "the worksheet is the other area's one");
    }

    @Test
    void everyTopLevelPageLoadsWithoutConsoleErrors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String path : TOP_LEVEL_PAGES) {
            browser.clearConsole();
            browser.open(path);
            browser.visible(By.cssSelector("header.site-header"));
            WebElement main = browser.visible(By.tagName("main"));
            List<String> messages = new ArrayList<>(browser.consoleErrors().stream().map(e -> e.getMessage()).toList());
            if (main.getDomAttribute("class") != null && main.getDomAttribute("class").contains("error-page")) {
                messages.add("the error page: " + main.getText());
            }
            if (!messages.isEmpty()) {
                errors.put(path, messages);
            }
        }
        assertEquals(Map.of(), errors, "console errors by page");
    }

    @Test
    void measuresShowTheirTickedActions() {
        browser.open("/doc/worksheet/" + F2HA);
        browser.visible(By.cssSelector("main#worksheet"));
        assertMeasuresWithTheirActions(F2HA);
        assertTrue(browser.all("li.action .tick").size() > 0, "the 在宅医療 example ticks actions under a measure");
    }

    /** Checks the measures of the open worksheet page and their ✓ actions against the store; their number. */
    private long assertMeasuresWithTheirActions(String slug) {
        Map<Integer, Long> actionsPerMeasure = new LinkedHashMap<>();
        for (QuerySolution row : facts.rows("SELECT ?o (COUNT(DISTINCT ?a) AS ?n) WHERE { ?w kk:hasMeasure ?m . "
                + "?m kk:ordinal ?o OPTIONAL { ?m kk:hasAction ?a } } GROUP BY ?o ORDER BY ?o",
                Map.of("w", worksheet(slug)))) {
            actionsPerMeasure.put(row.getLiteral("o").getInt(), row.getLiteral("n").getLong());
        }
        assertFalse(actionsPerMeasure.isEmpty(), slug + " has measures");
        assertEquals(actionsPerMeasure.size(), browser.all("#box-measure .entry.measure").size());
        actionsPerMeasure.forEach((n, actions) -> {
            browser.visible(By.cssSelector("#measure-" + n + ".measure p.source-text"));
            List<WebElement> shown = browser.all("#measure-" + n + ".measure li.action");
            assertEquals(actions, shown.size(), "actions of measure " + n);
            for (int k = 1; k <= shown.size(); k++) {
                WebElement action = browser.visible(By.id("measure-" + n + "-action-" + k));
                assertEquals("✓", action.findElement(By.cssSelector(".tick")).getText());
                assertFalse(action.findElement(By.cssSelector("p.source-text")).getText().isBlank());
            }
        });
        return actionsPerMeasure.size();
    }

    private String worksheet(String slug) {
        return base + "id/worksheet/" + slug;
    }
}
