package jp.kakaritsuke.kb.authoring;

import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.ADMIN;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.BASE;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.CHIYODA;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.EDITOR_13;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.OSAKA;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.PLACEHOLDER;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.TOKYO;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.withObject;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.worksheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.TranslationFreshness;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Saving, refusing, versioning and restoring worksheets on a TDB2 store holding the shipped data. */
class WorksheetRepositoryTest {

    private static TdbKnowledgeStore store;
    private static WorksheetRepository repository;

    @BeforeAll
    static void load() {
        store = AuthoringFixtures.loadedStore();
        repository = AuthoringFixtures.repository(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    @Test
    void savingAValidWorksheetWritesItsGraphAndOneHistoryEntry() {
        Graph sheet = worksheet(store, "tokyo-2026-f2-ni", TOKYO);
        SaveResult result = repository.save("tokyo-2026-f2-ni", sheet, EDITOR_13, "first draft");

        assertEquals(new SaveResult("tokyo-2026-f2-ni", BASE + "id/worksheet/tokyo-2026-f2-ni", 1, true, true), result);
        assertTrue(sheet.isIsomorphicWith(store.graph(BASE + "graph/worksheet/tokyo-2026-f2-ni")));
        List<Version> history = repository.history("tokyo-2026-f2-ni");
        assertEquals(1, history.size());
        Version v1 = history.get(0);
        assertEquals(Version.Kind.SAVE, v1.kind());
        assertEquals("editor13", v1.user());
        assertEquals("first draft", v1.comment());
        assertTrue(sheet.isIsomorphicWith(repository.version("tokyo-2026-f2-ni", 1)));

        Graph record = store.graph(BASE + "graph/history/tokyo-2026-f2-ni");
        Node activity = iri(BASE + "id/history/tokyo-2026-f2-ni/1");
        Node entity = iri(BASE + "graph/worksheet/tokyo-2026-f2-ni/version/1");
        String prov = "http://www.w3.org/ns/prov#";
        assertTrue(record.contains(activity, RDF.type.asNode(), iri(prov + "Activity")));
        assertTrue(record.contains(activity, iri(prov + "wasAssociatedWith"), iri(BASE + "id/user/editor13")));
        assertTrue(record.contains(activity, iri(prov + "generated"), entity));
        assertTrue(
                record.contains(entity, iri(prov + "specializationOf"), iri(BASE + "id/worksheet/tokyo-2026-f2-ni")));
        assertTrue(record.contains(
                entity, DCTerms.identifier.asNode(), NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger)));

        SaveResult again = repository.save("tokyo-2026-f2-ni", sheet, EDITOR_13, "no change");
        assertFalse(again.changed(), "saving identical content records no new version");
        assertEquals(1, repository.history("tokyo-2026-f2-ni").size());
    }

    @Test
    void everyKindOfInvalidWorksheetIsRefusedAndNothingIsWritten() {
        String slug = "tokyo-2026-invalid";
        Graph valid = worksheet(store, slug, TOKYO);
        Node ws = iri(BASE + "id/worksheet/" + slug);
        Node cause2 = iri(BASE + "id/worksheet/" + slug + "/cause/2");
        Map<String, UnaryOperator<Graph>> breakages = new LinkedHashMap<>();
        breakages.put("Worksheet-area-count", g -> without(g, ws, KK.area.asNode()));
        breakages.put("Worksheet-area-class", g -> withObject(g, ws, KK.area.asNode(), iri(BASE + "id/area/pref/99")));
        breakages.put(
                "Worksheet-function-scheme",
                g -> withObject(
                        g, ws, KK.function.asNode(), iri("https://w3id.org/kakaritsuke/resource/exchange-forum")));
        breakages.put(
                "Worksheet-fiscalYear-datatype",
                g -> withObject(g, ws, KK.fiscalYear.asNode(), NodeFactory.createLiteralString("2026")));
        breakages.put("Worksheet-hasChallenge-count", g -> without(g, ws, KK.hasChallenge.asNode()));
        breakages.put(
                "Worksheet-title-datatype",
                g -> withObject(g, ws, DCTerms.title.asNode(), NodeFactory.createLiteralString("no language tag")));
        breakages.put(
                "Cause-ordinal-unique",
                g -> withObject(
                        g,
                        cause2,
                        KK.ordinal.asNode(),
                        NodeFactory.createLiteralDT("1", XSDDatatype.XSDpositiveInteger)));

        Map<String, Graph> before = snapshot();
        breakages.forEach((shape, breakage) -> {
            ValidationFailedException e = assertThrows(
                    ValidationFailedException.class,
                    () -> repository.save(slug, breakage.apply(valid), ADMIN, "broken"),
                    shape);
            assertTrue(
                    e.violations().stream()
                            .anyMatch(
                                    v -> v.sourceShape().equals("<https://w3id.org/kakaritsuke/shapes#" + shape + ">")),
                    shape + " is reported: " + e.violations());
            assertTrue(
                    e.violations().stream()
                            .allMatch(v -> v.messageJa() != null
                                    && v.messageEn() != null
                                    && !v.messageJa().equals(v.messageEn())),
                    "messages in both languages: " + e.violations());
            assertFalse(e.report().conforms());
        });

        Graph describesAnArea = worksheet(store, slug, TOKYO);
        describesAnArea.add(iri(OSAKA), KK.partOf.asNode(), iri(TOKYO));
        ValidationFailedException forged = assertThrows(
                ValidationFailedException.class,
                () -> repository.save(slug, describesAnArea, ADMIN, "forged area link"));
        assertEquals("<" + OSAKA + ">", forged.violations().get(0).focusNode());

        Graph noWorksheet = without(valid, ws, RDF.type.asNode());
        assertThrows(ValidationFailedException.class, () -> repository.save(slug, noWorksheet, ADMIN, "untyped"));

        assertSameDataset(before, snapshot());
    }

    @Test
    void anEditorWritesTheAreasOfItsPrefecturesOnly() {
        assertEquals(
                1,
                repository
                        .save("ed-pref13", worksheet(store, "ed-pref13", TOKYO), EDITOR_13, "")
                        .version());
        assertEquals(
                1,
                repository
                        .save("ed-chiyoda", worksheet(store, "ed-chiyoda", CHIYODA), EDITOR_13, "")
                        .version());

        Map<String, Graph> before = snapshot();
        assertThrows(
                WriteDeniedException.class,
                () -> repository.save("ed-osaka", worksheet(store, "ed-osaka", OSAKA), EDITOR_13, ""));
        assertThrows(
                WriteDeniedException.class,
                () -> repository.save("ed-xxx", worksheet(store, "ed-xxx", PLACEHOLDER), EDITOR_13, ""));
        // An existing seed worksheet of the placeholder area cannot be taken over by moving it to Tokyo.
        Graph seedMovedToTokyo = withObject(
                store.graph(BASE + "graph/worksheet/mhlw-2025-f1"),
                iri(BASE + "id/worksheet/mhlw-2025-f1"),
                KK.area.asNode(),
                iri(TOKYO));
        assertThrows(
                WriteDeniedException.class, () -> repository.save("mhlw-2025-f1", seedMovedToTokyo, EDITOR_13, ""));
        assertThrows(WriteDeniedException.class, () -> repository.delete("mhlw-2025-f1", EDITOR_13, ""));
        assertSameDataset(before, snapshot());

        assertTrue(repository
                .save("ed-xxx", worksheet(store, "ed-xxx", PLACEHOLDER), ADMIN, "")
                .changed());
        assertTrue(repository
                .save("ed-osaka", worksheet(store, "ed-osaka", OSAKA), ADMIN, "")
                .changed());
    }

    @Test
    void historyDiffAndRestoreRoundTrip() {
        String slug = "tokyo-2026-history";
        Node challenge = iri(BASE + "id/worksheet/" + slug + "/challenge");
        Graph v1 = AuthoringFixtures.withoutTranslation(worksheet(store, slug, TOKYO), challenge);
        repository.save(slug, v1, EDITOR_13, "v1");
        Node newText = NodeFactory.createLiteralLang("医療機関と介護施設の連携が進んでいない。", "ja");
        Graph v2 = withObject(v1, challenge, KK.text.asNode(), newText);
        assertEquals(2, repository.save(slug, v2, EDITOR_13, "v2").version());

        WorksheetDiff diff = repository.diff(slug, 1, 2, "en");
        assertEquals(1, diff.removed());
        assertEquals(1, diff.added());
        assertEquals(1, diff.items().size());
        WorksheetDiff.ItemChange item = diff.items().get(0);
        assertEquals("Concrete regional challenge", item.label());
        WorksheetDiff.PropertyChange text = item.properties().get(0);
        assertEquals("text", text.label());
        assertEquals(List.of(newText.getLiteralLexicalForm() + " @ja"), text.addedValues());
        assertEquals(1, text.removedValues().size());

        SaveResult restored = repository.restore(slug, 1, EDITOR_13, "back to v1");
        assertEquals(3, restored.version());
        assertTrue(v1.isIsomorphicWith(store.graph(BASE + "graph/worksheet/" + slug)));
        assertTrue(v1.isIsomorphicWith(repository.version(slug, 3)));
        Version v3 = repository.history(slug).get(2);
        assertEquals(Version.Kind.RESTORE, v3.kind());
        assertEquals(1, v3.restoredFrom());

        repository.delete(slug, EDITOR_13, "gone");
        assertFalse(repository.exists(slug));
        assertEquals(Version.Kind.DELETE, repository.history(slug).get(3).kind());
        assertTrue(repository.version(slug, 4).isEmpty());
        repository.restore(slug, 2, EDITOR_13, "undelete");
        assertTrue(v2.isIsomorphicWith(repository.get(slug).orElseThrow()));
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                repository.history(slug).stream().map(Version::number).toList());
        assertThrows(NotFoundException.class, () -> repository.version(slug, 6));
    }

