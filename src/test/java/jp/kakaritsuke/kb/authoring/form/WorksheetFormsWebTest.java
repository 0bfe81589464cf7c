package jp.kakaritsuke.kb.authoring.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The worksheet forms over the whole app (MockMvc, TDB2 in a temporary directory, shipped seed and area data): the
 * Tokyo editor starts a worksheet from the 時間外診療 example, edits it, and meets the shapes' messages at their
 * fields; a save keeps what the author did not change (the worked examples' and demo worksheets' graphs survive a
 * save without changes, one edit changes its statements only, an action takes its resources and actors along); who
 * may not edit is turned away; a request without the CSRF token writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorksheetFormsWebTest {

    static final String PASSWORD = "forms-test-password";
    static final String F2I = "mhlw-2025-f2-i";
    static final String PROV = "http://www.w3.org/ns/prov#";

    @TempDir
    static Path tdb2;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> tdb2.resolve("db").toString());
        registry.add("kb.data.include-demo", () -> "false");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        String[][] users = {{"editor13", "EDITOR", "13"}, {"editor27", "EDITOR", "27"}, {"admin", "ADMIN", ""}};
        for (int i = 0; i < users.length; i++) {
            String[] user = users[i];
            registry.add("kb.security.users[" + i + "].name", () -> user[0]);
            registry.add("kb.security.users[" + i + "].password", () -> hash);
            registry.add("kb.security.users[" + i + "].roles", () -> user[1]);
            registry.add("kb.security.users[" + i + "].prefectures", () -> user[2]);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    @Autowired
    WorksheetRepository repository;

    @Value("${kb.base-iri}")
    String base;

    // ------------------------------------------------------------------------------------------------ creating

    private Set<String> startOptions(org.springframework.test.web.servlet.RequestBuilder form) throws Exception {
        return new HashSet<>(page(mvc.perform(form).andReturn(), 200)
                .select("select#start-other-worksheet option")
                .eachAttr("value"));
    }

    @Test
    void tokyoEditorCreatesADraftFromTheOutOfHoursExample() throws Exception {
        MockHttpSession tokyo = login("editor13");
        Document form = page(mvc.perform(get("/worksheets/new").session(tokyo)).andReturn(), 200);
        Set<String> areas = new HashSet<>(form.select("select#area option").eachAttr("value"));
        assertTrue(areas.contains(base + "id/area/pref/13"), "Tokyo itself is offered");
        assertTrue(areas.contains(base + "id/area/muni/13101"), "a Tokyo municipality is offered");
        assertFalse(areas.stream().anyMatch(a -> a.endsWith("/pref/27")), "Osaka is not offered to Tokyo's editor");
        assertEquals(
                Set.of("13"),
                new HashSet<>(
                        form.select("select#prefecture option[value~=\\d\\d]").eachAttr("value")));
        assertNotNull(form.selectFirst("input#start-" + F2I));

        String slug = create(tokyo);
        // The worksheets to start from are the prefecture's, of every year: bounded by it, not by the data.
        assertTrue(startOptions(get("/worksheets/new").session(tokyo)).contains(slug));
        MockHttpSession admin = login("admin");
        assertFalse(startOptions(get("/worksheets/new?prefecture=27").session(admin))
                .contains(slug));
        // A worksheet's page links to the form with it as the start, wherever it is.
        String startLink = page(
                        mvc.perform(get("/doc/worksheet/" + slug).session(admin))
                                .andReturn(),
                        200)
                .selectFirst("a#start-from-worksheet")
                .attr("href");
        Document fromTokyo = page(
                mvc.perform(get(startLink + "&prefecture=27").session(admin)).andReturn(), 200);
        assertEquals(
                slug,
                fromTokyo
                        .selectFirst("select#start-other-worksheet option[selected]")
                        .val());
        assertNotNull(fromTokyo.selectFirst("input#start-other[checked]"));
        Graph created = store.graph(base + "graph/worksheet/" + slug);
        // Outside the prefecture's list, the start is still named by its title and area, not by its slug.
        String title = created.find(
                        NodeFactory.createURI(base + "id/worksheet/" + slug), DCTerms.title.asNode(), Node.ANY)
                .next()
                .getObject()
                .getLiteralLexicalForm();
        assertEquals(
                title + " — 東京都",
                fromTokyo
                        .selectFirst("select#start-other-worksheet option[selected]")
                        .text());
        assertTrue(
                created.isIsomorphicWith(expectedCopy(slug)),
                "the items are copied verbatim, renamed, with the new header and no interpretation");
        assertFalse(created.contains(Node.ANY, RDF.type.asNode(), KK.Interpretation.asNode()));
        assertFalse(created.contains(Node.ANY, KK.synthetic.asNode(), Node.ANY));
        assertEquals(1, repository.history(slug).size());
        assertEquals("editor13", repository.history(slug).get(0).user());
    }

    /** What starting from the example must give: its items renamed, no attribution, a new header. */
    private Graph expectedCopy(String slug) {
        String from = base + "id/worksheet/" + F2I;
        String to = base + "id/worksheet/" + slug;
        Graph seed = store.graph(base + "graph/worksheet/" + F2I);
        Set<Node> items = new HashSet<>();
        for (Node type : List.of(
                KK.Challenge.asNode(),
                KK.Cause.asNode(),
                KK.TargetState.asNode(),
                KK.Measure.asNode(),
                KK.RoleAssignment.asNode(),
                KK.ExpectedEffect.asNode())) {
            seed.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> items.add(t.getSubject()));
        }
        UnaryOperator<Node> rename = n -> n.isURI() && n.getURI().startsWith(from + "/")
                ? uri(to + n.getURI().substring(from.length()))
                : n;
        Graph expected = GraphFactory.createDefaultGraph();
        Node ws = uri(to);
        for (Triple t : seed.find().toList()) {
            if (items.contains(t.getSubject()) && !t.getPredicate().getURI().equals(PROV + "wasAttributedTo")) {
                expected.add(rename.apply(t.getSubject()), t.getPredicate(), rename.apply(t.getObject()));
            }
            if (t.getSubject().getURI().equals(from) && items.contains(t.getObject())) {
                expected.add(ws, t.getPredicate(), rename.apply(t.getObject()));
            }
        }
        String titleJa = "東京都におけるかかりつけ医機能の課題について（時間外診療）";
        String titleEn = "Challenges of family-doctor functions in Tokyo (out-of-hours care)";
        expected.add(ws, RDF.type.asNode(), KK.Worksheet.asNode());
        expected.add(ws, KK.area.asNode(), uri(base + "id/area/pref/13"));
        expected.add(ws, KK.function.asNode(), uri("https://w3id.org/kakaritsuke/function/f2-i"));
        expected.add(ws, KK.status.asNode(), uri("https://w3id.org/kakaritsuke/status/draft"));
        expected.add(ws, KK.fiscalYear.asNode(), NodeFactory.createLiteralDT("2026", XSDDatatype.XSDgYear));
        expected.add(ws, DCTerms.title.asNode(), NodeFactory.createLiteralLang(titleJa, "ja"));
        expected.add(ws, KK.translation.asNode(), NodeFactory.createLiteralLang(titleEn, "en"));
        expected.add(ws, RDFS.label.asNode(), NodeFactory.createLiteralLang(titleJa, "ja"));
        expected.add(ws, RDFS.label.asNode(), NodeFactory.createLiteralLang(titleEn, "en"));
        expected.add(ws, KK.template.asNode(), uri(base + "id/template/betten6"));
        expected.add(ws, uri(PROV + "wasDerivedFrom"), uri(from));
        return expected;
    }

    // ------------------------------------------------------------------------------------------------- editing

    @Test
    void addingACauseReorderingMeasuresAndLinkingSavesTheExpectedGraph() throws Exception {
        MockHttpSession tokyo = login("editor13");
        String slug = create(tokyo);
        String ws = base + "id/worksheet/" + slug;
        Graph before = store.graph(base + "graph/worksheet/" + slug);

        Document page = editPage(slug, tokyo);
        assertEquals(2, page.select("#causes .edit-item.cause").size());
        page = op(slug, tokyo, fields(page), "add-cause");
        assertNotNull(page.selectFirst("#cause-3-text"), "the added cause has its fields");
        MultiValueMap<String, String> fields = fields(page);
        fields.set("causes[2].ja", "夜間に相談できる窓口が住民に知られていない。");
        fields.set("causes[2].en", "Residents do not know where to call at night.");
        // Measure 1 addresses the new cause too: its checkbox carries the new cause's key.
        Element box = page.selectFirst("#measure-1-addresses-3");
        fields.add("measures[0].addresses", box.attr("value"));
        page = op(slug, tokyo, fields, "measure-1-down");
        assertTrue(page.selectFirst("#measure-2-addresses-3").hasAttr("checked"), "the link moves with the measure");
        fields = fields(page);
        fields.set("comment", "cause 3; measures swapped");
        MvcResult saved = save(slug, tokyo, fields);
        assertEquals(302, saved.getResponse().getStatus(), () -> body(saved));
        assertEquals(
                "/doc/worksheet/" + slug + "/edit?saved=2", saved.getResponse().getRedirectedUrl());

        Graph expected = swapMeasures(before, ws);
        Node cause3 = uri(ws + "/cause/3");
        expected.add(uri(ws), KK.hasCause.asNode(), cause3);
        expected.add(cause3, RDF.type.asNode(), KK.Cause.asNode());
        expected.add(cause3, RDFS.label.asNode(), NodeFactory.createLiteralLang("原因③", "ja"));
        expected.add(cause3, RDFS.label.asNode(), NodeFactory.createLiteralLang("Cause 3", "en"));
        expected.add(cause3, KK.ordinal.asNode(), NodeFactory.createLiteralDT("3", XSDDatatype.XSDpositiveInteger));
        expected.add(cause3, KK.text.asNode(), NodeFactory.createLiteralLang("夜間に相談できる窓口が住民に知られていない。", "ja"));
        expected.add(
                cause3,
                KK.translation.asNode(),
                NodeFactory.createLiteralLang("Residents do not know where to call at night.", "en"));
        expected.add(cause3, KK.explains.asNode(), uri(ws + "/challenge"));
        expected.add(uri(ws + "/measure/2"), KK.addresses.asNode(), cause3);
        Graph after = store.graph(base + "graph/worksheet/" + slug);
        assertTrue(after.isIsomorphicWith(expected), "saved graph differs from the expected one");
        assertEquals(
                "cause 3; measures swapped", repository.history(slug).get(1).comment());

        Document reread = editPage(slug, tokyo);
        assertEquals(
                "夜間に相談できる窓口が住民に知られていない。", reread.selectFirst("#cause-3-text").text());
        assertTrue(reread.selectFirst("#save-notice") == null, "no notice without ?saved");
    }

    /** {@code before} with measures 1 and 2 (and their actions and roles) exchanged, labels following. */
    private static Graph swapMeasures(Graph before, String ws) {
        String m1 = ws + "/measure/1";
        String m2 = ws + "/measure/2";
        UnaryOperator<Node> swap = n -> {
            if (!n.isURI()) {
                return n;
            }
            String iri = n.getURI();
            if (iri.equals(m1) || iri.startsWith(m1 + "/")) {
                return uri(m2 + iri.substring(m1.length()));
            }
            if (iri.equals(m2) || iri.startsWith(m2 + "/")) {
                return uri(m1 + iri.substring(m2.length()));
            }
            return n;
        };
        Graph expected = GraphFactory.createDefaultGraph();
        for (Triple t : before.find().toList()) {
            Node s = swap.apply(t.getSubject());
            boolean measure = s.getURI().equals(m1) || s.getURI().equals(m2);
            Pattern role = Pattern.compile(Pattern.quote(ws) + "/measure/(\\d)/role/(\\d)");
            Matcher r = role.matcher(s.getURI());
            if (t.getPredicate().equals(RDFS.label.asNode()) && (measure || r.matches())) {
                continue;
            }
            if (t.getPredicate().equals(KK.ordinal.asNode()) && measure) {
                continue;
            }
            expected.add(s, t.getPredicate(), swap.apply(t.getObject()));
        }
        for (int m = 1; m <= 2; m++) {
            Node node = uri(ws + "/measure/" + m);
            String mark = m == 1 ? "①" : "②";
            expected.add(node, RDFS.label.asNode(), NodeFactory.createLiteralLang("方策" + mark, "ja"));
            expected.add(node, RDFS.label.asNode(), NodeFactory.createLiteralLang("Measure " + m, "en"));
            expected.add(
                    node,
                    KK.ordinal.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(m), XSDDatatype.XSDpositiveInteger));
            for (int k = 1; k <= 2; k++) {
                Node r = uri(ws + "/measure/" + m + "/role/" + k);
                expected.add(r, RDFS.label.asNode(), NodeFactory.createLiteralLang("方策" + mark + "の役割分担" + k, "ja"));
                expected.add(
                        r, RDFS.label.asNode(), NodeFactory.createLiteralLang("Measure " + m + ", role " + k, "en"));
            }
        }
        return expected;
    }

    // ------------------------------------------------------------------------------------- what a save keeps

    /**
     * Saving the form as the editor shows it, changing nothing, leaves the worksheet's graph as it was — every
     * statement, the form's and the others: the resources and actors of each measure and ✓ action, the editors'
     * interpretations beside the source text, notes, sources, attributions, the logic model's links. Nothing is
     * excluded from the comparison: a save adds no metadata to the worksheet's graph (who saved when is recorded in
     * the history graph), and a save that changes nothing records no version. The worksheets: the five worked examples
     * moved to Tokyo as drafts (they cannot be edited where they are), the shipped demo worksheets of Tokyo's zones,
     * and one of those with literals the form shows otherwise than they are stored (a second wording in English, a
     * {@code ja-JP} tag, a line break ending a source text, a value typed {@code xsd:double}); each is stored as it
     * is through the repository first.
     */
    @Test
    void aSaveWithoutChangesKeepsEveryStatementOfTheWorksheet() throws Exception {
        MockHttpSession tokyo = login("editor13");
        Map<String, Graph> worksheets = new LinkedHashMap<>();
        for (String example : EXAMPLES) {
            String slug = "pref-13-2026-kept-" + example.substring("mhlw-2025-".length());
            worksheets.put(slug, movedToTokyo(example, slug));
        }
        Map<String, Graph> demo = tokyoDemoWorksheets();
        assertFalse(demo.isEmpty(), "the demo data has worksheets of Tokyo's zones");
        worksheets.putAll(demo);
        worksheets.put("pref-13-2026-kept-unshown", withWhatTheFormDoesNotShow(demo, "pref-13-2026-kept-unshown"));
        int actionLinks = 0;
        int interpretations = 0;
        Map<String, Set<Triple>> lost = new TreeMap<>();
        Map<String, Set<Triple>> added = new TreeMap<>();
        for (Map.Entry<String, Graph> e : worksheets.entrySet()) {
            String slug = e.getKey();
            repository.save(slug, e.getValue(), Author.admin("admin"), "as shipped");
            Graph before = copyOf(store.graph(base + "graph/worksheet/" + slug));
            assertTrue(
                    before.isIsomorphicWith(e.getValue()),
                    () -> slug + " stored as it is; lost " + difference(e.getValue(), before) + ", added "
                            + difference(before, e.getValue()));
            actionLinks += actionLinks(before);
            interpretations += before.find(Node.ANY, RDF.type.asNode(), KK.Interpretation.asNode())
                    .toList()
                    .size();
            int version = repository.currentVersion(slug);

            MvcResult saved = save(slug, tokyo, fields(editPage(slug, tokyo)));
            assertEquals(302, saved.getResponse().getStatus(), () -> body(saved));
            Graph after = store.graph(base + "graph/worksheet/" + slug);
            if (!difference(before, after).isEmpty()) {
                lost.put(slug, difference(before, after));
            }
            if (!difference(after, before).isEmpty()) {
                added.put(slug, difference(after, before));
            }
            if (after.isIsomorphicWith(before)) {
                assertEquals(version, repository.currentVersion(slug), slug + ": no new version for no change");
            }
        }
        assertTrue(lost.isEmpty() && added.isEmpty(), () -> "a no-change save lost " + lost + "\nand added " + added);
        assertTrue(actionLinks > 0, "the worksheets' actions use resources and involve actors");
        assertTrue(interpretations > 0, "the worksheets carry interpretations");
    }

    /**
     * Editing one field changes the statements it edits and nothing else: a cause's wording (its translation, left as
     * it was, is marked outdated by the one rule of {@code TranslationFreshness}), an action's translation, a resource
     * ticked for an action, an actor unticked (the editors' interpretation of that link goes with it).
     */
    @Test
    void editingOneFieldChangesOnlyTheStatementsItEdits() throws Exception {
        MockHttpSession tokyo = login("editor13");
        String slug = "pref-13-2026-edited-f1";
        String ws = base + "id/worksheet/" + slug;
        repository.save(slug, movedToTokyo("mhlw-2025-f1", slug), Author.admin("admin"), "as shipped");
        Node cause2 = uri(ws + "/cause/2");
        Node action1 = uri(ws + "/measure/1/action/1");
        Node action2 = uri(ws + "/measure/1/action/2");

        Graph before = copyOf(store.graph(base + "graph/worksheet/" + slug));
        MultiValueMap<String, String> fields = fields(editPage(slug, tokyo));
        String oldText = fields.getFirst("causes[1].ja");
        String newText = oldText + "特に夜間や休日に分からない。";
        fields.set("causes[1].ja", newText);
        Graph after = saved(slug, tokyo, fields);
        assertEquals(Set.of(Triple.create(cause2, KK.text.asNode(), ja(oldText))), difference(before, after));
        assertEquals(
                Set.of(
                        Triple.create(cause2, KK.text.asNode(), ja(newText)),
                        Triple.create(
                                cause2,
                                KK.translationOutdated.asNode(),
                                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean))),
                difference(after, before));

        before = after;
        fields = fields(editPage(slug, tokyo));
        String oldEn = fields.getFirst("measures[0].actions[1].en");
        fields.set("measures[0].actions[1].en", "Each institution explains its own family-doctor functions.");
        after = saved(slug, tokyo, fields);
        assertEquals(
                Set.of(Triple.create(action2, KK.translation.asNode(), NodeFactory.createLiteralLang(oldEn, "en"))),
                difference(before, after));
        assertEquals(
                Set.of(Triple.create(
                        action2,
                        KK.translation.asNode(),
                        NodeFactory.createLiteralLang(
                                "Each institution explains its own family-doctor functions.", "en"))),
                difference(after, before));

        before = after;
        Document page = editPage(slug, tokyo);
        Element unticked = page.selectFirst("#measure-1-action-2-resources input[type=checkbox]:not([checked])");
        assertNotNull(unticked, "the action's resources are offered in the form");
        fields = fields(page);
        fields.add("measures[0].actions[1].resources", unticked.val());
        after = saved(slug, tokyo, fields);
        assertEquals(Set.of(), difference(before, after));
        assertEquals(
                Set.of(Triple.create(action2, KK.usesResource.asNode(), uri(unticked.val()))),
                difference(after, before));

        before = after;
        page = editPage(slug, tokyo);
        String institution = "https://w3id.org/kakaritsuke/actor/medical-institution";
        assertEquals(
                List.of(institution),
                page.select("#measure-1-action-1-actors input[checked]").eachAttr("value"),
                "the action's actors are ticked in the form");
        fields = fields(page);
        fields.get("measures[0].actions[0].actors").remove(institution);
        after = saved(slug, tokyo, fields);
        Triple link = Triple.create(action1, KK.involvesActor.asNode(), uri(institution));
        Set<Triple> gone = new HashSet<>(Set.of(link));
        for (Node interpretation : interpretationsOf(before, link)) {
            gone.addAll(before.find(interpretation, Node.ANY, Node.ANY).toList());
        }
        assertTrue(gone.size() > 1, "the link has an interpretation");
        assertEquals(gone, difference(before, after));
        assertEquals(Set.of(), difference(after, before));
    }

    /**
     * An action's resources and actors, and the editors' interpretations of them, follow the action when it moves
     * and go with it when it is removed; the actions after it are renumbered with theirs.
     */
    @Test
    void anActionsResourcesAndActorsFollowItWhenMovedAndGoWithItWhenRemoved() throws Exception {
        MockHttpSession tokyo = login("editor13");
        String slug = "pref-13-2026-moved-f1";
        String measure = base + "id/worksheet/" + slug + "/measure/1";
        repository.save(slug, movedToTokyo("mhlw-2025-f1", slug), Author.admin("admin"), "as shipped");
        Graph before = copyOf(store.graph(base + "graph/worksheet/" + slug));
        List<String> firstActors = before.find(uri(measure + "/action/1"), KK.involvesActor.asNode(), Node.ANY)
                .mapWith(t -> t.getObject().getURI())
                .toList();

        Document page = op(slug, tokyo, fields(editPage(slug, tokyo)), "measure-1-action-1-down");
        assertEquals(
                new HashSet<>(firstActors),
                new HashSet<>(
                        page.select("#measure-1-action-2-actors input[checked]").eachAttr("value")),
                "the first action's actors moved with it to the second place");
        Graph after = saved(slug, tokyo, fields(page));
        Graph expected = renumberedActions(before, measure, Map.of(1, 2, 2, 1, 3, 3, 4, 4));
        assertTrue(
                after.isIsomorphicWith(expected),
                () -> "lost " + difference(expected, after) + "\nadded " + difference(after, expected));

        Graph beforeRemoval = after;
        page = op(slug, tokyo, fields(editPage(slug, tokyo)), "measure-1-action-1-remove");
        Graph removed = saved(slug, tokyo, fields(page));
        Graph expectedAfterRemoval = renumberedActions(beforeRemoval, measure, Map.of(2, 1, 3, 2, 4, 3));
        assertTrue(
                removed.isIsomorphicWith(expectedAfterRemoval),
                () -> "lost " + difference(expectedAfterRemoval, removed) + "\nadded "
                        + difference(removed, expectedAfterRemoval));
        assertFalse(removed.contains(uri(measure + "/action/4"), Node.ANY, Node.ANY));
    }

    @Test
    void shapeViolationsAreShownAtTheirFieldsAndNothingIsWritten() throws Exception {
        MockHttpSession tokyo = login("editor13");
        String slug = create(tokyo);
        Graph before = store.graph(base + "graph/worksheet/" + slug);
        Graph historyBefore = store.graph(base + "graph/history/" + slug);

        Document page = op(slug, tokyo, fields(editPage(slug, tokyo)), "add-cause");
        MultiValueMap<String, String> fields = fields(page);
        fields.set("causes[2].ja", "どの方策も対処しない原因。");
        fields.set("challenge.ja", "");
        fields.set("challenge.en", "");
        MvcResult refused = save(slug, tokyo, fields);
        Document shown = page(refused, 422);

        Element challengeError = shown.selectFirst("#challenge .field-error");
        assertNotNull(challengeError, "the missing challenge is reported at the challenge field");
        assertTrue(challengeError.text().contains("（１）地域の具体的な課題を記載してください。"), challengeError.text());
        Element causeError = shown.selectFirst("#cause-3 > .field-error");
        assertNotNull(causeError, "the unaddressed cause is reported in its block");
        assertTrue(causeError.text().contains("この原因に対処する方策がありません"), causeError.text());
        assertNull(shown.selectFirst("#cause-1 .field-error"), "cause 1 is addressed: no message there");
        List<String> summary = shown.select("#validation-summary li a").eachAttr("href");
        assertTrue(summary.containsAll(List.of("#challenge", "#cause-3")), summary.toString());
        Element causeInSummary = shown.selectFirst("#validation-summary li a[href=#cause-3]");
        assertEquals("原因③", causeInSummary.selectFirst(".error-item").text(), "the summary names the item");
        assertTrue(causeInSummary.text().startsWith("原因③：この原因に対処する方策がありません"), causeInSummary.text());
        assertEquals("どの方策も対処しない原因。", shown.selectFirst("#cause-3-text").text(), "what was typed is shown again");

        assertTrue(before.isIsomorphicWith(store.graph(base + "graph/worksheet/" + slug)), "nothing written");
        assertTrue(historyBefore.isIsomorphicWith(store.graph(base + "graph/history/" + slug)), "no version");

        fields.set(
                "_csrf",
                shown.selectFirst("form#worksheet-form input[name=_csrf]").val());
        Document english = page(
                mvc.perform(post("/doc/worksheet/" + slug + "/edit")
                                .session(tokyo)
                                .param("lang", "en")
                                .params(fields)
                                .param("op", "save"))
                        .andReturn(),
                422);
        assertTrue(english.selectFirst("#challenge .field-error")
                .text()
                .contains("Box (1): write the concrete regional challenge."));
        assertTrue(
                english.selectFirst("#validation-summary li a[href=#cause-3]")
                        .text()
                        .startsWith("Cause 3: "),
                english.selectFirst("#validation-summary").text());
    }

    /** The editor form's row of the bad-input matrix (the other routes are in AuthoringWebTest.BadInputMatrix). */
    @Test
    void aTextLongerThanTheLimitIsRefusedAtItsFieldWith422AndNothingIsWritten() throws Exception {
        MockHttpSession tokyo = login("editor13");
        String slug = create(tokyo);
        Graph before = store.graph(base + "graph/worksheet/" + slug);
        Graph historyBefore = store.graph(base + "graph/history/" + slug);
        MultiValueMap<String, String> fields = fields(editPage(slug, tokyo));
        // 150 KB of UTF-8 (3 bytes a character): above the default kb.input.max-text-length of 100 KB.
        fields.set("challenge.ja", "長".repeat(50 * 1024));
        Document shown = page(save(slug, tokyo, fields), 422);
        Element error = shown.selectFirst("#challenge .field-error");
        assertNotNull(error, "the too-long text is reported at its field");
        assertTrue(error.text().contains("kb.input.max-text-length"), error.text());
        assertTrue(before.isIsomorphicWith(store.graph(base + "graph/worksheet/" + slug)), "nothing written");
        assertTrue(historyBefore.isIsomorphicWith(store.graph(base + "graph/history/" + slug)), "no version");
    }

    // ----------------------------------------------------------------------------------------------- who may

    @Test
    void onlyEditorsOfTheAreaGetTheEditorAndWritesNeedTheCsrfToken() throws Exception {
        MockHttpSession tokyo = login("editor13");
        String slug = create(tokyo);
        Graph before = store.graph(base + "graph/worksheet/" + slug);
        MultiValueMap<String, String> fields = fields(editPage(slug, tokyo));

        MvcResult anonymous =
                mvc.perform(get("/doc/worksheet/" + slug + "/edit")).andReturn();
        assertEquals(302, anonymous.getResponse().getStatus());
        assertTrue(anonymous.getResponse().getRedirectedUrl().endsWith("/login"));
        MvcResult anonymousNew = mvc.perform(get("/worksheets/new")).andReturn();
        assertTrue(anonymousNew.getResponse().getRedirectedUrl().endsWith("/login"));

        MockHttpSession osaka = login("editor27");
        assertEquals(
                403,
                mvc.perform(get("/doc/worksheet/" + slug + "/edit").session(osaka))
                        .andReturn()
                        .getResponse()
                        .getStatus());
        fields.set("titleJa", "大阪の編集者による題名");
        assertEquals(
                403,
                mvc.perform(post("/doc/worksheet/" + slug + "/edit")
                                .session(osaka)
                                .with(csrf())
                                .params(without(fields, "_csrf"))
                                .param("op", "save"))
                        .andReturn()
                        .getResponse()
                        .getStatus());
        assertEquals(
                403,
                mvc.perform(post("/worksheets/new")
                                .session(osaka)
                                .with(csrf())
                                .param("prefecture", "13")
                                .param("area", base + "id/area/pref/13")
                                .param("function", "https://w3id.org/kakaritsuke/function/f2-i")
                                .param("fiscalYear", "2026")
                                .param("start", F2I))
                        .andReturn()
                        .getResponse()
                        .getStatus());

        assertEquals(
                403,
                mvc.perform(post("/doc/worksheet/" + slug + "/edit")
                                .session(tokyo)
                                .params(without(fields, "_csrf"))
                                .param("op", "save"))
                        .andReturn()
                        .getResponse()
                        .getStatus(),
                "no CSRF token: refused");
        assertTrue(before.isIsomorphicWith(store.graph(base + "graph/worksheet/" + slug)), "nothing written");

        Document asTokyo = page(
                mvc.perform(get("/doc/worksheet/" + slug).accept("text/html").session(tokyo))
                        .andReturn(),
                200);
        assertEquals(
                "/doc/worksheet/" + slug + "/edit",
                asTokyo.selectFirst("a#edit-worksheet").attr("href"));
        Document asOsaka = page(
                mvc.perform(get("/doc/worksheet/" + slug).accept("text/html").session(osaka))
                        .andReturn(),
                200);
        assertNull(asOsaka.selectFirst("a#edit-worksheet"));
        Document asReader = page(
                mvc.perform(get("/doc/worksheet/" + slug).accept("text/html")).andReturn(), 200);
        assertNull(asReader.selectFirst("a#edit-worksheet"));
        assertNotNull(page(mvc.perform(get("/areas").session(tokyo)).andReturn(), 200)
                .selectFirst("a#new-worksheet-link[href=/worksheets/new]"));
        assertNull(page(mvc.perform(get("/areas")).andReturn(), 200).selectFirst("a#new-worksheet-link"));
    }

    @Test
    void aBlankStartOpensTheEditorUnsavedAndIsCreatedByItsFirstValidSave() throws Exception {
        MockHttpSession tokyo = login("editor13");
        // The session's own token, as the browser has it from the page (with(csrf()) would not store one).
        String token = page(mvc.perform(get("/worksheets/new").session(tokyo)).andReturn(), 200)
                .selectFirst("form#new-worksheet-form input[name=_csrf]")
                .val();
        Document editor = page(
                mvc.perform(post("/worksheets/new")
                                .session(tokyo)
                                .param("_csrf", token)
                                .param("prefecture", "13")
                                .param("area", base + "id/area/muni/13101")
                                .param("function", "https://w3id.org/kakaritsuke/function/f2-ha")
                                .param("fiscalYear", "2027")
                                .param("start", "blank"))
                        .andReturn(),
                200);
        String action = editor.selectFirst("form#worksheet-form").attr("action");
        String slug = action.replaceAll("^/doc/worksheet/([^/]+)/edit$", "$1");
        assertEquals("muni-13101-2027-f2-ha", slug);
        assertFalse(repository.exists(slug), "not saved before the author writes something");

        MultiValueMap<String, String> fields = fields(editor);
        fields.set("challenge.ja", "在宅医療を担う医師が少ない。");
        fields.set("causes[0].ja", "訪問診療の負担が大きい。");
        fields.set("measures[0].ja", "グループ診療の仕組みを作る。");
        fields.add(
                "measures[0].addresses",
                editor.selectFirst("#measure-1-addresses-1").val());
        MvcResult saved = save(slug, tokyo, fields);
        assertEquals(302, saved.getResponse().getStatus(), () -> body(saved));
        Graph graph = store.graph(base + "graph/worksheet/" + slug);
        Node ws = uri(base + "id/worksheet/" + slug);
        assertTrue(graph.contains(ws, KK.area.asNode(), uri(base + "id/area/muni/13101")));
        assertTrue(graph.contains(
                uri(base + "id/worksheet/" + slug + "/measure/1"),
                KK.addresses.asNode(),
                uri(base + "id/worksheet/" + slug + "/cause/1")));
        assertTrue(graph.contains(ws, KK.status.asNode(), uri("https://w3id.org/kakaritsuke/status/draft")));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static final List<String> EXAMPLES =
            List.of("mhlw-2025-f1", "mhlw-2025-f2-i", "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni");

    /**
     * The worked example {@code example} as the stored worksheet {@code slug} of Tokyo: every statement of its graph,
     * its IRIs under the new slug, its area Tokyo and its status draft.
     */
    private Graph movedToTokyo(String example, String slug) {
        String from = base + "id/worksheet/" + example;
        String to = base + "id/worksheet/" + slug;
        UnaryOperator<Node> rename =
                n -> n.isURI() && (n.getURI().equals(from) || n.getURI().startsWith(from + "/"))
                        ? uri(to + n.getURI().substring(from.length()))
                        : n;
        Graph moved = GraphFactory.createDefaultGraph();
        Node ws = uri(to);
        for (Triple t : store.graph(base + "graph/worksheet/" + example).find().toList()) {
            Node s = rename.apply(t.getSubject());
            Node p = t.getPredicate();
            if (s.equals(ws) && p.equals(KK.area.asNode())) {
                moved.add(ws, p, uri(base + "id/area/pref/13"));
            } else if (s.equals(ws) && p.equals(KK.status.asNode())) {
                moved.add(ws, p, uri("https://w3id.org/kakaritsuke/status/draft"));
            } else {
                moved.add(s, p, rename.apply(t.getObject()));
            }
        }
        return moved;
    }

    /**
     * A demo worksheet of {@code demo} with an indicator, as worksheet {@code slug}, with literals the form shows
     * otherwise than they are stored: a cause's wording also given in English, the challenge's tagged {@code ja-JP},
     * the target state's ending with a line break, an indicator value typed {@code xsd:double}; not derived from
     * another worksheet.
     */
    private Graph withWhatTheFormDoesNotShow(Map<String, Graph> demo, String slug) {
        Map.Entry<String, Graph> start = demo.entrySet().stream()
                .filter(e -> e.getValue().contains(Node.ANY, KK.baselineValue.asNode(), Node.ANY))
                .findFirst()
                .orElseThrow();
        String ws = base + "id/worksheet/" + slug;
        Graph graph = renamed(start.getValue(), base + "id/worksheet/" + start.getKey(), ws);
        // Not derived from the worked example: stored as it is, without the translations its rewording would mark.
        graph.remove(uri(ws), uri(PROV + "wasDerivedFrom"), Node.ANY);
        Node cause = uri(ws + "/cause/1");
        graph.add(cause, KK.text.asNode(), NodeFactory.createLiteralLang("The wording as given in English.", "en"));
        Node challenge = uri(ws + "/challenge");
        Triple text = graph.find(challenge, KK.text.asNode(), Node.ANY).next();
        graph.delete(text);
        graph.add(
                challenge,
                KK.text.asNode(),
                NodeFactory.createLiteralLang(text.getObject().getLiteralLexicalForm(), "ja-JP"));
        Node target = uri(ws + "/target-state");
        text = graph.find(target, KK.text.asNode(), Node.ANY).next();
        graph.delete(text);
        graph.add(target, KK.text.asNode(), ja(text.getObject().getLiteralLexicalForm() + "\n"));
        Triple value = graph.find(Node.ANY, KK.baselineValue.asNode(), Node.ANY).next();
        graph.delete(value);
        graph.add(
                value.getSubject(),
                KK.baselineValue.asNode(),
                NodeFactory.createLiteralDT("15.0e0", XSDDatatype.XSDdouble));
        return graph;
    }

    /** {@code graph} with the IRIs {@code from} and those under it renamed to {@code to}. */
    private static Graph renamed(Graph graph, String from, String to) {
        UnaryOperator<Node> rename =
                n -> n.isURI() && (n.getURI().equals(from) || n.getURI().startsWith(from + "/"))
                        ? uri(to + n.getURI().substring(from.length()))
                        : n;
        Graph out = GraphFactory.createDefaultGraph();
        graph.find()
                .forEachRemaining(
                        t -> out.add(rename.apply(t.getSubject()), t.getPredicate(), rename.apply(t.getObject())));
        return out;
    }

    /** The shipped demo worksheets of Tokyo's 構想区域, by slug, as the demo data holds them. */
    private Map<String, Graph> tokyoDemoWorksheets() {
        DatasetGraph demo = DatasetGraphFactory.create();
        RDFParser.source(Path.of("data/demo/demo.trig"))
                .base(base)
                .lang(Lang.TRIG)
                .parse(demo);
        Map<String, Graph> tokyo = new TreeMap<>();
        demo.listGraphNodes().forEachRemaining(g -> {
            String slug = g.getURI().substring(g.getURI().lastIndexOf('/') + 1);
            if (g.getURI().startsWith(base + "graph/worksheet/") && slug.contains("-kousou-r7-13")) {
                tokyo.put(slug, copyOf(demo.getGraph(g)));
            }
        });
        return tokyo;
    }

    /** The resources and actors ✓ actions are linked to in {@code graph}. */
    private static int actionLinks(Graph graph) {
        int links = 0;
        for (Node action : graph.find(Node.ANY, RDF.type.asNode(), KK.Action.asNode())
                .mapWith(Triple::getSubject)
                .toList()) {
            links += graph.find(action, KK.usesResource.asNode(), Node.ANY)
                    .toList()
                    .size();
            links += graph.find(action, KK.involvesActor.asNode(), Node.ANY)
                    .toList()
                    .size();
        }
        return links;
    }

    /** The statements of {@code a} that {@code b} does not hold (the graphs have no blank nodes). */
    static Set<Triple> difference(Graph a, Graph b) {
        Set<Triple> missing = new HashSet<>(a.find().toList());
        missing.removeAll(b.find().toList());
        return missing;
    }

    /** Saves the form as {@code fields} say; the worksheet's graph after the save. */
    private Graph saved(String slug, MockHttpSession session, MultiValueMap<String, String> fields) throws Exception {
        MvcResult saved = save(slug, session, fields);
        assertEquals(302, saved.getResponse().getStatus(), () -> body(saved));
        return copyOf(store.graph(base + "graph/worksheet/" + slug));
    }

    /**
     * {@code graph} with the actions of {@code measure} renumbered: action {@code k} becomes action
     * {@code moves.get(k)}, labelled and numbered for its new place, with everything said about it (and the
     * interpretations of its links) following; an action {@code moves} does not name is gone with its links and
     * their interpretations.
     */
    private static Graph renumberedActions(Graph graph, String measure, Map<Integer, Integer> moves) {
        Set<Node> removed = new HashSet<>();
        graph.find(uri(measure), KK.hasAction.asNode(), Node.ANY).forEachRemaining(t -> {
            int k = Integer.parseInt(t.getObject().getURI().substring((measure + "/action/").length()));
            if (!moves.containsKey(k)) {
                removed.add(t.getObject());
            }
        });
        for (Node action : Set.copyOf(removed)) {
            for (Triple link : graph.find(action, Node.ANY, Node.ANY).toList()) {
                removed.addAll(interpretationsOf(graph, link));
            }
        }
        UnaryOperator<Node> rename = n -> {
            Matcher m =
                    Pattern.compile(Pattern.quote(measure) + "/action/(\\d+)").matcher(n.isURI() ? n.getURI() : "");
            return m.matches() && moves.containsKey(Integer.parseInt(m.group(1)))
                    ? uri(measure + "/action/" + moves.get(Integer.parseInt(m.group(1))))
                    : n;
        };
        Graph expected = GraphFactory.createDefaultGraph();
        for (Triple t : graph.find().toList()) {
            Node s = t.getSubject();
            Node p = t.getPredicate();
            boolean numbering = (p.equals(RDFS.label.asNode()) || p.equals(KK.ordinal.asNode()))
                    && graph.contains(s, RDF.type.asNode(), KK.Action.asNode());
            if (removed.contains(s) || removed.contains(t.getObject()) || numbering) {
                continue;
            }
            expected.add(rename.apply(s), p, rename.apply(t.getObject()));
        }
        for (int k : moves.values()) {
            Node action = uri(measure + "/action/" + k);
            expected.add(action, RDFS.label.asNode(), ja("方策①の取組" + k));
            expected.add(action, RDFS.label.asNode(), NodeFactory.createLiteralLang("Measure 1, action " + k, "en"));
            expected.add(
                    action,
                    KK.ordinal.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(k), XSDDatatype.XSDpositiveInteger));
        }
        return expected;
    }

    /** The interpretation records in {@code graph} of the statement {@code link}. */
    private static List<Node> interpretationsOf(Graph graph, Triple link) {
        return graph.find(Node.ANY, RDF.subject.asNode(), link.getSubject())
                .mapWith(Triple::getSubject)
                .filterKeep(i -> graph.contains(i, RDF.predicate.asNode(), link.getPredicate())
                        && graph.contains(i, RDF.object.asNode(), link.getObject()))
                .toList();
    }

    private static Node ja(String text) {
        return NodeFactory.createLiteralLang(text, "ja");
    }

    private static Graph copyOf(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }

    private MockHttpSession login(String user) throws Exception {
        MvcResult result =
                mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andReturn();
        assertEquals(302, result.getResponse().getStatus());
        assertFalse(String.valueOf(result.getResponse().getRedirectedUrl()).contains("error"), "login failed");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Starts a Tokyo worksheet of FY2026 from the 時間外診療 example; returns its slug. */
    private String create(MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(post("/worksheets/new")
                        .session(session)
                        .with(csrf())
                        .param("prefecture", "13")
                        .param("area", base + "id/area/pref/13")
                        .param("function", "https://w3id.org/kakaritsuke/function/f2-i")
                        .param("fiscalYear", "2026")
                        .param("start", F2I))
                .andReturn();
        assertEquals(302, result.getResponse().getStatus(), () -> body(result));
        Matcher m = Pattern.compile("/doc/worksheet/([a-z0-9-]+)/edit\\?saved=1")
                .matcher(result.getResponse().getRedirectedUrl());
        assertTrue(m.matches(), result.getResponse().getRedirectedUrl());
        return m.group(1);
    }

    private Document editPage(String slug, MockHttpSession session) throws Exception {
        return page(
                mvc.perform(get("/doc/worksheet/" + slug + "/edit").session(session))
                        .andReturn(),
                200);
    }

    private Document op(String slug, MockHttpSession session, MultiValueMap<String, String> fields, String op)
            throws Exception {
        return page(
                mvc.perform(post("/doc/worksheet/" + slug + "/edit")
                                .session(session)
                                .params(fields)
                                .param("op", op))
                        .andReturn(),
                200);
    }

    private MvcResult save(String slug, MockHttpSession session, MultiValueMap<String, String> fields)
            throws Exception {
        return mvc.perform(post("/doc/worksheet/" + slug + "/edit")
                        .session(session)
                        .params(fields)
                        .param("op", "save"))
                .andReturn();
    }

    private static Document page(MvcResult result, int status) throws Exception {
        assertEquals(status, result.getResponse().getStatus(), () -> body(result));
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String body(MvcResult result) {
        try {
            return result.getResponse().getStatus() + " " + result.getResponse().getRedirectedUrl() + "\n"
                    + result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a browser would send for the editor's form, without any button. */
    static MultiValueMap<String, String> fields(Document page) {
        Element form = page.selectFirst("form#worksheet-form");
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (Element e : form.select("input[name], textarea[name], select[name]")) {
            String name = e.attr("name");
            switch (e.tagName()) {
                case "textarea" -> fields.add(name, e.val());
                case "select" -> {
                    Element selected = e.selectFirst("option[selected]");
                    Element first = e.selectFirst("option");
                    fields.add(name, selected != null ? selected.val() : first == null ? "" : first.val());
                }
                default -> {
                    String type = e.attr("type");
                    if (type.equals("checkbox") || type.equals("radio")) {
                        if (e.hasAttr("checked")) {
                            fields.add(name, e.val());
                        }
                    } else if (!type.equals("submit")) {
                        fields.add(name, e.val());
                    }
                }
            }
        }
        return fields;
    }

    private static MultiValueMap<String, String> without(MultiValueMap<String, String> fields, String name) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(fields);
        copy.remove(name);
        return copy;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
