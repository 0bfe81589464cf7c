package jp.kakaritsuke.kb.query;

/**
 * Thrown at start-up when a file of {@code queries/} is not a valid named query: a SPARQL syntax error or a header
 * that breaks the format. The message names the file, line and column.
 */
public class NamedQueryDefinitionException extends RuntimeException {

    public NamedQueryDefinitionException(String file, int line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + ": " + problem, cause);
    }

    public NamedQueryDefinitionException(String file, int line, String problem) {
        this(file, line, -1, problem, null);
    }

    private static String location(String file, int line, int column) {
        if (line < 0) {
            return file;
        }
        return column < 0 ? file + ", line " + line : file + ", line " + line + ", column " + column;
    }
}
