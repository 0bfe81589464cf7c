package jp.kakaritsuke.kb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
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

import jp.kakaritsuke.kb.query.NamedQuery;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * The data services in a real browser: running named queries from the query page (the editor, the named query's
 * parameter form, the results table, compared as result sets with the same query run on the store through
 * {@link NamedQueryRunner}), and downloading a Turtle export from the catalogue (saved by Chromium, parsed and
 * compared by isomorphism with the store's graph). The app runs on a random port over the shipped data in a TDB2
 * store in a temporary directory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QueryAndExportInBrowserTest {

    private static final String F2I = "mhlw-2025-f2-i";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String F2I_FUNCTION = "https://w3id.org/kakaritsuke/function/f2-i";

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

    @BeforeEach
    void japaneseReader() {
        browser.open("/?lang=ja");
    }

    @Test
    void aNamedQueryWithAParameterLoadsInTheEditorAndRunsToTheStoresRows() throws IOException {
        NamedQuery named = catalog.get("worksheets-of-function");
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
        assertTrue(expected.size() > 1, "the seed example and demo worksheets are on 時間外診療");
        assertTrue(ResultSetCompare.equalsByTerm(expected, shown),
                "the results table holds the rows the store answers");
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
        assertTrue(ResultSetCompare.equalsByTermAndOrder(expected, shown),
                "the results table holds the store's rows in the query's order");
    }

    @Test
    void aTurtleExportDownloadedFromTheCatalogueIsTheWorksheetsGraph() {
        browser.open("/catalog");
        WebElement form = browser.all("form.catalog-form").stream()
                .filter(f -> !f.findElements(By.cssSelector("input[name=scope][value=worksheet]")).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("the catalogue has a form for one worksheet"));
        new Select(form.findElement(By.name("id"))).selectByValue(F2I);
        new Select(form.findElement(By.name("format"))).selectByValue("ttl");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        Path file = browser.downloaded("kakaritsuke-kb-worksheet-" + F2I + ".ttl");
        Graph downloaded = RDFParser.source(file).lang(Lang.TURTLE).toGraph();
        Graph expected = store.graph(base + "graph/worksheet/" + F2I);
        assertFalse(expected.isEmpty());
        assertTrue(expected.isIsomorphicWith(downloaded),
                "the download is the worksheet's graph: " + expected.size() + " triples expected, "
                        + downloaded.size() + " downloaded");
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
}
