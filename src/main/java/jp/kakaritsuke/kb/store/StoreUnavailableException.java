package jp.kakaritsuke.kb.store;

/** The store cannot be reached (a remote SPARQL store that is down or refuses the connection): answered with 502. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
