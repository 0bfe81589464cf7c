package jp.kakaritsuke.kb.authoring.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A three-way merge of worksheet versions, for an author whose save met someone else's: the other person's version
 * with the author's own changes (relative to the version both started from) applied on top.
 *
 * <p>Changes are compared per item and property (subject and predicate). Where only one side changed a property, its
 * change is kept. Where both changed the same property of the same item differently, the author's values win and the
 * pair is listed as a conflict, so that the editor can show it before anything is saved: the merge itself writes
 * nothing.
 *
 * @param merged the merged content
 * @param conflicts the items and properties both sides changed differently (subject, predicate)
 */
public record WorksheetMerge(Graph merged, List<Triple> conflicts) {

    /**
     * Merges.
     *
     * @param base the version both sides started from
     * @param theirs the current version (the other person's save)
     * @param mine the author's content, based on {@code base}
     */
    public static WorksheetMerge of(Graph base, Graph theirs, Graph mine) {
        Graph merged = GraphFactory.createDefaultGraph();
        theirs.find().forEachRemaining(merged::add);
        Set<List<Node>> touched = new LinkedHashSet<>();
        base.find().filterDrop(mine::contains).forEachRemaining(t -> touched.add(key(t)));
        mine.find().filterDrop(base::contains).forEachRemaining(t -> touched.add(key(t)));
        List<Triple> conflicts = new ArrayList<>();
        for (List<Node> sp : touched) {
            Node s = sp.get(0);
            Node p = sp.get(1);
            Set<Triple> inBase = values(base, s, p);
            Set<Triple> inTheirs = values(theirs, s, p);
            Set<Triple> inMine = values(mine, s, p);
            if (!inTheirs.equals(inBase) && !inTheirs.equals(inMine)) {
                conflicts.add(Triple.create(s, p, Node.ANY));
                inTheirs.forEach(merged::delete);
                inMine.forEach(merged::add);
                continue;
            }
            for (Triple t : inBase) {
                if (!inMine.contains(t)) {
                    merged.delete(t);
                }
            }
            for (Triple t : inMine) {
                if (!inBase.contains(t)) {
                    merged.add(t);
                }
            }
        }
        return new WorksheetMerge(merged, List.copyOf(conflicts));
    }

    private static List<Node> key(Triple t) {
        return List.of(t.getSubject(), t.getPredicate());
    }

    private static Set<Triple> values(Graph graph, Node s, Node p) {
        return new HashSet<>(graph.find(s, p, Node.ANY).toList());
    }
}
