package jp.kakaritsuke.kb.failure;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure that says how the application answers it: its status, the key of the message a reader sees, and what
 * else a client may get. Implemented by the exceptions of the capability, store and query packages, so that
 * {@code web.ErrorHandling} renders them — as an HTML page, an RDF body, JSON or plain text, as the client asked —
 * without knowing those packages.
 */
public interface HttpFailure {

    /** The status of the answer. */
    HttpStatus status();

    /** The key of the message the error page shows (in the reader's language). */
    String messageKey();

    /** The exception's message. */
    String getMessage();

    /**
     * What went wrong, for programs and the page's detail line: the exception's message unless that is for the
     * operator's log only (see {@link #logged}).
     */
    default String detail() {
        return getMessage();
    }

    /**
     * True if the failure is the service's own (a store that is down) rather than the client's: it is then logged
     * with its message and the request's id, and the answer gives the id so that a report can be matched with the
     * log.
     */
    default boolean logged() {
        return false;
    }

    /**
     * The JSON body a program gets, or empty for the usual {@code status}, {@code error}, {@code message} body (a
     * program that asks for nothing in particular then gets plain text).
     */
    default Map<String, Object> json() {
        return Map.of();
    }

    /** A graph that explains the failure to an RDF client (a SHACL validation report), or null. */
    default Graph explanation() {
        return null;
    }

    /** Headers the answer carries whatever its form (an {@code ETag}). */
    default HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    /** What the error page shows besides the message: {@code detail}, {@code violations}, {@code startFrom}. */
    default Map<String, Object> page() {
        return Map.of();
    }
}
