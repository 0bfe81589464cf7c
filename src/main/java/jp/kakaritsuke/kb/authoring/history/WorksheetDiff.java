package jp.kakaritsuke.kb.authoring.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.worksheet.WorksheetItem;
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
     * Computes the difference between two versions of the worksheet {@code worksheet}. Its items are labelled as the
     * form prints them ({@code 原因①}, {@code Measure 2, action 1}) and come in the form's order; properties, values
     * and other subjects by their {@code rdfs:label} or {@code skos:prefLabel} in the newer version, the older one or
     * {@code vocabulary}.
     *
     * @param worksheet the worksheet's IRI
     * @param vocabulary labels of properties and concepts (the ontology), read where it is, not copied
     * @param lang the reader's language, "ja" or "en"
     */
    public static WorksheetDiff between(
            String worksheet, int from, Graph older, int to, Graph newer, Graph vocabulary, String lang) {
        List<Triple> removed = older.find().filterDrop(newer::contains).toList();
        List<Triple> added = newer.find().filterDrop(older::contains).toList();
        Labels labels = new Labels(worksheet, List.of(newer, older, vocabulary), lang);
        Map<Node, Map<Node, List<List<String>>>> bySubject = new TreeMap<>(labels.subjectOrder());
        collect(removed, 0, bySubject, labels);
        collect(added, 1, bySubject, labels);
        List<ItemChange> items = new ArrayList<>();
        bySubject.forEach((subject, properties) -> {
            List<PropertyChange> changes = new ArrayList<>();
            properties.forEach((p, values) -> changes.add(new PropertyChange(
                    p.getURI(),
                    labels.of(p),
                    values.get(0).stream().sorted().toList(),
                    values.get(1).stream().sorted().toList())));
            String name = subject.isURI() ? "<" + subject.getURI() + ">" : "_:" + subject.getBlankNodeLabel();
            items.add(new ItemChange(name, labels.of(subject), List.copyOf(changes)));
        });
        return new WorksheetDiff(from, to, removed.size(), added.size(), List.copyOf(items));
    }

    private static void collect(
            List<Triple> triples, int side, Map<Node, Map<Node, List<List<String>>>> bySubject, Labels labels) {
        for (Triple t : triples) {
            List<List<String>> values = bySubject
                    .computeIfAbsent(t.getSubject(), s -> new TreeMap<>(Comparator.comparing(Node::getURI)))
                    .computeIfAbsent(t.getPredicate(), p -> List.of(new ArrayList<>(), new ArrayList<>()));
            values.get(side).add(labels.display(t.getObject()));
        }
    }

    /** Where the labels of a diff come from: the worksheet's item scheme first, then the graphs, in order. */
    private record Labels(String worksheet, List<Graph> graphs, String lang) {

        /** Items of the worksheet in the form's order, after the worksheet itself and before anything else. */
        Comparator<Node> subjectOrder() {
            Comparator<WorksheetItem> items = Comparator.nullsLast(WorksheetItem.FORM_ORDER);
            return Comparator.comparingInt((Node n) -> n.isURI() && n.getURI().equals(worksheet) ? 0 : 1)
                    .thenComparing(this::item, items)
                    .thenComparing((Node n) -> n.toString());
        }

        private WorksheetItem item(Node node) {
            return node.isURI() ? WorksheetItem.at(worksheet, node.getURI()) : null;
        }

        String display(Node value) {
            if (value.isLiteral()) {
                String language = value.getLiteralLanguage();
                return language.isEmpty()
                        ? value.getLiteralLexicalForm()
                        : value.getLiteralLexicalForm() + " @" + language;
            }
            return of(value);
        }

        /**
         * An item's printed label; else the rdfs:label (else skos:prefLabel) in {@code lang}, else in Japanese, from
         * the first graph that has one; else the IRI's last part.
         */
        String of(Node node) {
            if (!node.isURI()) {
                return node.isBlank() ? "_:" + node.getBlankNodeLabel() : node.toString();
            }
            WorksheetItem item = item(node);
            if (item != null) {
                return item.label(lang);
            }
            for (Node property : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode())) {
                for (Graph graph : graphs) {
                    String found = label(graph, node, property);
                    if (found != null) {
                        return found;
                    }
                }
            }
            String iri = node.getURI();
            int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
            return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        }

        private String label(Graph graph, Node node, Node property) {
            String ja = null;
            for (Triple t : graph.find(node, property, Node.ANY).toList()) {
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
            return ja;
        }
    }
}
