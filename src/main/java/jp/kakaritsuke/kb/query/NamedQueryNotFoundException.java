package jp.kakaritsuke.kb.query;

/** Thrown when no query of the catalogue has the requested name. */
public class NamedQueryNotFoundException extends RuntimeException {

    private final String queryName;

    public NamedQueryNotFoundException(String queryName) {
        super("no named query '" + queryName + "'");
        this.queryName = queryName;
    }

    /** The name that was asked for. */
    public String queryName() {
        return queryName;
    }
}
