package jp.kakaritsuke.kb.store;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Reads an {@code xsd:boolean} value from a query answer, as every supported engine gives it back. Virtuoso 7 stores
 * {@code true} as the integer 1 and answers {@code "1"^^xsd:positiveInteger} (and {@code false} as
 * {@code "0"^^xsd:boolean}), so a flag is true when it is the boolean {@code true} or a non-zero number.
 */
public final class StoredBoolean {

    private StoredBoolean() {}

    /** True when {@code node} is the literal {@code true}, or a number other than 0; false when absent or otherwise. */
    public static boolean isTrue(RDFNode node) {
        if (node == null || !node.isLiteral()) {
            return false;
        }
        Literal literal = node.asLiteral();
        Object value = literal.getValue();
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return "true".equals(literal.getLexicalForm());
    }
}
