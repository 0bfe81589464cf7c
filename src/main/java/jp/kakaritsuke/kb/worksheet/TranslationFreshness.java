package jp.kakaritsuke.kb.worksheet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The one rule that keeps translations honest ({@code kk:translationOutdated}): when a write changes an item's source
 * wording ({@code kk:text}) and leaves its translation ({@code kk:translation}) as it was, the translation is marked
 * outdated; the mark stays, write after write, until a writer rewrites the translation or confirms it.
 *
 * <p>What the writer's graph says decides first: {@code kk:translationOutdated false} on an item confirms its
 * translation (the mark is dropped and {@code false} is not stored), {@code true} marks it. Where the graph says
 * nothing, the item is compared with the same item (same path under the worksheet) of the baseline — the
 * worksheet's current content, or for a new worksheet the worksheet it was derived from: the translation is outdated
 * if it is unchanged and either the baseline already marked it or the wording changed. An item without a translation
 * is never marked.
 */
public final class TranslationFreshness {

    private static final Node TEXT = KK.text.asNode();
    private static final Node TRANSLATION = KK.translation.asNode();
    private static final Node OUTDATED = KK.translationOutdated.asNode();
    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    private TranslationFreshness() {}

    /**
     * {@code content} with the marks decided by the rule above: a new graph, {@code content} is left as it is.
     *
     * @param content the worksheet as written, the node {@code worksheet} and its items
     * @param worksheet the IRI of the worksheet written
     * @param baseline the content to compare with (empty: none)
     * @param baselineWorksheet the IRI of the baseline's worksheet (the same as {@code worksheet} unless derived)
     */
    public static Graph mark(Graph content, String worksheet, Graph baseline, String baselineWorksheet) {
        Graph out = GraphFactory.createDefaultGraph();
        Map<Node, Boolean> said = new HashMap<>();
        content.find().forEachRemaining(t -> {
            if (t.getPredicate().equals(OUTDATED)) {
                if (t.getObject().isLiteral()) {
                    said.put(
                            t.getSubject(),
                            "true".equals(t.getObject().getLiteralLexicalForm())
                                    || "1".equals(t.getObject().getLiteralLexicalForm()));
                }
            } else {
                out.add(t);
            }
        });
        List<Triple> translated = out.find(Node.ANY, TRANSLATION, Node.ANY).toList();
        for (Triple t : translated) {
            Node item = t.getSubject();
            if (!item.isURI() || !out.contains(item, TEXT, Node.ANY)) {
                continue;
            }
            Boolean explicit = said.get(item);
            boolean outdated =
                    explicit != null ? explicit : outdatedAgainst(out, item, baseline, worksheet, baselineWorksheet);
            if (outdated) {
                out.add(item, OUTDATED, TRUE);
            }
        }
        return out;
    }

    /** True if {@code item} carries the mark in {@code graph}. */
    public static boolean isOutdated(Graph graph, Node item) {
        return graph.contains(item, OUTDATED, TRUE);
    }

    private static boolean outdatedAgainst(
            Graph content, Node item, Graph baseline, String worksheet, String baselineWorksheet) {
        if (baseline.isEmpty() || !item.getURI().startsWith(worksheet + "/")) {
            return false;
        }
        Node before = NodeFactory.createURI(baselineWorksheet + item.getURI().substring(worksheet.length()));
        Set<Node> oldTranslation = objects(baseline, before, TRANSLATION);
        if (oldTranslation.isEmpty() || !oldTranslation.equals(objects(content, item, TRANSLATION))) {
            return false;
        }
        return isOutdated(baseline, before) || !objects(baseline, before, TEXT).equals(objects(content, item, TEXT));
    }

    private static Set<Node> objects(Graph graph, Node s, Node p) {
        return Set.copyOf(graph.find(s, p, Node.ANY).mapWith(Triple::getObject).toList());
    }
}
