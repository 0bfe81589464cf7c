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
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
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
 * fields; who may not edit is turned away; a request without the CSRF token writes nothing.
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
        Graph created = store.graph(base + "graph/worksheet/" + slug);
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
