package jp.kakaritsuke.kb.authoring.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What changed between two versions of a worksheet: the triples removed and added, grouped by the item (subject) and
 * the property they are about, with labels to show, so that a change reads as "cause 1 — text: … → …".
 *
 * <p>Blank nodes of two versions are never the same node, so a statement about a blank node shows as removed and
 * added even when it did not change; the worksheets this application writes name every item with an IRI.
 *
 * @param from the older version's number
 * @param to the newer version's number
 * @param removed how many triples are only in {@code from}
 * @param added how many triples are only in {@code to}
 * @param items the changes, by item
 */
public record WorksheetDiff(int from, int to, int removed, int added, List<ItemChange> items) {

    /**
     * The changes to one item.
     *
     * @param subject the item, in N-Triples form
     * @param label its label in the reader's language (or the IRI's last part)
     * @param properties the changed properties
     */
    public record ItemChange(String subject, String label, List<PropertyChange> properties) {}

    /**
     * The changed values of one property of an item.
     *
     * @param property the property IRI
     * @param label its label in the reader's language
     * @param removedValues values only in the older version, as text to show
     * @param addedValues values only in the newer version, as text to show
     */
    public record PropertyChange(String property, String label, List<String> removedValues, List<String> addedValues) {}

    /**
     * Computes the difference.
     *
     * @param labels where labels of items, properties and values come from (both versions and the ontology)
     * @param lang the reader's language, "ja" or "en"
     */
    public static WorksheetDiff between(int from, Graph older, int to, Graph newer, Graph labels, String lang) {
        List<Triple> removed = older.find().filterDrop(newer::contains).toList();
        List<Triple> added = newer.find().filterDrop(older::contains).toList();
        Map<Node, Map<Node, List<List<String>>>> bySubject = new TreeMap<>(Comparator.comparing(Node::toString));
        collect(removed, 0, bySubject, labels, lang);
        collect(added, 1, bySubject, labels, lang);
        List<ItemChange> items = new ArrayList<>();
        bySubject.forEach((subject, properties) -> {
            List<PropertyChange> changes = new ArrayList<>();
            properties.forEach((p, values) -> changes.add(new PropertyChange(
                    p.getURI(),
                    label(p, labels, lang),
                    values.get(0).stream().sorted().toList(),
                    values.get(1).stream().sorted().toList())));
            String name = subject.isURI() ? "<" + subject.getURI() + ">" : "_:" + subject.getBlankNodeLabel();
            items.add(new ItemChange(name, label(subject, labels, lang), List.copyOf(changes)));
        });
        return new WorksheetDiff(from, to, removed.size(), added.size(), List.copyOf(items));
    }

    private static void collect(
            List<Triple> triples,
            int side,
            Map<Node, Map<Node, List<List<String>>>> bySubject,
            Graph labels,
            String lang) {
        for (Triple t : triples) {
            List<List<String>> values = bySubject
                    .computeIfAbsent(t.getSubject(), s -> new TreeMap<>(Comparator.comparing(Node::getURI)))
                    .computeIfAbsent(t.getPredicate(), p -> List.of(new ArrayList<>(), new ArrayList<>()));
            values.get(side).add(display(t.getObject(), labels, lang));
        }
    }

    private static String display(Node value, Graph labels, String lang) {
        if (value.isLiteral()) {
            String language = value.getLiteralLanguage();
            return language.isEmpty() ? value.getLiteralLexicalForm() : value.getLiteralLexicalForm() + " @" + language;
        }
        return label(value, labels, lang);
    }

    /** The rdfs:label (else skos:prefLabel) in {@code lang}, else in Japanese, else the IRI's last part. */
    static String label(Node node, Graph labels, String lang) {
        if (!node.isURI()) {
            return node.isBlank() ? "_:" + node.getBlankNodeLabel() : node.toString();
        }
        for (Node property : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode())) {
            String ja = null;
            for (Triple t : labels.find(node, property, Node.ANY).toList()) {
                Node o = t.getObject();
                if (!o.isLiteral()) {
                    continue;
                }
                if (lang.equalsIgnoreCase(o.getLiteralLanguage())) {
                    return o.getLiteralLexicalForm();
                }
                if ("ja".equalsIgnoreCase(o.getLiteralLanguage())) {
                    ja = o.getLiteralLexicalForm();
                }
            }
            if (ja != null) {
                return ja;
            }
        }
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }
}
