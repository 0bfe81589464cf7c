package jp.kakaritsuke.kb.worksheet;

import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Reads and writes the items of a worksheet graph ({@code graph/worksheet/{slug}}) by the one IRI scheme of
 * {@link WorksheetNames}: which items a graph holds, and the statements every item has — its type, the link from the
 * worksheet (or its measure), its {@code kk:ordinal}, its labels.
 */
public final class WorksheetItems {

    private WorksheetItems() {}

    /**
     * The items of worksheet {@code names} in {@code graph}, in the order of the printed form: the subjects whose IRI
     * follows the item pattern and that are typed with the class of their kind.
     */
    public static List<WorksheetItem> read(Graph graph, WorksheetNames names) {
        List<WorksheetItem> items = new ArrayList<>();
        for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
            if (!t.getSubject().isURI()) {
                continue;
            }
            WorksheetItem item = WorksheetItem.at(names, t.getSubject().getURI());
            if (item != null && item.kind().itemClass().asNode().equals(t.getObject())) {
                items.add(item);
            }
        }
        items.sort(WorksheetItem.FORM_ORDER);
        return items;
    }

    /**
     * Adds an item to {@code out}: its type, the link from the worksheet (for actions and roles: from their measure)
     * and, for numbered items, its {@code kk:ordinal}; no labels.
     *
     * @return the item's node
     */
    public static Node add(Graph out, WorksheetNames names, ItemKind kind, int parent, int number) {
        Node item = NodeFactory.createURI(names.item(kind, parent, number));
        Node from = kind.underMeasure()
                ? NodeFactory.createURI(names.item(ItemKind.MEASURE, 0, parent))
                : NodeFactory.createURI(names.worksheet());
        add(out, from, kind, item, number);
        return item;
    }

    /**
     * Adds the item {@code item} to {@code out}: its type, the link from {@code from} (the worksheet, or for actions
     * and roles their measure) and, for numbered kinds with a {@code number} above 0, its {@code kk:ordinal}.
     */
    public static void add(Graph out, Node from, ItemKind kind, Node item, int number) {
        out.add(item, RDF.type.asNode(), kind.itemClass().asNode());
        out.add(from, kind.link().asNode(), item);
        if (!kind.single() && number > 0) {
            out.add(
                    item,
                    KK.ordinal.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(number), XSDDatatype.XSDpositiveInteger));
        }
    }

    /** Adds an item as {@link #add} does, with its printed labels in Japanese and English. */
    public static Node addLabelled(Graph out, WorksheetNames names, ItemKind kind, int parent, int number) {
        Node item = add(out, names, kind, parent, number);
        label(out, item, kind.label("ja", parent, number), "ja");
        label(out, item, kind.label("en", parent, number), "en");
        return item;
    }

    /** Adds {@code rdfs:label "text"@lang} to {@code item}. */
    public static void label(Graph out, Node item, String text, String lang) {
        out.add(item, RDFS.label.asNode(), NodeFactory.createLiteralLang(text, lang));
    }
}
