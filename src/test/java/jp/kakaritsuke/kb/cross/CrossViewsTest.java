package jp.kakaritsuke.kb.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Set;
import java.util.stream.Collectors;

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

import jp.kakaritsuke.kb.store.KnowledgeStore;

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
    void matrixOfOutOfHoursCareHasTheCausesMeasuresAndLinksOfTheStore() throws Exception {
        Document page = html("/causes?function=f2-i");
        Element matrix = page.selectFirst("table#cause-measure-matrix");
        assertNotNull(matrix);

        Set<String> causes = attrs(matrix.select("a.cause-link"), "data-cause");
        assertEquals(column("SELECT ?x WHERE { ?w kk:function kkfn:f2-i ; kk:hasCause ?x }"), causes);
        assertTrue(causes.containsAll(Set.of(F2I + "/cause/1", F2I + "/cause/2")));

        Set<String> links = page.select("li.cell-link").stream()
                .map(li -> li.attr("data-cause") + " " + li.attr("data-measure")).collect(Collectors.toSet());
        assertEquals(pairs("SELECT ?c ?m WHERE { ?w kk:function kkfn:f2-i ; kk:hasMeasure ?m . ?m kk:addresses ?c }"),
                links);
        assertTrue(links.containsAll(Set.of(F2I + "/cause/1 " + F2I + "/measure/1",
                F2I + "/cause/1 " + F2I + "/measure/2", F2I + "/cause/2 " + F2I + "/measure/2")));

        Set<String> measures = new HashSet<>(attrs(page.select("li.cell-link"), "data-measure"));
        measures.addAll(attrs(page.select("#unlinked-measures a[data-measure]"), "data-measure"));
        assertEquals(column("SELECT ?x WHERE { ?w kk:function kkfn:f2-i ; kk:hasMeasure ?x }"), measures);

        // The seed's cause 1 and the fixture's cause 1 share their wording: one row, two areas.
        Element shared = matrix.selectFirst("tr.cause-row:has(a.cause-link[data-cause=" + F2I + "/cause/1])");
        assertEquals(Set.of(F2I + "/cause/1", FIXTURE + "/cause/1"), attrs(shared.select("a.cause-link"),
                "data-cause"));
        assertEquals("2", shared.attr("data-area-count"));

        // Every cell counts the distinct areas of the links behind it, and links to that list.
        for (Element cell : matrix.select(".matrix-cell")) {
            String target = cell.selectFirst("a.cell-count").attr("href").substring(1);
            Element detail = page.getElementById(target);
            assertNotNull(detail, target);
            Set<String> sheets = attrs(detail.select("li.cell-link"), "data-measure").stream()
                    .map(m -> m.substring(0, m.indexOf("/measure/"))).collect(Collectors.toSet());
            assertEquals(String.valueOf(sheets.size()), cell.attr("data-area-count"), target);
        }
        assertEquals(2, matrix.select("tr.cause-row:has(a.cause-link[data-cause=" + F2I + "/cause/2]) .matrix-cell")
                .size() + matrix.select("tr.cause-row:has(a.cause-link[data-cause=" + FIXTURE
                        + "/cause/2]) .matrix-cell").size());
    }

    @Test
    void functionChoiceDefaultsToFunctionOneAndRejectsAnUnknownFunction() throws Exception {
        Document page = html("/causes");
        assertEquals("f1", page.selectFirst("#function-choice a.current").parent().attr("data-function"));
        assertEquals(column("SELECT ?x WHERE { ?w kk:function kkfn:f1 ; kk:hasCause ?x }"),
                attrs(page.select("a.cause-link"), "data-cause"));
        mvc.perform(get("/causes").param("function", "f9").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
    }

    @Test
    void causePageShowsItsTextItsMeasuresAndWhatOtherAreasDid() throws Exception {
        String cause = F2I + "/cause/1";
        Document page = html("/doc/worksheet/mhlw-2025-f2-i/cause/1");
        assertEquals(single("SELECT ?x WHERE { <" + cause + "> kk:text ?x }"),
                page.selectFirst("#cause-text blockquote").text());
        assertEquals("ja", page.selectFirst("#cause-text blockquote").attr("lang"));
        assertTrue(page.select("#cause-text .translation").isEmpty(), "no translation for a Japanese reader");
        assertEquals(column("SELECT ?x WHERE { <" + F2I + "> kk:hasMeasure ?x . ?x kk:addresses <" + cause + "> }"),
                attrs(page.select("#own-measures li.own-measure"), "data-measure"));
        assertEquals("/doc/worksheet/mhlw-2025-f2-i", page.selectFirst("#cause-context a.worksheet-link")
                .attr("href"));
        assertEquals("/def/function/f2-i", page.selectFirst("#cause-context a.function-link").attr("href"));

        Element similar = page.selectFirst("#similar-measures li.similar-measure[data-measure=" + FIXTURE
                + "/measure/1]");
        assertNotNull(similar, "the fixture's measure shares wording and resources with this cause");
        assertEquals("2", similar.attr("data-shared-count"));
        assertFalse(similar.select(".badge.synthetic").isEmpty());
        assertFalse(similar.select(".badge.same-wording").isEmpty());
        assertEquals(Set.of("/def/resource/rotation-system", "/def/actor/clinic"),
                attrs(similar.select(".shared-concepts a"), "href"));

        Document english = html("/doc/worksheet/mhlw-2025-f2-i/cause/1?lang=en");
        Element translation = english.selectFirst("#cause-text .translation");
        assertNotNull(translation);
        assertFalse(translation.select(".badge.translation").isEmpty());
        assertEquals(single("SELECT ?x WHERE { <" + cause + "> kk:translation ?x }"),
                translation.selectFirst("span[lang=en]").text());
    }

    @Test
    void markupInTheDataIsEscaped() throws Exception {
        MvcResult result = mvc.perform(get("/doc/worksheet/fixture-tokyo-f2-i/cause/2?lang=en")
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertTrue(body.contains("&lt;script&gt;alert("), body);
        Document page = Jsoup.parse(body);
        assertTrue(page.select("script").isEmpty());
        assertTrue(page.select("main b").isEmpty());
        assertEquals(single("SELECT ?x WHERE { <" + FIXTURE + "/cause/2> kk:text ?x }"),
                page.selectFirst("#cause-text blockquote").text());
        assertTrue(html("/causes?function=f2-i").select("script, main b").isEmpty());
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
        assertEquals(column("SELECT ?x WHERE { ?x skos:inScheme kk:resources }"),
                attrs(page.select("table#resource-ranking tr.resource-row"), "data-resource"));
        Set<String> used = column("SELECT DISTINCT ?x WHERE { ?x skos:inScheme kk:resources . "
                + "?m kk:usesResource|kk:hasAction/kk:usesResource ?x . ?w kk:hasMeasure ?m }");
        List<Element> bars = page.select("svg#resource-usage-chart g.bar");
        assertEquals(used.size(), bars.size());
        Set<String> barLinks = bars.stream().map(b -> b.selectFirst("a").attr("href")).collect(Collectors.toSet());
        assertEquals(used.stream().map(r -> "/def/resource/" + r.substring(r.lastIndexOf('/') + 1))
                .collect(Collectors.toSet()), barLinks);
        List<Integer> areaCounts = page.select("tr.resource-row td.area-count").stream()
                .map(td -> Integer.parseInt(td.text())).toList();
        for (int i = 1; i < areaCounts.size(); i++) {
            assertTrue(areaCounts.get(i - 1) >= areaCounts.get(i), "ranked by areas: " + areaCounts);
        }
    }

    @Test
    void functionReportResultsIsUsedByExactlyTheFourSeedMeasures() throws Exception {
        Document page = html("/def/resource/function-report-results");
        Set<String> listed = attrs(page.select("table#resource-measures tr.resource-measure"), "data-measure");
        assertEquals(column("SELECT ?x WHERE { ?x kk:usesResource|kk:hasAction/kk:usesResource "
                + "kkres:function-report-results }"), listed);
        assertEquals(Set.of(F2I + "/measure/2", BASE + "id/worksheet/mhlw-2025-f2-ro/measure/1",
                BASE + "id/worksheet/mhlw-2025-f2-ha/measure/1", BASE + "id/worksheet/mhlw-2025-f2-ni/measure/2"),
                listed.stream().filter(m -> m.contains("/mhlw-2025-")).collect(Collectors.toSet()));
        assertEquals(column("SELECT ?x WHERE { ?x skos:inScheme kk:functions "
                + "FILTER NOT EXISTS { ?x skos:narrower|^skos:broader ?n } }").size(),
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
        assertEquals(single("SELECT ?x WHERE { <" + FIXTURE + "/measure/2/action/1> kk:text ?x }"),
                viaAction.selectFirst(".use-actions span[lang=ja]").text());
    }

    private Document html(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn();
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