    @Test
    void theFirstSaveOfShippedContentKeepsThatContentAsVersionOne() {
        String slug = "shipped-2025-f2-ro";
        Graph shipped = worksheet(store, slug, TOKYO);
        DatasetGraph load = DatasetGraphFactory.createGeneral();
        load.addGraph(iri(BASE + "graph/worksheet/" + slug), shipped);
        store.replaceGraphs(load);
        assertEquals(1, repository.currentVersion(slug));
        Node ws = iri(BASE + "id/worksheet/" + slug);
        Graph edited = withObject(
                shipped, ws, KK.fiscalYear.asNode(), NodeFactory.createLiteralDT("2026", XSDDatatype.XSDgYear));
        assertThrows(
                VersionConflictException.class,
                () -> repository.save(slug, edited, ADMIN, "based on nothing", Version.Origin.EDITOR, 0));
        SaveResult result = repository.save(slug, edited, ADMIN, "next year", Version.Origin.EDITOR, 1);
        assertEquals(2, result.version());
        List<Version> history = repository.history(slug);
        assertEquals(Version.Kind.INITIAL, history.get(0).kind());
        assertEquals(Version.Origin.SHIPPED, history.get(0).origin());
        assertEquals(Version.Origin.EDITOR, history.get(1).origin());
        assertTrue(shipped.isIsomorphicWith(repository.version(slug, 1)));
        assertTrue(edited.isIsomorphicWith(repository.version(slug, 2)));
    }

