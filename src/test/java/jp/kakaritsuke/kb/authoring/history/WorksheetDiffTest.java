package jp.kakaritsuke.kb.authoring.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class WorksheetDiffTest {

    private static final String WORKSHEET = "https://example.org/id/worksheet/diff-order";

    @Test
    void itemsAreLabelledAndOrderedAsTheFormPrintsThemWhateverTheDataCallsThem() {
        Graph older = GraphFactory.createDefaultGraph();
        Graph newer = GraphFactory.createDefaultGraph();
        for (String path : List.of("cause/10", "measure/2/action/1", "cause/2", "challenge")) {
            Node item = NodeFactory.createURI(WORKSHEET + "/" + path);
            older.add(item, KK.text.asNode(), NodeFactory.createLiteralLang("旧", "ja"));
            newer.add(item, KK.text.asNode(), NodeFactory.createLiteralLang("新", "ja"));
            // A label in the data that differs from the form's: the form's wins for items.
            newer.add(item, RDFS.label.asNode(), NodeFactory.createLiteralLang("独自の名前", "ja"));
        }
        Node worksheet = NodeFactory.createURI(WORKSHEET);
        newer.add(worksheet, RDFS.label.asNode(), NodeFactory.createLiteralLang("〇〇地域の協議シート", "ja"));
        Graph vocabulary = GraphFactory.createDefaultGraph();
        vocabulary.add(KK.text.asNode(), RDFS.label.asNode(), NodeFactory.createLiteralLang("本文", "ja"));
        vocabulary.add(KK.text.asNode(), RDFS.label.asNode(), NodeFactory.createLiteralLang("text", "en"));

        WorksheetDiff ja = WorksheetDiff.between(WORKSHEET, 1, older, 2, newer, vocabulary, "ja");
        assertEquals(
                List.of("〇〇地域の協議シート", "地域の具体的な課題", "原因②", "原因⑩", "方策②の取組1"),
                ja.items().stream().map(WorksheetDiff.ItemChange::label).toList());
        WorksheetDiff.PropertyChange text = ja.items().get(2).properties().stream()
                .filter(p -> p.property().equals(KK.text.getURI()))
                .findFirst()
                .orElseThrow();
        assertEquals("本文", text.label());
        assertEquals(List.of("旧 @ja"), text.removedValues());
        assertEquals(List.of("新 @ja"), text.addedValues());

        WorksheetDiff en = WorksheetDiff.between(WORKSHEET, 1, older, 2, newer, vocabulary, "en");
        assertEquals(
                List.of("〇〇地域の協議シート", "Concrete regional challenge", "Cause 2", "Cause 10", "Measure 2, action 1"),
                en.items().stream().map(WorksheetDiff.ItemChange::label).toList());
    }
}
