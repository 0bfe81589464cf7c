package jp.kakaritsuke.kb.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;

/** The worksheet model: one IRI scheme, one slug rule, one label rule, one item reader and writer. */
class WorksheetModelTest {

    private static final String BASE = "http://localhost:8080/";
    private final WorksheetNames names = new WorksheetNames(BASE, "pref-13-2026-f2-i");

    @Test
    void itemIrisFollowTheReadmeConventions() {
        assertEquals(BASE + "id/worksheet/pref-13-2026-f2-i/challenge", names.item(ItemKind.CHALLENGE, 0, 0));
        assertEquals(BASE + "id/worksheet/pref-13-2026-f2-i/target-state", names.item(ItemKind.TARGET_STATE, 0, 0));
        assertEquals(BASE + "id/worksheet/pref-13-2026-f2-i/cause/2", names.item(ItemKind.CAUSE, 0, 2));
        assertEquals(BASE + "id/worksheet/pref-13-2026-f2-i/measure/1/role/3", names.item(ItemKind.ROLE, 1, 3));
        assertEquals(BASE + "id/worksheet/pref-13-2026-f2-i/measure/2/action/1", names.item(ItemKind.ACTION, 2, 1));
        assertEquals(BASE + "graph/worksheet/pref-13-2026-f2-i", names.graph());
    }

    @Test
    void anItemIsPlacedBackFromItsIri() {
        for (ItemKind kind : ItemKind.values()) {
            int parent = kind.underMeasure() ? 4 : 0;
            int number = kind.single() ? 0 : 21;
            WorksheetItem item = WorksheetItem.at(names, names.item(kind, parent, number));
            assertEquals(new WorksheetItem(kind, parent, number, names.item(kind, parent, number)), item);
        }
        assertNull(WorksheetItem.at(names, names.worksheet() + "/cause/0"));
        assertNull(WorksheetItem.at(names, names.worksheet() + "/measure/x"));
        assertNull(WorksheetItem.at(names, BASE + "id/worksheet/other/cause/1"));
    }

    @Test
    void oneSlugRule() {
        assertTrue(WorksheetNames.isSlug("mhlw-2025-f2-i"));
        assertTrue(WorksheetNames.isSlug("a"));
        assertFalse(WorksheetNames.isSlug("Upper"));
        assertFalse(WorksheetNames.isSlug("dot.ted"));
        assertFalse(WorksheetNames.isSlug("-lead"));
        assertFalse(WorksheetNames.isSlug("x".repeat(101)));
        assertThrows(IllegalArgumentException.class, () -> new WorksheetNames(BASE, "A.b"));
        assertEquals("mhlw-2025-f1", WorksheetNames.slugOf(BASE, BASE + "id/worksheet/mhlw-2025-f1"));
        assertNull(WorksheetNames.slugOf(BASE, BASE + "id/worksheet/mhlw-2025-f1/cause/1"));
    }

    @Test
    void labelsAsTheFormPrintsThem() {
        assertEquals("原因①", ItemKind.CAUSE.label("ja", 0, 1));
        assertEquals("Cause 1", ItemKind.CAUSE.label("en", 0, 1));
        assertEquals("方策②の取組1", ItemKind.ACTION.label("ja", 2, 1));
        assertEquals("Measure 2, action 1", ItemKind.ACTION.label("en", 2, 1));
        assertEquals("方策①の役割分担2", ItemKind.ROLE.label("ja", 1, 2));
        assertEquals("方策⑳", ItemKind.MEASURE.label("ja", 0, 20));
        assertEquals("方策(21)", ItemKind.MEASURE.label("ja", 0, 21));
        assertEquals("指標3", ItemKind.INDICATOR.label("ja", 0, 3));
        assertEquals("注記", ItemKind.NOTE.label("ja", 0, 1));
        assertEquals("Note 2", ItemKind.NOTE.label("en", 0, 2));
        assertEquals("地域の具体的な課題", ItemKind.CHALLENGE.label("ja", 0, 0));
    }

    @Test
    void theWriterAndTheReaderAgreeAndReadInTheOrderOfTheForm() {
        Graph graph = GraphFactory.createDefaultGraph();
        WorksheetItems.addLabelled(graph, names, ItemKind.INDICATOR, 0, 1);
        WorksheetItems.addLabelled(graph, names, ItemKind.ROLE, 1, 1);
        WorksheetItems.addLabelled(graph, names, ItemKind.MEASURE, 0, 2);
        WorksheetItems.addLabelled(graph, names, ItemKind.ACTION, 1, 1);
        WorksheetItems.addLabelled(graph, names, ItemKind.MEASURE, 0, 1);
        WorksheetItems.addLabelled(graph, names, ItemKind.CAUSE, 0, 1);
        WorksheetItems.addLabelled(graph, names, ItemKind.CHALLENGE, 0, 0);
        List<String> order = WorksheetItems.read(graph, names).stream()
                .map(i -> i.kind().path(i.parent(), i.number()))
                .toList();
        assertEquals(
                List.of(
                        "challenge",
                        "cause/1",
                        "measure/1",
                        "measure/1/action/1",
                        "measure/1/role/1",
                        "measure/2",
                        "indicator/1"),
                order);

        Graph expected = RDFDataMgr.loadGraph("worksheet/written-items.ttl");
        Graph written = GraphFactory.createDefaultGraph();
        WorksheetItems.addLabelled(written, names, ItemKind.CHALLENGE, 0, 0);
        WorksheetItems.addLabelled(written, names, ItemKind.MEASURE, 0, 1);
        WorksheetItems.addLabelled(written, names, ItemKind.ACTION, 1, 2);
        assertTrue(IsoMatcher.isomorphic(expected, written), "written statements");
    }
}
