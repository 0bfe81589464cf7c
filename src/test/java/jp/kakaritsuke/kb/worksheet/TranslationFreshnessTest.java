package jp.kakaritsuke.kb.worksheet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The rule that marks a translation outdated, on small graphs: what changed, what the writer said, what was before. */
class TranslationFreshnessTest {

    private static final String WS = "http://example.org/id/worksheet/a";
    private static final String START = "http://example.org/id/worksheet/start";
    private static final Node CAUSE = NodeFactory.createURI(WS + "/cause/1");

    private static Graph item(String worksheet, String ja, String en) {
        Graph g = GraphFactory.createDefaultGraph();
        Node cause = NodeFactory.createURI(worksheet + "/cause/1");
        g.add(cause, KK.text.asNode(), NodeFactory.createLiteralLang(ja, "ja"));
        if (en != null) {
            g.add(cause, KK.translation.asNode(), NodeFactory.createLiteralLang(en, "en"));
        }
        return g;
    }

    private static Graph with(Graph g, boolean outdated) {
        g.add(CAUSE, KK.translationOutdated.asNode(), NodeFactory.createLiteralByValue(outdated));
        return g;
    }

    @Test
    void rewrittenWordingWithTheSameTranslationIsMarked() {
        Graph out = TranslationFreshness.mark(item(WS, "新しい原因", "A cause"), WS, item(WS, "原因", "A cause"), WS);
        assertTrue(TranslationFreshness.isOutdated(out, CAUSE));
    }

    @Test
    void rewrittenTranslationIsNotMarked() {
        Graph out = TranslationFreshness.mark(item(WS, "新しい原因", "A new cause"), WS, item(WS, "原因", "A cause"), WS);
        assertFalse(TranslationFreshness.isOutdated(out, CAUSE));
    }

    @Test
    void theMarkStaysUntilTheWriterConfirms() {
        Graph before = with(item(WS, "新しい原因", "A cause"), true);
        Graph kept = TranslationFreshness.mark(item(WS, "新しい原因", "A cause"), WS, before, WS);
        assertTrue(TranslationFreshness.isOutdated(kept, CAUSE), "a writer that says nothing keeps the mark");
        Graph confirmed = TranslationFreshness.mark(with(item(WS, "新しい原因", "A cause"), false), WS, before, WS);
        assertFalse(TranslationFreshness.isOutdated(confirmed, CAUSE));
        assertFalse(
                confirmed.contains(CAUSE, KK.translationOutdated.asNode(), Node.ANY),
                "a confirmation is not stored as false");
    }

    @Test
    void aNewWorksheetIsComparedWithTheWorksheetItWasDerivedFrom() {
        Graph out = TranslationFreshness.mark(
                item(WS, "書き直した原因", "The example's cause"), WS, item(START, "例の原因", "The example's cause"), START);
        assertTrue(TranslationFreshness.isOutdated(out, CAUSE));
    }

    @Test
    void anItemWithoutATranslationIsNeverMarked() {
        Graph out = TranslationFreshness.mark(with(item(WS, "原因", null), true), WS, item(WS, "前の原因", null), WS);
        assertFalse(out.contains(CAUSE, KK.translationOutdated.asNode(), Node.ANY));
    }
}
