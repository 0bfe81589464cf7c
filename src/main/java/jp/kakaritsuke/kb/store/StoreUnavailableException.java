package jp.kakaritsuke.kb.store;

import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/**
 * The store could not be reached or failed on its side (a remote SPARQL store that is down, refuses the connection
 * or answers with a server error): answered with 502 Bad Gateway. The message, which names the store, is for the
 * operator's log; the client is told only that the store is unavailable, with the request's id.
 */
public class StoreUnavailableException extends HttpFailureException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, "error.storeDown", message, cause);
    }

    @Override
    public String detail() {
        return "store unavailable";
    }

    @Override
    public boolean logged() {
        return true;
    }
}
