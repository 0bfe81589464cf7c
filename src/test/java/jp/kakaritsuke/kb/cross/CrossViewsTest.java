package jp.kakaritsuke.kb.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetRewindable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The cross-region views of the whole application, over a TDB2 store in a temporary directory loaded by the data
 * loader with the real seed data (plus the placeholder area, when present, and one synthetic fixture worksheet);
 * pages are parsed as HTML and compared with SPARQL answers from the same store.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrossViewsTest {

    static final String BASE = "http://localhost:8080/";
    static final String F2I = BASE + "id/worksheet/mhlw-2025-f2-i";
    static final String FIXTURE = BASE + "id/worksheet/fixture-tokyo-f2-i";
    static final String CAUSE_TYPE = "https://w3id.org/kakaritsuke/cause-type/";
    static final String MEASURE_TYPE = "https://w3id.org/kakaritsuke/measure-type/";
    static final String PREFIXES = """
            PREFIX kk:    <https://w3id.org/kakaritsuke/ontology#>
            PREFIX kkfn:  <https://w3id.org/kakaritsuke/function/>
            PREFIX kkres: <https://w3id.org/kakaritsuke/resource/>
            PREFIX skos:  <http://www.w3.org/2004/02/skos/core#>
            """;

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        Path data = temp.resolve("data");
        copy(Path.of("data", "seed"), data.resolve("seed"));
        Path placeholder = Path.of("data", "areas", "placeholder.trig");
        if (Files.exists(placeholder)) {
            Files.createDirectories(data.resolve("areas"));
            Files.copy(placeholder, data.resolve("areas").resolve("placeholder.trig"));
        }
        copy(Path.of("src", "test", "resources", "cross"), data.resolve("fixture"));
        registry.add("kb.base-iri", () -> BASE);
        registry.add("kb.data.dir", () -> data.toString());
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.store.kind", () -> "tdb2");
        registry.add("kb.store.tdb2.location", () -> temp.resolve("tdb2").toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            files.filter(f -> f.toString().endsWith(".trig")).forEach(f -> {
                try {
                    Files.copy(f, to.resolve(f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    @Test
    void matrixHasOneRowPerCauseTypeAndCountsTheWorksheetsLinkingTypes() throws Exception {
        Document page = html("/causes?function=f2-i&year=all");
        Element matrix = page.selectFirst("table#cause-type-matrix");
        assertNotNull(matrix);
        assertEquals(
                column("SELECT DISTINCT ?x WHERE { ?w kk:function kkfn:f2-i ; kk:hasCause/kk:causeType ?x }"),
                attrs(matrix.select("tr.cause-type-row"), "data-cause-type"));
        assertEquals(
                matrix.select("tr.cause-type-row").size(),
                attrs(matrix.select("tr.cause-type-row"), "data-cause-type").size(),
                "one row per type");
        assertEquals(
                column("SELECT ?x WHERE { ?x skos:inScheme kk:measureTypes }"),
                attrs(matrix.select("thead th.measure-type-column"), "data-measure-type"));

        // The seed's cause 1 and the fixture's cause 1 are both 医師の高齢化: one row, two worksheets and areas.
        Element ageing = matrix.getElementById("row-ageing-workforce");
        assertEquals("2", ageing.attr("data-worksheet-count"));
        Element rota = ageing.selectFirst("td.matrix-cell[data-measure-type=" + MEASURE_TYPE + "rotation-system]");
        assertEquals("2", rota.attr("data-worksheet-count"));

        // Every cell counts the worksheets where a cause of its row's type is addressed by a measure of its type.
        for (Element cell : matrix.select("td.matrix-cell")) {
            String causeType = cell.parent().attr("data-cause-type");
            String measureType = cell.attr("data-measure-type");
            String expected = single("SELECT (COUNT(DISTINCT ?w) AS ?x) WHERE { ?w kk:function kkfn:f2-i ; "
                    + "kk:hasCause ?c . ?c kk:causeType <" + causeType + "> . ?m kk:addresses ?c ; kk:measureType <"
                    + measureType + "> }");
            assertEquals(expected, cell.attr("data-worksheet-count"), causeType + " × " + measureType);
        }
        // The fixture's cause 2 has no type: it is counted apart, not lost.
        assertNotNull(matrix.getElementById("row-untyped"));

        // A cell opens the pairs behind it.
        Document cell = html(rota.selectFirst("a.cell-count").attr("href"));
        assertEquals(Set.of(F2I, FIXTURE), attrs(cell.select("tr.cell-pair"), "data-worksheet"));
        assertEquals(
                Set.of(F2I + "/measure/1", FIXTURE + "/measure/1"), attrs(cell.select("tr.cell-pair"), "data-measure"));
    }

    @Test
    void filtersNarrowTheMatrixByYearPrefectureAndSyntheticFlag() throws Exception {
        // Without a year the latest one is shown: both worksheets are FY2025 here.
        Document latest = html("/causes?function=f2-i");
        assertEquals("2025", latest.selectFirst("#filter-year option[selected]").attr("value"));
        assertEquals("2", latest.getElementById("row-ageing-workforce").attr("data-worksheet-count"));

        Document real = html("/causes?function=f2-i&year=all&hideSynthetic=true");
        assertEquals("1", real.getElementById("row-ageing-workforce").attr("data-worksheet-count"));
        assertNull(real.getElementById("row-untyped"), "the untyped cause is the synthetic fixture's");

        Document tokyo = html("/causes?function=f2-i&year=all&prefecture=13");
        assertEquals(
                Set.of(CAUSE_TYPE + "ageing-workforce"), attrs(tokyo.select("tr.cause-type-row"), "data-cause-type"));
        assertTrue(html("/causes?function=f2-i&year=2020")
                .select("tr.cause-type-row")
                .isEmpty());

        mvc.perform(get("/causes").param("year", "twenty").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/causes").param("prefecture", "99").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/causes/cell")
                        .param("function", "f2-i")
                        .param("causeType", "ageing-workforce")
                        .param("measureType", "no-such-type")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
    }

    @Test
    void eachWorkedExampleCauseSitsInItsExpectedType() throws Exception {
        Map<String, String> expected = Map.of(
                "mhlw-2025-f2-ha/cause/1", "provider-shortage",
                "mhlw-2025-f2-ha/cause/2", "lack-of-experience",
                "mhlw-2025-f2-i/cause/1", "ageing-workforce",
                "mhlw-2025-f2-i/cause/2", "willing-providers-unknown",
                "mhlw-2025-f2-ni/cause/1", "no-collaboration-forum",
                "mhlw-2025-f2-ro/cause/1", "willing-providers-unknown",
                "mhlw-2025-f1/cause/2", "roles-not-known");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String function =
                    e.getKey().substring("mhlw-2025-".length(), e.getKey().indexOf('/'));
            Document members = html("/causes/type?year=all&function=" + function + "&causeType=" + e.getValue());
            assertTrue(
                    attrs(members.select("li.member-cause"), "data-cause")
                            .contains(BASE + "id/worksheet/" + e.getKey()),
                    e.getKey() + " in " + e.getValue());
        }
        Document f2ha = html("/causes?function=f2-ha&year=all");
        assertEquals(
                Set.of(CAUSE_TYPE + "provider-shortage", CAUSE_TYPE + "lack-of-experience"),
                attrs(f2ha.select("tr.cause-type-row"), "data-cause-type"));
    }

    @Test
    void functionChoiceDefaultsToFunctionOneAndRejectsAnUnknownFunction() throws Exception {
        Document page = html("/causes");
        assertEquals("f1", page.selectFirst("#filter-function option[selected]").attr("value"));
        assertEquals(
                column("SELECT DISTINCT ?x WHERE { ?w kk:function kkfn:f1 ; kk:hasCause/kk:causeType ?x }"),
                attrs(page.select("tr.cause-type-row"), "data-cause-type"));
        mvc.perform(get("/causes").param("function", "f9").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
    }

    @Test
    void causePageShowsItsTextItsMeasuresAndWhatOtherAreasDid() throws Exception {
        String cause = F2I + "/cause/1";
        Document page = html("/doc/worksheet/mhlw-2025-f2-i/cause/1");
        assertEquals(
                single("SELECT ?x WHERE { <" + cause + "> kk:text ?x }"),
                page.selectFirst("#cause-text blockquote").text());
        assertEquals("ja", page.selectFirst("#cause-text blockquote").attr("lang"));
        assertTrue(page.select("#cause-text .translation").isEmpty(), "no translation for a Japanese reader");
        assertEquals(
                column("SELECT ?x WHERE { <" + F2I + "> kk:hasMeasure ?x . ?x kk:addresses <" + cause + "> }"),
                attrs(page.select("#own-measures li.own-measure"), "data-measure"));
        assertEquals(
                "/doc/worksheet/mhlw-2025-f2-i",
                page.selectFirst("#cause-context a.worksheet-link").attr("href"));
        assertEquals(
                "/def/function/f2-i",
                page.selectFirst("#cause-context a.function-link").attr("href"));

        Element similar =
                page.selectFirst("#similar-measures li.similar-measure[data-measure=" + FIXTURE + "/measure/1]");
        assertNotNull(similar, "the fixture's measure shares wording and resources with this cause");
        assertEquals("2", similar.attr("data-shared-count"));
        assertFalse(similar.select(".badge.synthetic").isEmpty());
        assertFalse(similar.select(".badge.same-wording").isEmpty());
        // Named for the page shown (measure-headings.rq): wording, worksheet label, area.
        assertEquals(
                single("SELECT ?x WHERE { <" + FIXTURE + "/measure/1> kk:text ?x }"),
                similar.selectFirst("p.measure-text").text());
        assertEquals(
                single("SELECT ?x WHERE { <" + FIXTURE + "> <http://www.w3.org/2000/01/rdf-schema#label> ?x "
                        + "FILTER(lang(?x) = \"ja\") }"),
                similar.selectFirst("a[href=/doc/worksheet/fixture-tokyo-f2-i]").text());
        assertEquals(
                single("SELECT ?x WHERE { <" + BASE + "id/area/pref/13> "
                        + "<http://www.w3.org/2000/01/rdf-schema#label> ?x FILTER(lang(?x) = \"ja\") }"),
                similar.selectFirst(".similar-area").text());
        assertEquals(
                Set.of("/def/resource/rotation-system", "/def/actor/clinic"),
                attrs(similar.select(".shared-concepts a"), "href"));

        Document english = html("/doc/worksheet/mhlw-2025-f2-i/cause/1?lang=en");
        Element translation = english.selectFirst("#cause-text .translation");
        assertNotNull(translation);
        assertFalse(translation.select(".badge.translation").isEmpty());
        assertEquals(
                single("SELECT ?x WHERE { <" + cause + "> kk:translation ?x }"),
                translation.selectFirst("span[lang=en]").text());
    }

    @Test
    void writingACauseSuggestsTheTypesAndCausesOfOtherWorksheetsWordedLikeIt() throws Exception {
        // Worded differently from both worksheets' cause 1, sharing words with them (高齢化, 休日, 夜間).
        String text = "医師の高齢化で、休日や夜間の当番を組むのが難しい。";
        MvcResult result = mvc.perform(get("/suggestions")
                        .param("kind", "cause")
                        .param("text", text)
                        .param("function", "f2-i")
                        .param("worksheet", "mhlw-2025-f2-i")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode json = new ObjectMapper().readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertEquals(
                FIXTURE + "/cause/1",
                json.get("similar").get(0).get("item").asText(),
                "the other worksheet's cause worded like this comes first: " + json);
        for (JsonNode similar : json.get("similar")) {
            assertFalse(similar.get("item").asText().startsWith(F2I + "/"), "the author's own worksheet is left out");
        }
        assertEquals(
                CAUSE_TYPE + "ageing-workforce",
                json.get("types").get(0).get("iri").asText(),
                json.toString());

        mvc.perform(get("/suggestions").param("kind", "effect").param("text", text))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/suggestions").param("kind", "cause").param("text", "あ".repeat(2001)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void causePageListsSimilarCausesElsewhereAndCausesOfTheSameType() throws Exception {
        Document page = html("/doc/worksheet/mhlw-2025-f2-i/cause/1");
        assertEquals(
                FIXTURE + "/cause/1",
                page.selectFirst("#similar-causes li.similar-cause").attr("data-cause"),
                "the cause worded the same comes first");
        assertTrue(page.select("#similar-causes li.similar-cause[data-cause^=" + F2I + "/]")
                .isEmpty());
        Element sameType = page.selectFirst("#same-type-links a.same-type-link");
        assertEquals(CAUSE_TYPE + "ageing-workforce", sameType.attr("data-cause-type"));
        Document members = html(sameType.attr("href"));
        assertEquals(
                Set.of(F2I + "/cause/1", FIXTURE + "/cause/1"), attrs(members.select("li.member-cause"), "data-cause"));
    }

    @Test
    void markupInTheDataIsEscaped() throws Exception {
        MvcResult result = mvc.perform(
                        get("/doc/worksheet/fixture-tokyo-f2-i/cause/2?lang=en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertTrue(body.contains("&lt;script&gt;alert("), body);
        Document page = Jsoup.parse(body);
        assertTrue(page.select("script").isEmpty());
        assertTrue(page.select("main b").isEmpty());
        assertEquals(
                single("SELECT ?x WHERE { <" + FIXTURE + "/cause/2> kk:text ?x }"),
                page.selectFirst("#cause-text blockquote").text());
        assertTrue(html("/causes?function=f2-i&year=all")
                .select("script:not([src]), main b")
                .isEmpty());
        assertTrue(html("/causes/type?function=f2-i&year=all&causeType=ageing-workforce")
                .select("script:not([src]), main b")
                .isEmpty());
    }

    @Test
    void unknownCausesAndResourcesAreNotFound() throws Exception {
        mvc.perform(get("/doc/worksheet/mhlw-2025-f2-i/cause/9").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(get("/doc/worksheet/no-such-sheet/cause/1").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(get("/def/resource/no-such-resource").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void resourcesAreRankedWithOneBarPerResourceInUse() throws Exception {
        Document page = html("/resources");
        assertEquals(
                column("SELECT ?x WHERE { ?x skos:inScheme kk:resources }"),
                attrs(page.select("table#resource-ranking tr.resource-row"), "data-resource"));
        // The latest fiscal year by default, as on the other cross-region pages.
        String latest = single("SELECT (MAX(STR(?y)) AS ?x) WHERE { ?w kk:fiscalYear ?y }");
        assertEquals(latest, page.selectFirst("#year-select option[selected]").attr("value"));
        // How many of that year's worksheets are synthetic is said beside the selector, from the store's flags.
        String worksheets = single("SELECT (COUNT(DISTINCT ?w) AS ?x) WHERE { ?w kk:fiscalYear ?y "
                + "FILTER(STR(?y) = \"" + latest + "\") }");
        String synthetic = single("SELECT (COUNT(DISTINCT ?w) AS ?x) WHERE { ?w kk:synthetic true ; kk:fiscalYear ?y "
                + "FILTER(STR(?y) = \"" + latest + "\") }");
        assertEquals("1", synthetic, "the fixture's synthetic worksheet");
        Element share = page.selectFirst("p.synthetic-share");
        assertNotNull(share, "the page says its year holds synthetic worksheets");
        assertTrue(share.text().contains(worksheets + " 件のうち " + synthetic + " 件は合成データ"), share.text());
        assertTrue(
                page.selectFirst("#year-select option[selected]").text().contains("うち合成 " + synthetic + "件"),
                page.selectFirst("#year-select option[selected]").text());
        Set<String> used = column("SELECT DISTINCT ?x WHERE { ?x skos:inScheme kk:resources . "
                + "?m kk:usesResource|kk:hasAction/kk:usesResource ?x . ?w kk:hasMeasure ?m ; kk:fiscalYear ?y "
                + "FILTER(STR(?y) = \"" + latest + "\") }");
        assertFalse(used.isEmpty(), "the latest year's worksheets draw on resources");
        List<Element> bars = page.select("svg#resource-usage-chart g.bar");
        assertEquals(used.size(), bars.size());
        Set<String> barLinks =
                bars.stream().map(b -> b.selectFirst("a").attr("href")).collect(Collectors.toSet());
        assertEquals(
                used.stream()
                        .map(r -> "/def/resource/" + r.substring(r.lastIndexOf('/') + 1))
                        .collect(Collectors.toSet()),
                barLinks);
        List<Integer> areaCounts = page.select("tr.resource-row td.area-count").stream()
                .map(td -> Integer.parseInt(td.text()))
                .toList();
        for (int i = 1; i < areaCounts.size(); i++) {
            assertTrue(areaCounts.get(i - 1) >= areaCounts.get(i), "ranked by areas: " + areaCounts);
        }
        // The worked examples' year counts their measures only; a year without worksheets ranks every resource at 0.
        Document examples = html("/resources?year=2025");
        assertEquals(
                "2025", examples.selectFirst("#year-select option[selected]").attr("value"));
        Set<String> usedIn2025 = column("SELECT DISTINCT ?x WHERE { ?x skos:inScheme kk:resources . "
                + "?m kk:usesResource|kk:hasAction/kk:usesResource ?x . ?w kk:hasMeasure ?m ; kk:fiscalYear ?y "
                + "FILTER(STR(?y) = \"2025\") }");
        assertEquals(
                usedIn2025.size(),
                examples.select("svg#resource-usage-chart g.bar").size());
        Document none = html("/resources?year=1999");
        assertTrue(none.select("svg#resource-usage-chart g.bar").isEmpty());
        assertNull(none.selectFirst("p.synthetic-share"), "a year without worksheets has no synthetic ones");
        assertTrue(none.select("tr.resource-row td.measure-count").stream()
                .allMatch(td -> td.text().equals("0")));
        MvcResult refused = mvc.perform(get("/resources?year=twenty").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andReturn();
        Element detail = Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .selectFirst("main.error-page p.authoring-detail");
        assertNotNull(detail, "the error page says what was refused");
        assertTrue(detail.text().contains("'year'") && detail.text().contains("twenty"), detail.text());
    }

    @Test
    void causeAndResourcePagesShowOneFiscalYearTheLatestByDefault() throws Exception {
        String latest = single("SELECT (MAX(STR(?y)) AS ?x) WHERE { ?w kk:fiscalYear ?y }");
        Document cause = html("/doc/worksheet/mhlw-2025-f2-i/cause/1");
        assertEquals(latest, cause.selectFirst("#year-select option[selected]").attr("value"));
        Document resource = html("/def/resource/function-report-results");
        assertEquals(
                latest, resource.selectFirst("#year-select option[selected]").attr("value"));
        // A year without worksheets lists nothing; the year selector and the count still show.
        Document empty = html("/def/resource/function-report-results?year=1999");
        assertTrue(empty.select("tr.resource-measure").isEmpty());
        assertNotNull(empty.selectFirst("#year-select"));
        assertTrue(html("/doc/worksheet/mhlw-2025-f2-i/cause/1?year=1999")
                .select("li.similar-measure")
                .isEmpty());
        mvc.perform(get("/def/resource/function-report-results?year=twenty").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/def/resource/function-report-results?page=0").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
    }

    @Test
    void functionReportResultsIsUsedByExactlyTheFourSeedMeasures() throws Exception {
        Document page = html("/def/resource/function-report-results");
        Set<String> listed = attrs(page.select("table#resource-measures tr.resource-measure"), "data-measure");
        assertEquals(
                column("SELECT ?x WHERE { ?x kk:usesResource|kk:hasAction/kk:usesResource "
                        + "kkres:function-report-results }"),
                listed);
        assertEquals(
                Set.of(
                        F2I + "/measure/2",
                        BASE + "id/worksheet/mhlw-2025-f2-ro/measure/1",
                        BASE + "id/worksheet/mhlw-2025-f2-ha/measure/1",
                        BASE + "id/worksheet/mhlw-2025-f2-ni/measure/2"),
                listed.stream().filter(m -> m.contains("/mhlw-2025-")).collect(Collectors.toSet()));
        assertEquals(
                column("SELECT ?x WHERE { ?x skos:inScheme kk:functions "
                                + "FILTER NOT EXISTS { ?x skos:narrower|^skos:broader ?n } }")
                        .size(),
                page.select("svg#usage-by-function g.bar").size());
        assertEquals(1, page.select("svg#usage-by-prefecture g.bar").size());
    }

    @Test
    void resourcePageShowsHiddenLabelsAndUseThroughActions() throws Exception {
        Document rota = html("/def/resource/rotation-system");
        Element hidden = rota.selectFirst("#resource-definition li.hidden-label");
        assertNotNull(hidden);
        assertEquals("輸番制", hidden.selectFirst("span[lang=ja]").text());
        assertFalse(hidden.select(".hidden-label-note").text().isBlank());
        assertEquals(2, rota.select("svg#usage-by-prefecture g.bar").size(), "Tokyo and the placeholder area");

        Document training = html("/def/resource/training");
        Element viaAction = training.selectFirst("tr.resource-measure[data-measure=" + FIXTURE + "/measure/2]");
        assertNotNull(viaAction);
        assertTrue(viaAction.select(".use-direct").isEmpty());
        assertEquals(
                single("SELECT ?x WHERE { <" + FIXTURE + "/measure/2/action/1> kk:text ?x }"),
                viaAction.selectFirst(".use-actions span[lang=ja]").text());
    }

    @Test
    void worksheetPageOffersTheAreasOfOnePrefectureToCompareWith() throws Exception {
        String tokyo = single("SELECT ?x WHERE { <" + BASE + "id/area/pref/13> "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?x FILTER(lang(?x) = \"ja\") }");
        // A worked example has no prefecture: no area is listed until the reader chooses one.
        Document example = html("/doc/worksheet/mhlw-2025-f2-i");
        assertNull(example.getElementById("compare-areas"), "no prefecture chosen, no area listed");
        assertEquals(
                column("SELECT ?x WHERE { ?p a kk:Prefecture ; kk:prefectureCode ?x }"),
                new HashSet<>(example.select("#compare-prefecture-select option[value~=^[0-9]{2}$]")
                        .eachAttr("value")));
        assertNotNull(example.selectFirst("#compare-prefecture-select option[disabled][selected]"));
        // Tokyo chosen: the fixture's worksheet, named with its prefecture, the one prefecture selected.
        Document inTokyo = html("/doc/worksheet/mhlw-2025-f2-i?prefecture=13");
        Element option = inTokyo.selectFirst("#compare-area-select option[value=fixture-tokyo-f2-i]");
        assertNotNull(option, "the fixture's worksheet is a worksheet to compare the example with");
        assertTrue(option.text().startsWith(tokyo), option.text());
        assertEquals(
                List.of("13"),
                inTokyo.select("#compare-prefecture-select option[selected]").eachAttr("value"));
        assertTrue(inTokyo.selectFirst("label[for=compare-area-select]").text().contains(tokyo));
        // A prefecture the store does not hold, or no prefecture code: refused, naming the parameter.
        mvc.perform(get("/doc/worksheet/mhlw-2025-f2-i?prefecture=27").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
        // The fixture's worksheet, of Tokyo, lists Tokyo's by default, and the guideline's example whatever its area.
        Document fixture = html("/doc/worksheet/fixture-tokyo-f2-i");
        assertEquals(
                List.of("13"),
                fixture.select("#compare-prefecture-select option[selected]").eachAttr("value"));
        assertNotNull(fixture.selectFirst("#compare-area-select option[value=mhlw-2025-f2-i]"));
        mvc.perform(get("/doc/worksheet/mhlw-2025-f2-i?prefecture=99").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
    }

    @Test
    void resourcePageNamesAreasFromTheTableOfNames() throws Exception {
        String tokyo = single("SELECT ?x WHERE { <" + BASE + "id/area/pref/13> "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?x FILTER(lang(?x) = \"ja\") }");
        // A resource's uses per prefecture, named from area-names.
        Document rota = html("/def/resource/rotation-system");
        assertTrue(
                rota.select("svg#usage-by-prefecture text.bar-label").eachText().contains(tokyo),
                rota.select("svg#usage-by-prefecture text.bar-label").eachText().toString());
        assertTrue(rota.select("tr.resource-measure").text().contains(tokyo), "the measures' areas are named");
    }

    @Test
    void resourcePageCountsTheWorksheetsOfTheYearItShows() throws Exception {
        String latest = single("SELECT (MAX(STR(?y)) AS ?x) WHERE { ?w kk:fiscalYear ?y }");
        String inLatest = single("SELECT (COUNT(DISTINCT ?w) AS ?x) WHERE { "
                + "?m kk:usesResource|kk:hasAction/kk:usesResource kkres:rotation-system . "
                + "?w kk:hasMeasure ?m ; kk:fiscalYear ?y FILTER(STR(?y) = \"" + latest + "\") }");
        String synthetic = single("SELECT (COUNT(DISTINCT ?w) AS ?x) WHERE { "
                + "?m kk:usesResource|kk:hasAction/kk:usesResource kkres:rotation-system . "
                + "?w kk:hasMeasure ?m ; kk:synthetic true ; kk:fiscalYear ?y FILTER(STR(?y) = \"" + latest + "\") }");
        Document rota = html("/def/resource/rotation-system");
        assertEquals(
                inLatest,
                rota.selectFirst("#resource-usage table.provenance-counts tr.all td")
                        .text());
        assertEquals(
                synthetic,
                rota.selectFirst("#resource-usage table.provenance-counts tr.synthetic td")
                        .text());
        assertEquals(
                "0",
                html("/def/resource/rotation-system?year=1999")
                        .selectFirst("#resource-usage table.provenance-counts tr.all td")
                        .text());
    }

    @Test
    void functionPageRanksTheResourcesOfTheYearItShows() throws Exception {
        String latest = single("SELECT (MAX(STR(?y)) AS ?x) WHERE { ?w kk:fiscalYear ?y }");
        Set<String> used = column("SELECT DISTINCT ?x WHERE { ?x skos:inScheme kk:resources . "
                + "?m kk:usesResource|kk:hasAction/kk:usesResource ?x . "
                + "?w kk:hasMeasure ?m ; kk:function ?f ; kk:fiscalYear ?y . ?f skos:broader* kkfn:f2 "
                + "FILTER(STR(?y) = \"" + latest + "\") }");
        assertFalse(used.isEmpty(), "function 2's worksheets of the latest year draw on resources");
        assertEquals(
                used.stream()
                        .map(r -> "/def/resource/" + r.substring(r.lastIndexOf('/') + 1))
                        .collect(Collectors.toSet()),
                new HashSet<>(
                        html("/def/function/f2").select("tr.resource-use-row a").eachAttr("href")));
        assertTrue(
                html("/def/function/f2?year=1999").select("tr.resource-use-row").isEmpty());
    }

    private Document html(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Set<String> attrs(List<Element> elements, String attribute) {
        return elements.stream().map(e -> e.attr(attribute)).collect(Collectors.toSet());
    }

    private ResultSetRewindable select(String body) {
        return store.select(QueryFactory.create(PREFIXES + body), new QuerySolutionMap(), Duration.ofSeconds(30));
    }

    private Set<String> column(String body) {
        Set<String> values = new HashSet<>();
        select(body).forEachRemaining(row -> values.add(Rows.text(row, "x")));
        return values;
    }

    private Set<String> pairs(String body) {
        Set<String> values = new HashSet<>();
        select(body).forEachRemaining(row -> values.add(Rows.text(row, "c") + " " + Rows.text(row, "m")));
        return values;
    }

    private String single(String body) {
        ResultSetRewindable rows = select(body);
        QuerySolution row = rows.next();
        assertFalse(rows.hasNext(), body);
        return Rows.text(row, "x");
    }
}
