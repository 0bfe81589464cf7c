package jp.kakaritsuke.kb.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The worksheet value: read from a seed example as the form prints it, written back and read again unchanged. */
class WorksheetContentTest {

    private static final String BASE = "http://localhost:8080/";
    private static final String SLUG = "mhlw-2025-f2-i";
    private static final String WS = BASE + "id/worksheet/" + SLUG;

    private static Graph seed() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source("data/seed/" + SLUG + ".trig")
                .base(BASE)
                .lang(Lang.TRIG)
                .parse(dsg);
        return dsg.getGraph(NodeFactory.createURI(BASE + "graph/worksheet/" + SLUG));
    }

    @Test
    void readsTheHeaderAndTheBoxesInTheOrderOfTheForm() {
        WorksheetContent ws = WorksheetContent.read(seed(), WS);
        assertEquals("XXX地域におけるかかりつけ医機能の課題について（時間外診療）", ws.title().in("ja"));
        assertEquals(
                "Challenges of family-doctor functions in area XXX (out-of-hours care)",
                ws.titleTranslation().in("en"));
        assertEquals(BASE + "id/area/xxx", ws.area());
        assertEquals("https://w3id.org/kakaritsuke/function/f2-i", ws.function());
        assertEquals("2025", ws.fiscalYear());
        assertEquals(BASE + "id/template/betten6", ws.template());
        assertEquals(List.of(BASE + "id/source/mhlw-guideline-2025/example-f2-i"), ws.sources());
        assertFalse(ws.synthetic());
        assertEquals(WS + "/challenge", ws.challenge().iri());
        assertEquals(
                List.of(WS + "/cause/1", WS + "/cause/2"),
                ws.causes().stream().map(c -> c.item().iri()).toList());
        assertEquals(
                List.of(1, 2), ws.causes().stream().map(c -> c.item().ordinal()).toList());
        WorksheetContent.Measure second = ws.measures().get(1);
        assertEquals(WS + "/measure/2", second.item().iri());
        assertTrue(second.addresses().contains(WS + "/cause/2"), "measure 2 addresses cause 2");
        assertNull(ws.causes().get(0).item().text().in("en"), "the source wording is Japanese only");
        assertTrue(ws.causes().get(0).item().translation().in("en") != null);
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameGraph() {
        WorksheetContent read = WorksheetContent.read(seed(), WS);
        Graph written = GraphFactory.createDefaultGraph();
        read.write(written);
        Graph again = GraphFactory.createDefaultGraph();
        WorksheetContent.read(written, WS).write(again);
        assertTrue(again.isIsomorphicWith(written), "written, read and written again: the same graph");
        assertEquals(
                read.causes().size(),
                WorksheetContent.read(written, WS).causes().size());
        // Everything written was in the source graph: the writer adds nothing of its own.
        Graph source = seed();
        written.find().forEachRemaining(t -> assertTrue(source.contains(t), "not in the seed: " + t));
    }

    @Test
    void onePickingRuleForLanguages() {
        Literals labels = new Literals(List.of(
                new Literals.Literal("any", ""),
                new Literals.Literal("原因①", "ja-JP"),
                new Literals.Literal("Cause 1", "en")));
        assertEquals("Cause 1", labels.in("en"));
        assertEquals("原因①", labels.in("ja"), "a subtag is the language");
        assertEquals("原因①", labels.localized("fr"), "Japanese before any other");
        assertEquals("any", new Literals(List.of(new Literals.Literal("any", ""))).localized("en"));
        assertNull(Literals.NONE.localized("ja"));
    }
}
