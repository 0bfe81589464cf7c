package jp.kakaritsuke.kb.query;

import java.util.Map;
import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/** Thrown when a value given for a named query's parameter cannot be bound: a client error naming the parameter. */
public class BadParameterException extends HttpFailureException {

    private final String queryName;
    private final String parameter;

    public BadParameterException(String queryName, String parameter, String problem) {
        super(
                HttpStatus.BAD_REQUEST,
                "error.badRequest",
                "query '" + queryName + "', parameter '" + parameter + "': " + problem);
        this.queryName = queryName;
        this.parameter = parameter;
    }

    /** The named query the value was meant for. */
    public String queryName() {
        return queryName;
    }

    /** The parameter whose value was refused. */
    public String parameter() {
        return parameter;
    }

    /** The error page names the parameter and what is wrong with its value, as the plain-text and JSON answers do. */
    @Override
    public Map<String, Object> page() {
        return Map.of("detail", getMessage());
    }
}
