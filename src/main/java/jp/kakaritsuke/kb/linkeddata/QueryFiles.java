package jp.kakaritsuke.kb.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * Reads a SPARQL query file of the {@code queries/} folder from the classpath and parses it, once, when the bean
 * that needs it is built; a missing or broken file stops start-up with its name, line and column.
 */
public final class QueryFiles {

    private QueryFiles() {
    }

    /** Parses {@code queries/{name}} (e.g. {@code linkeddata/describe.rq}). */
    public static Query load(String name) {
        String path = "queries/" + name;
        String text;
        try (InputStream in = QueryFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + ": query file not found on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read", e);
        }
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new IllegalStateException(path + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
    }
}
