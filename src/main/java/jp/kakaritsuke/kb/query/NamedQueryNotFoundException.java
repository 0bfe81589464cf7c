package jp.kakaritsuke.kb.query;

import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/** Thrown when no query of the catalogue has the requested name: answered with 404. */
public class NamedQueryNotFoundException extends HttpFailureException {

    private final String queryName;

    public NamedQueryNotFoundException(String queryName) {
        super(HttpStatus.NOT_FOUND, "error.notFound", "no named query '" + queryName + "'");
        this.queryName = queryName;
    }

    /** The name that was asked for. */
    public String queryName() {
        return queryName;
    }
}