    @Test
    void aRewordedItemsTranslationIsOutdatedUntilConfirmed() {
        String slug = "tokyo-2026-translation";
        repository.save(slug, worksheet(store, slug, TOKYO), EDITOR_13, "v1");
        Node challenge = iri(BASE + "id/worksheet/" + slug + "/challenge");
        Node outdated = KK.translationOutdated.asNode();
        Graph reworded = withObject(
                repository.get(slug).orElseThrow(),
                challenge,
                KK.text.asNode(),
                NodeFactory.createLiteralLang("書き直した課題。", "ja"));
        repository.save(slug, reworded, EDITOR_13, "v2");
        assertTrue(TranslationFreshness.isOutdated(repository.get(slug).orElseThrow(), challenge));
        assertEquals(
                1,
                repository
                        .get(slug)
                        .orElseThrow()
                        .find(Node.ANY, outdated, Node.ANY)
                        .toList()
                        .size());

        // A writer that says nothing about it keeps the mark (an import of a layout without it, a client's own graph).
        repository.save(
                slug,
                withObject(
                        reworded,
                        iri(BASE + "id/worksheet/" + slug),
                        KK.fiscalYear.asNode(),
                        NodeFactory.createLiteralDT("2027", XSDDatatype.XSDgYear)),
                EDITOR_13,
                "v3");
        assertTrue(TranslationFreshness.isOutdated(repository.get(slug).orElseThrow(), challenge));

        Graph confirmed = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        repository.get(slug).orElseThrow().find().forEachRemaining(confirmed::add);
        confirmed.remove(challenge, outdated, Node.ANY);
        confirmed.add(challenge, outdated, NodeFactory.createLiteralByValue(false));
        repository.save(slug, confirmed, EDITOR_13, "confirmed");
        Graph now = repository.get(slug).orElseThrow();
        assertFalse(now.contains(challenge, outdated, Node.ANY), "confirmed, and false is not stored");
        assertEquals(4, repository.currentVersion(slug));
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsRefusedAndWritesNothing() {
        String slug = "tokyo-2026-stale";
        Node challenge = iri(BASE + "id/worksheet/" + slug + "/challenge");
        Graph v1 = AuthoringFixtures.withoutTranslation(worksheet(store, slug, TOKYO), challenge);
        assertEquals(0, repository.currentVersion(slug));
        repository.save(slug, v1, EDITOR_13, "v1", Version.Origin.EDITOR, 0);
        Graph first = withObject(v1, challenge, KK.text.asNode(), NodeFactory.createLiteralLang("一人目。", "ja"));
        Graph second = withObject(v1, challenge, KK.text.asNode(), NodeFactory.createLiteralLang("二人目。", "ja"));
        assertEquals(
                2,
                repository
                        .save(slug, first, EDITOR_13, "", Version.Origin.API, 1)
                        .version());
        VersionConflictException stale = assertThrows(
                VersionConflictException.class,
                () -> repository.save(slug, second, EDITOR_13, "", Version.Origin.API, 1));
        assertEquals(1, stale.expected());
        assertEquals(2, stale.current());
        assertTrue(first.isIsomorphicWith(repository.get(slug).orElseThrow()));
        assertEquals(2, repository.currentVersion(slug));
        assertThrows(
                VersionConflictException.class, () -> repository.delete(slug, EDITOR_13, "", Version.Origin.API, 1));
        assertTrue(repository.exists(slug));
    }

    @Test
    void aWorkedExampleIsNeitherReplacedNorDeleted() {
        String slug = "mhlw-2025-f2-ro";
        Graph shipped = store.graph(BASE + "graph/worksheet/" + slug);
        assertTrue(repository.isWorkedExample(slug));
        Graph edited = withObject(
                shipped,
                iri(BASE + "id/worksheet/" + slug),
                KK.fiscalYear.asNode(),
                NodeFactory.createLiteralDT("2026", XSDDatatype.XSDgYear));
        assertThrows(ProtectedWorksheetException.class, () -> repository.save(slug, edited, ADMIN, "next year"));
        assertThrows(ProtectedWorksheetException.class, () -> repository.delete(slug, ADMIN, "gone"));
        assertThrows(ProtectedWorksheetException.class, () -> repository.check(slug, edited, ADMIN));
        assertThrows(
                ProtectedWorksheetException.class,
                () -> repository.saveAll(java.util.Map.of(slug, edited), ADMIN, "import"));
        assertFalse(repository.save(slug, shipped, ADMIN, "same content").changed());
        assertTrue(repository.history(slug).isEmpty());
        assertTrue(shipped.isIsomorphicWith(store.graph(BASE + "graph/worksheet/" + slug)));
    }

    @Test
    void versionSnapshotsStayOutOfTheUnionGraphThatQueriesRead() {
        String slug = "tokyo-2026-union";
        Graph v1 = worksheet(store, slug, TOKYO);
        repository.save(slug, v1, EDITOR_13, "");
        Node challenge = iri(BASE + "id/worksheet/" + slug + "/challenge");
        repository.save(
                slug,
                withObject(v1, challenge, KK.text.asNode(), NodeFactory.createLiteralLang("別の課題。", "ja")),
                EDITOR_13,
                "");
        long texts = store.select(
                        org.apache.jena.query.QueryFactory.create(
                                "SELECT ?t WHERE { <" + challenge.getURI() + "> <" + KK.text.getURI() + "> ?t }"),
                        null,
                        java.time.Duration.ofSeconds(10))
                .size();
        assertEquals(1, texts, "the old text lives only in the version snapshot");
    }

    @Test
    void newSlugsFollowTheSeedPatternAndAvoidTakenOnes() {
        String fn = "https://w3id.org/kakaritsuke/function/f2-i";
        assertEquals("pref-13-2026-f2-i", repository.newSlug(TOKYO, fn, 2026));
        repository.save("pref-13-2026-f2-i", worksheet(store, "pref-13-2026-f2-i", TOKYO), ADMIN, "");
        assertEquals("pref-13-2026-f2-i-2", repository.newSlug(TOKYO, fn, 2026));
        assertEquals("muni-13101-2027-f2-i", repository.newSlug(CHIYODA, fn, 2027));
    }

    private static Graph without(Graph graph, Node subject, Node predicate) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find()
                .filterDrop(
                        t -> t.getSubject().equals(subject) && t.getPredicate().equals(predicate))
                .forEachRemaining(copy::add);
        if (predicate.equals(KK.hasChallenge.asNode())) {
            Node challenge =
                    graph.find(subject, predicate, Node.ANY).toList().get(0).getObject();
            for (Triple t : copy.find(challenge, Node.ANY, Node.ANY).toList()) {
                copy.delete(t);
            }
            for (Triple t : copy.find(Node.ANY, Node.ANY, challenge).toList()) {
                copy.delete(t);
            }
        }
        return copy;
    }

    private static Map<String, Graph> snapshot() {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        store.graphNames().forEach(name -> graphs.put(name, store.graph(name)));
        return graphs;
    }

    static void assertSameDataset(Map<String, Graph> before, Map<String, Graph> after) {
        assertEquals(before.keySet(), after.keySet(), "the same named graphs");
        before.forEach((name, graph) -> assertTrue(graph.isIsomorphicWith(after.get(name)), name + " unchanged"));
    }
}
