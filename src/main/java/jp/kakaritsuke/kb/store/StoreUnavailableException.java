package jp.kakaritsuke.kb.store;

/**
 * The store could not be reached or failed on its side (a remote SPARQL store that is down, refuses the connection
 * or answers with a server error). The web layer answers such failures with 502 Bad Gateway.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
