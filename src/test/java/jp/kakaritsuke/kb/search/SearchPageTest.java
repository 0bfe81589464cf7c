package jp.kakaritsuke.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The search page on the whole application with the seed data and a fixture worksheet holding markup. */
@SpringBootTest
@AutoConfigureMockMvc
class SearchPageTest {

    private static final String BASE = "http://localhost:8080/";
    private static final String WS = BASE + "id/worksheet/";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("search-page-test");
        registry.add("kb.store.tdb2.location", () -> dir.resolve("tdb2").toString());
        registry.add("kb.data.include-demo", () -> "false");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    @BeforeEach
    void fixture() {
        DatasetGraph fixture = DatasetGraphFactory.create();
        RDFParser.source(Path.of("src/test/resources/search/markup-in-text.trig"))
                .base(BASE)
                .lang(Lang.TRIG)
                .parse(fixture);
        store.replaceGraphs(fixture);
    }

    private Document page(String uri, int status) throws Exception {
        MvcResult result = mvc.perform(get(uri).accept("text/html")).andReturn();
        assertEquals(
                status, result.getResponse().getStatus(), result.getResponse().getContentAsString());
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private static Set<String> worksheets(Document doc) {
        return doc.select("section.search-group[data-worksheet]").stream()
                .map(e -> e.attr("data-worksheet"))
                .collect(Collectors.toSet());
    }

    @Test
    void resultsAreGroupedByWorksheetAndLinkToTheItems() throws Exception {
        Document doc = page("/search?q=輪番", 200);
        assertEquals(Set.of(WS + "mhlw-2025-f2-i"), worksheets(doc));
        Element group = doc.selectFirst("section.search-group[data-worksheet]");
        assertEquals("/doc/worksheet/mhlw-2025-f2-i", group.selectFirst("h2 a").attr("href"));
        assertEquals("時間外診療", group.selectFirst(".search-function").text());
        Element measure = group.selectFirst("li[data-item=" + WS + "mhlw-2025-f2-i/measure/1]");
        assertEquals(
                "/doc/worksheet/mhlw-2025-f2-i#measure-1",
                measure.selectFirst("a.search-item-link").attr("href"));
        assertEquals("方策", measure.selectFirst(".search-section").text());
        assertEquals(
                WS + "mhlw-2025-f2-i/measure/1",
                measure.selectFirst("a.search-iri").attr("href"));
        assertEquals(List.of("輪番"), measure.select("mark").eachText());
        assertTrue(measure.selectFirst(".search-text").text().startsWith("時間外診療を行うための連携体制"));
        assertEquals(
                "/doc/worksheet/mhlw-2025-f2-i#measure-1",
                group.selectFirst("li[data-item$=/measure/1/role/2] a.search-item-link")
                        .attr("href"));
        assertTrue(group.select(".badge.synthetic").isEmpty());
        // The vocabulary's 輪番制 and the measure type 輪番・当番体制の構築 are listed outside the worksheets.
        assertEquals(
                Set.of(
                        "https://w3id.org/kakaritsuke/resource/rotation-system",
                        "https://w3id.org/kakaritsuke/measure-type/rotation-system"),
                Set.copyOf(doc.select("#search-others li").eachAttr("data-item")));
    }

    @Test
    void englishPageShowsEnglishLabelsAndFindsTranslations() throws Exception {
        Document doc = page("/search?q=pharmacies&lang=en", 200);
        Element group = doc.selectFirst("section.search-group[data-worksheet=" + WS + "mhlw-2025-f2-ha]");
        assertEquals("home medical care", group.selectFirst(".search-function").text());
        Element action = group.selectFirst("li[data-item=" + WS + "mhlw-2025-f2-ha/measure/3/action/1]");
        assertEquals("action", action.selectFirst(".search-section").text());
        assertEquals("en", action.selectFirst(".search-text").attr("lang"));
        assertEquals(List.of("pharmacies"), action.select("mark").eachText());
    }

    @Test
    void markupInTheDataIsShownAsTextAndTheSyntheticWorksheetIsBadged() throws Exception {
        Document doc = page("/search?q=script", 200);
        assertEquals(Set.of(WS + "search-markup"), worksheets(doc));
        Element group = doc.selectFirst("section.search-group[data-worksheet]");
        assertFalse(group.select(".badge.synthetic").isEmpty());
        Element text = group.selectFirst(".search-text");
        assertEquals("記載に<script>alert('x')</script>と<b>太字</b>が紛れ込んだ場合。", text.text());
        assertTrue(doc.select("main script, main b").isEmpty());
        assertEquals(List.of("script", "script"), text.select("mark").eachText());
        assertTrue(text.children().stream().allMatch(e -> e.tagName().equals("mark")));
    }

    @Test
    void theFunctionFilterListsFunctionsInTheCanonicalOrder() throws Exception {
        Document doc = page("/search?q=医療機関", 200);
        List<String> functions =
                doc.select("#search-function option[value^=https]").eachAttr("value");
        String fn = "https://w3id.org/kakaritsuke/function/";
        assertEquals(List.of(fn + "f1", fn + "f2-i", fn + "f2-ro", fn + "f2-ha", fn + "f2-ni"), functions);
    }

    /**
     * The area, prefecture and status filters offer what the store's worksheets have, each once: the page asks for
     * these choices, not for every worksheet.
     */
    @Test
    void theFiltersOfferTheAreasPrefecturesAndStatusesThatWorksheetsHave() throws Exception {
        Document doc = page("/search", 200);
        Set<String> areas = column("SELECT DISTINCT ?v WHERE { ?w a kk:Worksheet ; kk:area ?v }");
        assertFalse(areas.isEmpty());
        assertEquals(
                areas, Set.copyOf(doc.select("#search-area option[value^=http]").eachAttr("value")));
        assertEquals(
                column("SELECT DISTINCT ?v WHERE { ?w a kk:Worksheet ; kk:area/(kk:partOf|kk:inPrefecture)* ?p ."
                        + " ?p a kk:Prefecture ; kk:prefectureCode ?v }"),
                Set.copyOf(doc.select("#search-prefecture option[value~=^[0-9]{2}$]")
                        .eachAttr("value")));
        Set<String> statuses = column("SELECT DISTINCT ?v WHERE { ?w a kk:Worksheet ; kk:status ?v }").stream()
                .map(iri -> iri.substring(iri.lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
        assertFalse(statuses.isEmpty());
        List<String> offered = doc.select("#search-status option[value~=.]").eachAttr("value");
        assertEquals(statuses, Set.copyOf(offered));
        assertEquals(offered.size(), Set.copyOf(offered).size(), "each status once: " + offered);
        assertEquals(
                doc.select("#search-area option[value^=http]").size(),
                Set.copyOf(doc.select("#search-area option[value^=http]").eachAttr("value"))
                        .size(),
                "each area once");
    }

    private Set<String> column(String select) {
        ResultSetRewindable rows = store.select(
                QueryFactory.create("PREFIX kk: <https://w3id.org/kakaritsuke/ontology#> " + select),
                null,
                Duration.ofSeconds(30));
        Set<String> values = new HashSet<>();
        rows.forEachRemaining(row -> {
            RDFNode v = row.get("v");
            values.add(
                    v.isLiteral()
                            ? v.asLiteral().getLexicalForm()
                            : v.asResource().getURI());
        });
        return values;
    }

    @Test
    void filtersNarrowTheWorksheets() throws Exception {
        Set<String> all = worksheets(page("/search?q=医療機関", 200));
        assertTrue(all.contains(WS + "mhlw-2025-f2-ha") && all.contains(WS + "mhlw-2025-f2-i"), all.toString());
        assertEquals(
                Set.of(WS + "mhlw-2025-f2-ha"),
                worksheets(page("/search?q=医療機関&function=https://w3id.org/kakaritsuke/function/f2-ha", 200)));
    }

    @Test
    void badQueriesAnswer400WithTheReason() throws Exception {
        Document doc = page("/search?syntax=lucene&q=輪番 AND (", 400);
        assertTrue(doc.selectFirst("#search-error code").text().contains("not a valid Lucene query"));
        assertEquals("輪番 AND (", doc.selectFirst("#search-q").val());
        // The same text without syntax=lucene is words, never an error.
        assertEquals(
                200,
                mvc.perform(get("/search").param("q", "輪番 AND ("))
                        .andReturn()
                        .getResponse()
                        .getStatus());
        page("/search?q=輪番&function=not an iri", 400);
        page("/search?q=" + "輪".repeat(SearchQuery.MAX_LENGTH + 1), 400);
    }

    @Test
    void emptyQueryShowsTheFormOnly() throws Exception {
        Document doc = page("/search", 200);
        assertTrue(doc.select("section.search-group").isEmpty());
        assertTrue(doc.select("#search-count").isEmpty());
        assertFalse(doc.select("#search-function option").isEmpty());
    }
}
