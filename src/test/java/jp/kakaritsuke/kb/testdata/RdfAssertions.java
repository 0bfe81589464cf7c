package jp.kakaritsuke.kb.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/** Assertions on RDF datasets, compared graph by graph by isomorphism, never by text. */
public final class RdfAssertions {

    private RdfAssertions() {}

    /**
     * Asserts that both datasets have the same named graphs and that each is isomorphic with its counterpart.
     *
     * @return the names of the graphs, for further checks
     */
    public static Set<Node> assertSameNamedGraphs(DatasetGraph expected, DatasetGraph actual) {
        Set<Node> names = new HashSet<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        Set<Node> actualNames = new HashSet<>();
        actual.listGraphNodes().forEachRemaining(actualNames::add);
        assertEquals(names, actualNames);
        for (Node name : names) {
            assertTrue(expected.getGraph(name).isIsomorphicWith(actual.getGraph(name)), "graph " + name + " differs");
        }
        return names;
    }
}
