package jp.kakaritsuke.kb.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The browse pages of the whole application over the shipped data (ontology, seed worksheets, areas, synthetic
 * demo worksheets) loaded into a TDB2 store in a temporary directory. What the pages show is checked against
 * SPARQL queries over the same store.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BrowsePagesTest {

    private static final String PREFIXES = """
            PREFIX kk:   <https://w3id.org/kakaritsuke/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    private static final String F2I = "mhlw-2025-f2-i";

    @TempDir
    static Path tdb2;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> tdb2.toString());
        registry.add("kb.data.dir", () -> "data");
        registry.add("kb.data.include-demo", () -> "true");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    @Value("${kb.base-iri}")
    String base;

    @Test
    void homeShowsTheCountsOfTheStore() throws Exception {
        Document home = page("/", null);
        long worksheets = count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a kk:Worksheet }");
        long synthetic = count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a kk:Worksheet ; kk:synthetic true }");
        assertTrue(worksheets >= 5, "the seed holds five worksheets at least");
        assertEquals(worksheets, number(home, "#count-worksheets"));
        assertEquals(synthetic, number(home, "#count-synthetic"));
        String real = "?w a kk:Worksheet FILTER NOT EXISTS { ?w kk:synthetic true } ";
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { " + real
                        + "?w kk:status <https://w3id.org/kakaritsuke/status/example> }"),
                number(home, "#count-examples"));
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { " + real
                        + "?w kk:status <https://w3id.org/kakaritsuke/status/draft> }"),
                number(home, "#count-drafts"));
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { " + real
                        + "?w kk:status <https://w3id.org/kakaritsuke/status/agreed> }"),
                number(home, "#count-agreed"));
        assertEquals(
                worksheets - synthetic,
                number(home, "#count-examples") + number(home, "#count-drafts") + number(home, "#count-agreed"));
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kk:Cause }"), number(home, "#count-causes"));
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kk:Measure }"), number(home, "#count-measures"));
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?k rdfs:subClassOf* kk:Area . ?a a ?k }"),
                number(home, "#count-areas"));

        Element f2i = home.selectFirst("#by-function tr.count[data-key=2-イ]");
        assertNotNull(f2i, "the function table has a row for 時間外診療");
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a kk:Worksheet ; kk:function "
                        + "<https://w3id.org/kakaritsuke/function/f2-i> FILTER NOT EXISTS { ?w kk:synthetic true } }"),
                Long.parseLong(f2i.selectFirst("td.sourced").text()));

        Set<String> examples = new HashSet<>();
        home.select("#examples a.worksheet-link").forEach(a -> examples.add(a.attr("href")));
        assertEquals(
                Set.of(
                        "/doc/worksheet/mhlw-2025-f1",
                        "/doc/worksheet/mhlw-2025-f2-i",
                        "/doc/worksheet/mhlw-2025-f2-ro",
                        "/doc/worksheet/mhlw-2025-f2-ha",
                        "/doc/worksheet/mhlw-2025-f2-ni"),
                examples);
        for (String entry :
                List.of("/functions", "/areas", "/causes", "/resources", "/search", "/sparql", "/catalog")) {
            assertNotNull(home.selectFirst("#entry-points a[href=" + entry + "]"), entry);
        }
    }

    @Test
    void worksheetPageShowsEverySourceTextVerbatimWithTheFormAndTheLogicModel() throws Exception {
        Document ws = page("/doc/worksheet/" + F2I, null);
        String text = ws.text();
        List<String> sourceTexts =
                column("SELECT ?t WHERE { GRAPH ?g { ?s kk:text ?t } }", "g", base + "graph/worksheet/" + F2I, "t");
        assertFalse(sourceTexts.isEmpty());
        for (String t : sourceTexts) {
            assertTrue(text.contains(t), "the page shows the source text verbatim: " + t);
        }
        assertEquals("【原因①】", ws.selectFirst("#cause-1 .marker .marker-text").text());
        assertEquals(
                column(
                        "SELECT ?h WHERE { ?t kk:hasSlot ?s . ?s kk:section ?sec ; kk:heading ?h "
                                + "FILTER NOT EXISTS { ?s <http://purl.org/dc/terms/isPartOf> ?box } }",
                        "sec",
                        "https://w3id.org/kakaritsuke/section/cause",
                        "h"),
                List.of(ws.selectFirst("#box-cause h2.ws-heading .heading-text").text()),
                "the box heading comes from the template");

        long causes = count("SELECT (COUNT(?c) AS ?n) WHERE { <" + base + "id/worksheet/" + F2I + "> kk:hasCause ?c }");
        long measures =
                count("SELECT (COUNT(?m) AS ?n) WHERE { <" + base + "id/worksheet/" + F2I + "> kk:hasMeasure ?m }");
        Element svg = ws.selectFirst("svg#logic-model");
        assertNotNull(svg);
        assertEquals(causes, svg.select("g.lm-node.cause").size());
        assertEquals(measures, svg.select("g.lm-node.measure").size());
        Set<String> expectedEdges = new HashSet<>();
        for (QuerySolution row : rows(
                "SELECT ?mo ?co WHERE { ?w kk:hasMeasure ?m . ?m kk:ordinal ?mo ; "
                        + "kk:addresses ?c . ?c kk:ordinal ?co }",
                "w",
                base + "id/worksheet/" + F2I)) {
            expectedEdges.add("lm-measure-" + row.getLiteral("mo").getInt() + "->lm-cause-"
                    + row.getLiteral("co").getInt());
        }
        Set<String> drawnEdges = new HashSet<>();
        svg.select("line.lm-edge.addresses")
                .forEach(l -> drawnEdges.add(l.attr("data-from") + "->" + l.attr("data-to")));
        assertFalse(expectedEdges.isEmpty());
        assertEquals(expectedEdges, drawnEdges);

        Element reading = ws.select(".reading").stream()
                .filter(r -> r.text().contains("輸番制"))
                .findFirst()
                .orElse(null);
        assertNotNull(reading, "the 輸番制 reading is shown");
        assertTrue(reading.text().contains("輪番制"));
        assertNotNull(reading.selectFirst(".badge.interpretation"));
        assertEquals(
                "輸", reading.selectFirst(".char-difference mark.char-source").text(), "the character that differs");
        assertEquals(
                "輪", reading.selectFirst(".char-difference mark.char-reading").text());
        assertTrue(reading.selectFirst(".char-difference").text().contains("U+8F38"), reading.text());
        assertNotNull(ws.selectFirst("#interpretation-legend"), "the example has interpretations: the legend");
        assertNull(
                page("/doc/worksheet/demo-2026-kousou-r7-1313-f2-ro", null).selectFirst("#interpretation-legend"),
                "a worksheet without interpretations explains no interpretation badge");
        assertEquals(
                "/doc/worksheet/" + F2I + "/cause/1",
                ws.selectFirst("#cause-1 a.others-link").attr("href"));
        assertTrue(ws.select(".tags.resources a[href^=/def/resource/]").size() > 0, "resources link to /def/resource");
    }

    @Test
    void englishReadersSeeTheTranslationsMarkedBesideTheSource() throws Exception {
        Document ws = page("/doc/worksheet/" + F2I, "en");
        List<String> translations = column(
                "SELECT ?t WHERE { GRAPH ?g { ?s kk:translation ?t } }", "g", base + "graph/worksheet/" + F2I, "t");
        assertFalse(translations.isEmpty());
        Set<String> shown = new HashSet<>();
        ws.select("p.translation .translation-text").forEach(e -> shown.add(e.text()));
        for (String t : translations) {
            assertTrue(shown.contains(t) || ws.text().contains(t), "translation shown: " + t);
        }
        Element first = ws.selectFirst("#challenge p.translation");
        assertNotNull(first);
        assertNotNull(first.selectFirst(".badge.translation"));
        assertNotNull(ws.selectFirst("#challenge p.source-text[lang=ja]"), "the source stays beside it");

        // Items are named by their English labels (Cause 1, Measure 1), not the form's 原因① / 方策①.
        String english = "SELECT ?label WHERE { ?w kk:hasMeasure ?m . ?m kk:ordinal ?n ; rdfs:label ?label "
                + "FILTER(?n = 1 && lang(?label) = 'en') }";
        List<String> measure1 = column(english, "w", base + "id/worksheet/" + F2I, "label");
        assertEquals(List.of("Measure 1"), measure1);
        assertEquals(
                measure1.get(0),
                ws.selectFirst("#roles tr.role a[href=#measure-1]").text());
        List<String> cause1 =
                column(english.replace("kk:hasMeasure", "kk:hasCause"), "w", base + "id/worksheet/" + F2I, "label");
        assertEquals(List.of("Cause 1"), cause1);
        assertEquals(
                cause1.get(0),
                ws.selectFirst("#measure-1 .tags.addresses a[href=#cause-1]").text());
        String title = column("SELECT ?t WHERE { ?w kk:translation ?t }", "w", base + "id/worksheet/" + F2I, "t")
                .get(0);
        assertTrue(ws.title().startsWith(title), "the window title is the English one: " + ws.title());
    }

    @Test
    void syntheticWorksheetCarriesTheNotice() throws Exception {
        List<String> synthetic =
                column("SELECT ?w WHERE { ?w a kk:Worksheet ; kk:synthetic true } ORDER BY ?w", null, null, "w");
        assertFalse(synthetic.isEmpty(), "the demo data holds synthetic worksheets");
        String slug = synthetic.get(0).substring((base + "id/worksheet/").length());
        Document ws = page("/doc/worksheet/" + slug, null);
        assertNotNull(ws.selectFirst("#synthetic-notice .badge.synthetic"));
        assertTrue(ws.selectFirst("#worksheet").hasClass("synthetic"));
        Document seed = page("/doc/worksheet/" + F2I, null);
        assertEquals(null, seed.selectFirst("#synthetic-notice"));
    }

    @Test
    void areaPagesListTheirWorksheets() throws Exception {
        Document areas = page("/areas", null);
        assertEquals(47, areas.select("tr.count.prefecture").size());

        Document xxx = page("/doc/area/xxx", null);
        Set<String> listed = new HashSet<>();
        xxx.select("#area-worksheets a.worksheet-link").forEach(a -> listed.add(a.attr("href")));
        assertTrue(listed.contains("/doc/worksheet/" + F2I), listed.toString());
        assertEquals(
                count("SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a kk:Worksheet ; kk:area <" + base
                        + "id/area/xxx> }"),
                listed.size());

        List<QuerySolution> placed = rows(
                "SELECT ?w ?pref ?y WHERE { ?w a kk:Worksheet ; kk:area ?a ; "
                        + "kk:fiscalYear ?y . ?a kk:inPrefecture ?pref } ORDER BY ?w LIMIT 1",
                null,
                null);
        if (!placed.isEmpty()) {
            String pref = placed.get(0).getResource("pref").getURI();
            // The page lists the worksheets of one fiscal year (the latest unless asked otherwise).
            Document prefecture = page(
                    "/doc/area/pref/" + pref.substring(pref.lastIndexOf('/') + 1) + "?year="
                            + placed.get(0).getLiteral("y").getLexicalForm(),
                    null);
            String worksheet = placed.get(0).getResource("w").getURI();
            assertNotNull(prefecture.selectFirst("#area-worksheets a[href=/doc/worksheet/"
                    + worksheet.substring((base + "id/worksheet/").length()) + "]"));
            assertFalse(prefecture.select(".area-group .area-child").isEmpty(), "the prefecture lists its areas");
        }
        Document tokyo = page("/doc/area/pref/13", null);
        assertNotNull(tokyo.selectFirst("#within-Municipality a[href=/doc/area/muni/13101]"));
    }

    @Test
    void conceptPagesAndUnknownWorksheet() throws Exception {
        // The page lists one fiscal year, the latest by default; the worked example is of 2025.
        String latest = rows("SELECT (MAX(STR(?y)) AS ?max) WHERE { ?w kk:fiscalYear ?y }", null, null)
                .get(0)
                .getLiteral("max")
                .getString();
        Document byDefault = page("/def/function/f2-i", null);
        assertEquals(
                latest, byDefault.selectFirst("#year-select option[selected]").attr("value"));
        Document function = page("/def/function/f2-i?year=2025", null);
        assertEquals(
                "2025", function.selectFirst("#year-select option[selected]").attr("value"));
        assertNotNull(function.selectFirst("#function-worksheets a[href=/doc/worksheet/" + F2I + "]"));
        assertEquals("時間外診療", function.selectFirst(".label-ja").text());
        // A status lists one fiscal year's worksheets, the latest by default; the worked examples are of 2025.
        Document status = page("/def/status/example", null);
        assertEquals(latest, status.selectFirst("#year-select option[selected]").attr("value"));
        Document examples = page("/def/status/example?year=2025", null);
        assertEquals(
                count(PREFIXES + "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w kk:status "
                        + "<https://w3id.org/kakaritsuke/status/example> ; kk:fiscalYear ?y "
                        + "FILTER(STR(?y) = \"2025\") }"),
                examples.select("#status-worksheets a.worksheet-link").size());
        assertTrue(examples.select("#status-worksheets a.worksheet-link").size() >= 5);
        // The actor types count one fiscal year's measures and roles, the latest by default.
        Document actors = page("/actors", null);
        assertFalse(actors.select("tr.actor-row").isEmpty());
        assertEquals(latest, actors.selectFirst("#year-select option[selected]").attr("value"));
        for (String year : List.of(latest, "2025")) {
            Document inYear = year.equals(latest) ? actors : page("/actors?year=" + year, null);
            String ofYear = "?w kk:fiscalYear ?y FILTER(STR(?y) = \"" + year + "\") ";
            assertEquals(
                    count(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?m WHERE { " + ofYear
                            + "?w kk:hasMeasure ?m . ?m kk:involvesActor|kk:hasAction/kk:involvesActor ?a } }"),
                    columnSum(inYear, 2),
                    "measures per actor type in " + year);
            assertEquals(
                    count(PREFIXES + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { " + ofYear
                            + "?w kk:hasMeasure/kk:hasRoleAssignment ?r . ?r kk:assignedTo ?a }"),
                    columnSum(inYear, 3),
                    "roles per actor type in " + year);
        }
        // An actor type's page lists the measures and roles of one fiscal year's worksheets.
        Document actor = page("/def/actor/medical-association?year=2025", null);
        assertEquals("2025", actor.selectFirst("#year-select option[selected]").attr("value"));
        Set<String> listed = actor.select("tr.involvement-row td:first-child a").stream()
                .map(a -> a.attr("href"))
                .collect(Collectors.toSet());
        assertFalse(listed.isEmpty(), "the worked examples give roles to medical associations");
        Set<String> of2025 = column(
                        PREFIXES + "SELECT ?w WHERE { ?w kk:fiscalYear ?y FILTER(STR(?y) = \"2025\") }",
                        null,
                        null,
                        "w")
                .stream()
                .map(w -> "/doc/worksheet/" + w.substring((base + "id/worksheet/").length()))
                .collect(Collectors.toSet());
        assertTrue(of2025.containsAll(listed), "only 2025 worksheets: " + listed);
        page("/def/section/cause", null);
        page("/functions", null);

        mvc.perform(get("/doc/worksheet/no-such-worksheet").accept(MediaType.TEXT_HTML))
                .andExpect(result -> assertEquals(404, result.getResponse().getStatus()));
        mvc.perform(get("/def/function/f9").accept(MediaType.TEXT_HTML))
                .andExpect(result -> assertEquals(404, result.getResponse().getStatus()));
    }

    private static final String EVIDENCE_PREFIXES = PREFIXES + """
            PREFIX kkfac: <https://w3id.org/kakaritsuke/facility-function/>
            PREFIX kkcode: <https://w3id.org/kakaritsuke/code/>
            PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
            """;

    @Test
    void visionZonePageShowsPopulationDemandFacilitiesAndMap() throws Exception {
        String zone = "<" + base + "id/area/kousou/R7/0101>";
        Document page = page("/doc/area/kousou/R7/0101", null);
        long population = count(EVIDENCE_PREFIXES + "SELECT (SUM(?p) AS ?n) WHERE { ?o sdmx-dimension:refArea " + zone
                + " ; kk:ageBand kkcode:age-total ; kk:population ?p }");
        assertEquals(
                String.format(java.util.Locale.ROOT, "%,d", population),
                page.selectFirst("#population-total").text());
        assertTrue(page.selectFirst("#over65-share").text().endsWith("%"));
        assertEquals(6, page.select("#demand-chart g.bar").size(), "2024 and five projected years");
        assertEquals(5, page.select("#demand-chart g.bar.projection").size());
        assertTrue(
                page.selectFirst("#demand-rank").text().contains("339"),
                page.selectFirst("#demand-rank").text());
        long facilities =
                count(EVIDENCE_PREFIXES + "SELECT (COUNT(?f) AS ?n) WHERE { ?f kk:inVisionZone " + zone + " }");
        assertEquals(facilities, page.select("#facility-table tr.facility").size());
        long located = count(EVIDENCE_PREFIXES + "SELECT (COUNT(?f) AS ?n) WHERE { ?f kk:inVisionZone " + zone
                + " ; geo:lat ?lat }");
        assertEquals(located, page.select("#facility-map circle.facility-point").size());
        assertNotNull(page.selectFirst("#facility-map path.outline"));
        assertTrue(page.selectFirst("#area-facilities .caveat").text().contains("単純に比較"));
        long members =
                count(EVIDENCE_PREFIXES + "SELECT (COUNT(?m) AS ?n) WHERE { " + zone + " kk:coversMunicipality ?m }");
        assertEquals(members, page.select("#area-members li").size());

        Document homeCare = page("/doc/area/kousou/R7/0101?function=home-care-support", null);
        long withFunction = count(EVIDENCE_PREFIXES + "SELECT (COUNT(?f) AS ?n) WHERE { ?f kk:inVisionZone " + zone
                + " ; kk:designatedFunction kkfac:home-care-support }");
        assertEquals(
                withFunction, homeCare.select("#facility-table tr.facility").size());
        assertTrue(withFunction > 0);
        homeCare.select("#facility-table tr.facility td.functions")
                .forEach(td -> assertTrue(td.text().contains("在宅療養支援"), td.text()));
        assertEquals("true", homeCare.selectFirst("#facility-filters a.active").attr("aria-current"));
        assertEquals(
                "home-care-support",
                homeCare.selectFirst("#facility-filters a.active").attr("data-function"));
    }

    @Test
    void prefecturePageAggregatesItsZones() throws Exception {
        Document page = page("/doc/area/pref/24", "en");
        long population = count(EVIDENCE_PREFIXES + "SELECT (SUM(?p) AS ?n) WHERE { ?z kk:inPrefecture <" + base
                + "id/area/pref/24> ; a kk:VisionZone . ?o sdmx-dimension:refArea ?z ; kk:ageBand kkcode:age-total ;"
                + " kk:population ?p }");
        assertEquals(
                String.format(java.util.Locale.ROOT, "%,d", population),
                page.selectFirst("#population-total").text());
        long facilities = count(EVIDENCE_PREFIXES + "SELECT (COUNT(?f) AS ?n) WHERE { ?z kk:inPrefecture <" + base
                + "id/area/pref/24> . ?f kk:inVisionZone ?z }");
        assertEquals(
                Math.min(facilities, AreaEvidence.FACILITY_PAGE_SIZE),
                page.select("#facility-table tr.facility").size());
        assertTrue(page.selectFirst("#area-facilities h3").text().contains(Long.toString(facilities)));
        assertTrue(page.selectFirst("#area-evidence h2").text().contains("known"));
    }

    /**
     * 北海道 lists 700-odd institutions: the table shows them a page at a time, the next page holds the next rows, the
     * function filter stays in the pager's links, and every page stays far below 300 KB (the map still draws all).
     */
    @Test
    void prefectureFacilityTableIsPagedWithTheFilterKept() throws Exception {
        String hokkaido = "<" + base + "id/area/pref/01>";
        long all = count(EVIDENCE_PREFIXES + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?z kk:inPrefecture " + hokkaido
                + " ; a kk:VisionZone . ?f kk:inVisionZone ?z }");
        assertTrue(all > 2 * AreaEvidence.FACILITY_PAGE_SIZE, "北海道 lists " + all);
        MvcResult first = mvc.perform(get("/doc/area/pref/01").accept(MediaType.TEXT_HTML))
                .andReturn();
        int bytes = first.getResponse().getContentAsByteArray().length;
        assertTrue(bytes < 200_000, "page 1 of 北海道 is " + bytes + " bytes");
        Document page1 = Jsoup.parse(first.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertEquals(
                AreaEvidence.FACILITY_PAGE_SIZE,
                page1.select("#facility-table tr.facility").size());
        long located = count(EVIDENCE_PREFIXES + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?z kk:inPrefecture "
                + hokkaido + " ; a kk:VisionZone . ?f kk:inVisionZone ?z ; geo:lat ?lat }");
        assertEquals(
                located, page1.select("#facility-map circle.facility-point").size(), "the map draws them all");
        assertTrue(page1.selectFirst(".facility-pager .pager-range").text().startsWith(all + "件中 1〜50"));
        assertNull(page1.selectFirst(".facility-pager a[rel=prev]"));

        String next = page1.selectFirst(".facility-pager a[rel=next]").attr("href");
        assertEquals("/doc/area/pref/01?facilityPage=2#area-facilities", next);
        Document page2 = page(next.substring(0, next.indexOf('#')), null);
        List<String> names1 =
                page1.select("#facility-table tr.facility td:first-child").eachText();
        List<String> names2 =
                page2.select("#facility-table tr.facility td:first-child").eachText();
        assertEquals(AreaEvidence.FACILITY_PAGE_SIZE, names2.size());
        assertTrue(page2.selectFirst(".facility-pager .pager-range").text().contains("51〜100"));
        assertEquals(
                "/doc/area/pref/01#area-facilities",
                page2.selectFirst(".facility-pager a[rel=prev]").attr("href"));
        Set<String> both = new HashSet<>(names1);
        both.retainAll(names2);
        assertTrue(both.isEmpty(), "page 2 holds the next rows, not the same: " + both);

        // Filtered by a function, the whole list walked page by page is exactly the institutions with it.
        long homeCare = count(EVIDENCE_PREFIXES + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?z kk:inPrefecture "
                + hokkaido + " ; a kk:VisionZone . ?f kk:inVisionZone ?z ; kk:designatedFunction"
                + " kkfac:home-care-support }");
        assertTrue(homeCare > AreaEvidence.FACILITY_PAGE_SIZE, "在宅療養支援 in 北海道: " + homeCare);
        List<String> hrefs = new ArrayList<>();
        String href = "/doc/area/pref/01?function=home-care-support";
        int pages = 0;
        while (href != null) {
            Document p = page(href, null);
            pages++;
            for (Element row : p.select("#facility-table tr.facility")) {
                assertTrue(row.selectFirst("td.functions").text().contains("在宅療養支援"), row.text());
                hrefs.add(row.selectFirst("td a").attr("href"));
            }
            Element link = p.selectFirst(".facility-pager a[rel=next]");
            if (link != null) {
                assertTrue(link.attr("href").contains("function=home-care-support"), link.attr("href"));
            }
            href = link == null
                    ? null
                    : link.attr("href").substring(0, link.attr("href").indexOf('#'));
        }
        assertEquals(homeCare, hrefs.size());
        assertEquals(homeCare, new HashSet<>(hrefs).size());
        assertEquals((homeCare + AreaEvidence.FACILITY_PAGE_SIZE - 1) / AreaEvidence.FACILITY_PAGE_SIZE, pages);
    }

    /** The prefecture with the most institutions (東京都) and the one with the most located ones stay small too. */
    @Test
    void everyPrefecturePageStaysSmall() throws Exception {
        List<String> largest = column(EVIDENCE_PREFIXES + """
                SELECT ?p WHERE { { SELECT ?p (COUNT(DISTINCT ?f) AS ?n) WHERE { ?z kk:inPrefecture ?p ; a kk:VisionZone .
                  ?f kk:inVisionZone ?z } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1 }
                UNION { SELECT ?p (COUNT(DISTINCT ?f) AS ?n) WHERE { ?z kk:inPrefecture ?p ; a kk:VisionZone .
                  ?f kk:inVisionZone ?z ; geo:lat ?lat } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1 } }""", null, null, "p");
        for (String prefecture : new HashSet<>(largest)) {
            String path = "/doc/area/" + prefecture.substring((base + "id/area/").length());
            for (String lang : List.of("ja", "en")) {
                MvcResult result = mvc.perform(get(path).param("lang", lang).accept(MediaType.TEXT_HTML))
                        .andReturn();
                int bytes = result.getResponse().getContentAsByteArray().length;
                assertTrue(bytes < 200_000, path + " (" + lang + ") is " + bytes + " bytes");
            }
        }
    }

    /**
     * The home page's map: 47 prefecture shapes linked to their pages with a title each, a legend, a GET form that
     * switches the indicator, and values equal to the answers of the named queries the map is drawn from
     * ({@code prefecture-counts} for worksheets, synthetic ones left out on request; {@code prefecture-profiles} for
     * the 65+ share and the home-visit demand growth), the latter also equal to the prefecture page's figure.
     */
    @Test
    void homePageMapsThePrefecturesByTheIndicatorTheReaderPicks() throws Exception {
        Document home = page("/", null);
        Element map = home.selectFirst("#prefecture-map-section svg#prefecture-map");
        assertNotNull(map, "the home page has the map");
        assertEquals("worksheets", map.attr("data-indicator"), "worksheets by default");
        List<Element> shapes = map.select("a.prefecture");
        assertEquals(47, shapes.size());
        Set<String> codes = new HashSet<>();
        for (Element a : shapes) {
            String code = a.attr("data-code");
            codes.add(code);
            assertEquals("/doc/area/pref/" + code, a.attr("href"), code);
            assertTrue(a.selectFirst("path").attr("d").startsWith("M"), code + " has an outline");
            assertTrue(a.selectFirst("path").className().matches("shade-[0-5]"), code);
            assertFalse(a.selectFirst("title").text().isBlank(), code + " has a title");
        }
        assertEquals(47, codes.size());
        assertTrue(map.selectFirst("a.prefecture[data-code=47] path").attr("d").length() > 50, "沖縄県, in the inset");
        assertNotNull(map.selectFirst("rect.inset-box"));
        assertFalse(home.select("#map-legend li.legend-shade[data-shade=0]").isEmpty(), "no worksheet: grey");
        assertTrue(home.selectFirst("#map-source").text().contains("市区町村のシート"));

        Element form = home.selectFirst("form#map-indicator");
        assertEquals("get", form.attr("method"));
        assertEquals(
                List.of("worksheets", "over65", "home-visit-growth"),
                form.select("select[name=indicator] option").eachAttr("value"));
        assertNotNull(form.selectFirst("input[type=checkbox][name=hideSynthetic][value=true]"));

        List<QuerySolution> counts = named("prefecture-counts");
        QuerySolution withSynthetic = counts.stream()
                .filter(r -> r.getLiteral("syntheticWorksheetCount").getLong() > 0)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo data has synthetic worksheets in some prefecture"));
        String code = withSynthetic.getLiteral("prefectureCode").getString();
        long sourced = withSynthetic.getLiteral("sourcedWorksheetCount").getLong();
        long synthetic = withSynthetic.getLiteral("syntheticWorksheetCount").getLong();
        Element shape = map.selectFirst("a.prefecture[data-code=" + code + "]");
        assertEquals(String.valueOf(sourced + synthetic), shape.attr("data-value"));
        assertTrue(shape.selectFirst("title").text().contains((sourced + synthetic) + "件"));
        Document real = page("/?hideSynthetic=true", null);
        assertEquals(
                String.valueOf(sourced),
                real.selectFirst("#prefecture-map a.prefecture[data-code=" + code + "]")
                        .attr("data-value"),
                "synthetic worksheets left out");
        assertTrue(
                real.selectFirst("form#map-indicator input[name=hideSynthetic]").hasAttr("checked"));

        Map<String, QuerySolution> profiles = new java.util.HashMap<>();
        named("prefecture-profiles")
                .forEach(r -> profiles.put(r.getLiteral("prefectureCode").getString(), r));
        assertEquals(47, profiles.size(), "every prefecture has evidence");
        Document over65 = page("/?indicator=over65", "en");
        assertEquals("over65", over65.selectFirst("#prefecture-map").attr("data-indicator"));
        assertEquals(
                "over65", over65.selectFirst("#map-indicator option[selected]").attr("value"));
        Document growth = page("/?indicator=home-visit-growth", null);
        for (String c : List.of("13", "24", "47")) {
            String share = String.format(
                    java.util.Locale.ROOT,
                    "%.1f%%",
                    100 * profiles.get(c).getLiteral("share65").getDouble());
            Element s = over65.selectFirst("#prefecture-map a.prefecture[data-code=" + c + "]");
            assertEquals(share, s.attr("data-value"), c);
            assertTrue(
                    s.selectFirst("title").text().endsWith(": " + share),
                    s.selectFirst("title").text());
            assertEquals(
                    String.format(
                            java.util.Locale.ROOT,
                            "%+.1f%%",
                            100 * profiles.get(c).getLiteral("growth").getDouble()),
                    growth.selectFirst("#prefecture-map a.prefecture[data-code=" + c + "]")
                            .attr("data-value"),
                    c);
        }
        assertTrue(over65.selectFirst("#prefecture-map a.prefecture[data-code=13] title")
                .text()
                .startsWith("Tokyo"));
        assertEquals(
                over65.selectFirst("#prefecture-map a.prefecture[data-code=24]").attr("data-value"),
                page("/doc/area/pref/24", "en").selectFirst("#over65-share").text(),
                "the map and the prefecture page agree");
        assertEquals(5, over65.select("#map-legend li.legend-shade").size(), "five quintiles, every prefecture valued");
        assertTrue(over65.selectFirst("#map-source").text().contains("census"));
        assertTrue(growth.selectFirst("#prefecture-map-section .caveat").text().contains("患者数ではありません"));

        MvcResult bad = mvc.perform(get("/").param("indicator", "nope").accept(MediaType.TEXT_HTML))
                .andReturn();
        assertEquals(400, bad.getResponse().getStatus(), "an unknown indicator is refused");
    }

    /** The rows of the named query {@code name} (its file under {@code queries/}) over the store. */
    private List<QuerySolution> named(String name) throws Exception {
        String text = java.nio.file.Files.readString(Path.of("queries", name + ".rq"));
        ResultSetRewindable rs =
                store.select(QueryFactory.create(text), new QuerySolutionMap(), Duration.ofSeconds(30));
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void workedExamplesSayEvidenceAppearsOnceAnAreaIsChosen() throws Exception {
        Document page = page("/doc/worksheet/mhlw-2025-f2-ro", null);
        assertTrue(page.selectFirst("#evidence-placeholder").text().contains("XXX地域"));
        assertTrue(page.select(".measure-evidence-link").isEmpty());
    }

    @Test
    void worksheetOfARealAreaLinksMeasureOneToTheAreasHomeCareSupportInstitutions() throws Exception {
        List<String> worksheets = column(EVIDENCE_PREFIXES + """
                SELECT ?w WHERE { ?w a kk:Worksheet ; kk:function <https://w3id.org/kakaritsuke/function/f2-ro> ;
                  kk:area ?z ; kk:hasMeasure ?m . ?z a kk:VisionZone .
                  ?m kk:ordinal ?o ; kk:usesResource <https://w3id.org/kakaritsuke/resource/backup-beds> . FILTER (?o = 1) }
                ORDER BY ?w LIMIT 1""", null, null, "w");
        assertEquals(1, worksheets.size(), "the demo data has a 入退院支援 worksheet of a 構想区域");
        String slug = worksheets.get(0).substring((base + "id/worksheet/").length());
        Document page = page("/doc/worksheet/" + slug, null);
        assertNotNull(page.selectFirst("#evidence-panel .evidence-area-link"));
        assertTrue(page.select("#evidence-panel .evidence-function a").size() >= 2);
        Element link =
                page.selectFirst(".measure[data-ordinal=1] .measure-evidence-link[href*=function=home-care-support]");
        assertNotNull(link, "方策① uses 後方支援病床, to which 在宅療養支援 is related");
        String href = link.attr("href");
        Document facilities = page(href.substring(0, href.indexOf('#')), null);
        assertTrue(facilities.select("#facility-table tr.facility").size() > 0);
        facilities
                .select("#facility-table tr.facility td.functions")
                .forEach(td -> assertTrue(td.text().contains("在宅療養支援"), td.text()));
    }

    @Test
    void gapAnalysisListsZonesThatSignalNeedAndFallShortWithSourcesAndCaveats() throws Exception {
        Document fn = page("/def/function/f2-ha", null);
        assertEquals("/gaps?function=f2-ha", fn.selectFirst("#function-gaps a").attr("href"));
        Document page = page("/gaps?function=f2-ha", null);
        List<Element> rows = page.select("#gap-table tr.gap");
        assertFalse(rows.isEmpty(), "the demo data leaves most zones without a home-medical-care worksheet");
        long zones = count(EVIDENCE_PREFIXES + "SELECT (COUNT(?z) AS ?n) WHERE { ?z a kk:VisionZone }");
        long top = (zones - 1) / 4 + 1;
        for (Element row : rows) {
            String growthRank = row.selectFirst("td.growth-rank").text();
            boolean signal = Long.parseLong(row.selectFirst("td.share65-rank").text()) <= top
                    || (!growthRank.equals("—") && Long.parseLong(growthRank) <= top);
            assertTrue(signal, row.text());
            String zone = "<" + base + "id/area/kousou/R7/" + row.attr("data-area") + ">";
            long worksheets = count(EVIDENCE_PREFIXES + "SELECT (COUNT(?w) AS ?n) WHERE { ?w a kk:Worksheet ;"
                    + " kk:function <https://w3id.org/kakaritsuke/function/f2-ha> ; kk:area ?a ."
                    + " FILTER (?a = " + zone + " || EXISTS { " + zone + " kk:coversMunicipality ?a }) }");
            if (row.hasClass("no-worksheet")) {
                assertEquals(0, worksheets, row.text());
            } else {
                assertTrue(row.selectFirst(".unaddressed").text().matches(".*[1-9].*"), row.text());
            }
        }
        // The page ranks in Java what queries/gap-analysis.rq ranks in SPARQL: the same zones, worksheets and gaps.
        QuerySolutionMap function = new QuerySolutionMap();
        function.add("function", ResourceFactory.createResource("https://w3id.org/kakaritsuke/function/f2-ha"));
        ResultSetRewindable answer = store.select(
                jp.kakaritsuke.kb.query.NamedQueryCatalog.query("gap-analysis"), function, Duration.ofMinutes(2));
        List<String> expected = new ArrayList<>();
        answer.forEachRemaining(r -> expected.add(r.getLiteral("areaCode").getLexicalForm() + " "
                + r.getLiteral("gap").getLexicalForm() + " "
                + (r.contains("worksheet") ? r.getResource("worksheet").getURI() : "")));
        List<String> shown = new ArrayList<>();
        for (Element row : rows) {
            Element worksheet = row.selectFirst("a.gap-worksheet");
            shown.add(row.attr("data-area") + " "
                    + (row.hasClass("no-worksheet") ? "no-worksheet" : "unaddressed-causes") + " "
                    + (worksheet == null
                            ? ""
                            : base + "id/" + worksheet.attr("href").substring("/doc/".length())));
        }
        assertEquals(expected, shown);
        assertTrue(page.select("#gaps p.source").text().contains("国勢調査"));
        assertTrue(page.select("#gaps p.source").text().contains("患者数ではない"));
        Document en = page("/gaps?function=f2-ha", "en");
        assertTrue(
                en.selectFirst("h1").text().startsWith("Gap analysis"),
                en.selectFirst("h1").text());
        mvc.perform(get("/gaps").param("function", "f9").accept(MediaType.TEXT_HTML))
                .andExpect(result -> assertEquals(404, result.getResponse().getStatus()));
    }

    @Test
    void visionZonePageShowsTheFiveZonesMostLikeItAndTheMeasuresTheyChose() throws Exception {
        Document page = page("/doc/area/kousou/R7/1203", null);
        List<Element> rows = page.select("#like-table tr.like-area");
        assertEquals(5, rows.size());
        double last = 0;
        for (Element row : rows) {
            String href = row.selectFirst("a.like-area-link").attr("href");
            assertTrue(href.startsWith("/doc/area/kousou/R7/") && !href.endsWith("/1203"), href);
            double distance = Double.parseDouble(row.selectFirst("td.distance").text());
            assertTrue(distance >= last, "nearest first");
            last = distance;
            String zone = "<" + base + "id/area/" + href.substring("/doc/area/".length()) + ">";
            long measures = count(EVIDENCE_PREFIXES + "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?w a kk:Worksheet ;"
                    + " kk:area ?a ; kk:hasMeasure ?m . FILTER (?a = " + zone + " || EXISTS { " + zone
                    + " kk:coversMunicipality ?a }) }");
            assertEquals(measures, row.select("li.like-measure").size(), href);
        }
        assertTrue(page.selectFirst("#areas-like-this p.source").text().contains("患者数ではない"));
    }

    @Test
    void searchingAPlaceNameFindsTheMunicipalityAndItsZone() throws Exception {
        Document matsudo = search("松戸");
        Element city = matsudo.selectFirst("#search-areas li[data-code=12207]");
        assertNotNull(city, "松戸市");
        assertEquals(
                "/doc/area/kousou/R7/1203",
                city.selectFirst("a.search-area-zone").attr("href"));
        Element hakodate = search("函館").selectFirst("#search-areas li[data-code=01202]");
        assertNotNull(hakodate, "函館市");
        assertEquals("南渡島", hakodate.selectFirst("a.search-area-zone").text());
        Element zone = search("南渡島").selectFirst("#search-areas li[data-kind=vision-zone]");
        assertEquals(
                "/doc/area/kousou/R7/0101",
                zone.selectFirst("a.search-area-link").attr("href"));

        MvcResult json = mvc.perform(get("/areas/lookup").param("q", "函館").accept(MediaType.APPLICATION_JSON))
                .andReturn();
        assertEquals(200, json.getResponse().getStatus());
        String body = json.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"href\":\"/doc/area/muni/01202\""), body);
        assertTrue(body.contains("\"href\":\"/doc/area/kousou/R7/0101\""), body);
        mvc.perform(get("/areas/lookup").param("q", "あ".repeat(51)).accept(MediaType.APPLICATION_JSON))
                .andExpect(result -> assertEquals(400, result.getResponse().getStatus()));
    }

    private Document search(String q) throws Exception {
        MvcResult result = mvc.perform(get("/search").param("q", q).accept(MediaType.TEXT_HTML))
                .andReturn();
        assertEquals(200, result.getResponse().getStatus(), q);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * The print for the meeting: every worked example is one A4 landscape page in the PDF rendered on the server, with
     * the Japanese font embedded and the header and boxes of 別添６; asked for the roles, a second page.
     */
    @Test
    void theWorksheetPrintsOnOneA4LandscapePage() throws Exception {
        for (String slug : List.of("mhlw-2025-f1", F2I, "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni")) {
            MvcResult result =
                    mvc.perform(get("/doc/worksheet/" + slug + "/print.pdf")).andReturn();
            assertEquals(200, result.getResponse().getStatus(), slug);
            assertEquals("application/pdf", result.getResponse().getContentType());
            try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
                assertEquals(1, pdf.getNumberOfPages(), slug + " prints on one page");
                PDRectangle size = pdf.getPage(0).getMediaBox();
                assertEquals(841.89, size.getWidth(), 1.0, "A4 landscape width (pt)");
                assertEquals(595.28, size.getHeight(), 1.0, "A4 landscape height (pt)");
                // IPAex Gothic shares glyphs between ideographs and Kangxi radicals (方 and ⽅): compare after NFKC.
                String text = java.text.Normalizer.normalize(
                        new PDFTextStripper().getText(pdf), java.text.Normalizer.Form.NFKC);
                assertTrue(text.contains("（１）") || text.contains("(1)"), text);
                assertTrue(text.contains("原因1") && text.contains("方策1"), slug + " (①, after NFKC): " + text);
                boolean embedded = false;
                for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                    PDFont font = pdf.getPage(0).getResources().getFont(name);
                    embedded |= font.getName().contains("IPAex") && font.isEmbedded();
                }
                assertTrue(embedded, "the Japanese font is embedded");
            }
        }
        MvcResult full = mvc.perform(get("/doc/worksheet/" + F2I + "/print.pdf").param("full", "true"))
                .andReturn();
        try (PDDocument pdf = Loader.loadPDF(full.getResponse().getContentAsByteArray())) {
            assertEquals(2, pdf.getNumberOfPages(), "roles and indicators on a second page when asked for");
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            String page2 = java.text.Normalizer.normalize(second.getText(pdf), java.text.Normalizer.Form.NFKC);
            assertTrue(page2.contains("ロジックモデル") && page2.contains("期待できる効果"), "the logic model: " + page2);
        }
        Document print = page("/doc/worksheet/mhlw-2025-f2-ha/print", null);
        assertTrue(print.selectFirst("style").data().contains("size: A4 landscape"));
        assertTrue(
                print.selectFirst("#print-fiscal-year").text().contains("2025"),
                print.selectFirst("#print-fiscal-year").text());
        assertNotNull(print.selectFirst("#print-area"));
        assertNotNull(print.selectFirst("#print-status"));
        assertTrue(
                print.selectFirst("#print-source").text().contains("かかりつけ医機能"),
                print.selectFirst("#print-source").text());
        assertTrue(print.select("#print-measures li").size() > 0, "the ✓ actions");
        assertEquals(null, print.selectFirst("#print-page2"));
    }

    private Document page(String path, String lang) throws Exception {
        var request = get(path).accept(MediaType.TEXT_HTML);
        if (lang != null) {
            request = request.param("lang", lang);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertEquals(200, result.getResponse().getStatus(), path);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static long number(Document page, String selector) {
        Element e = page.selectFirst(selector);
        assertNotNull(e, selector);
        return Long.parseLong(e.text().strip());
    }

    /** The sum of the {@code column}th cells (from 1) of the actor rows. */
    private static long columnSum(Document actors, int column) {
        return actors.select("tr.actor-row td:nth-of-type(" + column + ")").stream()
                .mapToLong(td -> Long.parseLong(td.text()))
                .sum();
    }

    private long count(String select) {
        return rows(select, null, null).get(0).getLiteral("n").getLong();
    }

    private List<String> column(String select, String var, String iri, String column) {
        List<String> values = new ArrayList<>();
        for (QuerySolution row : rows(select, var, iri)) {
            var node = row.get(column);
            values.add(
                    node.isLiteral()
                            ? node.asLiteral().getLexicalForm()
                            : node.asResource().getURI());
        }
        return values;
    }

    private List<QuerySolution> rows(String select, String var, String iri) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        if (var != null) {
            bindings.add(var, ResourceFactory.createResource(iri));
        }
        ResultSetRewindable rs = store.select(QueryFactory.create(PREFIXES + select), bindings, Duration.ofSeconds(30));
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }
}
