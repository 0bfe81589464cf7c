package jp.kakaritsuke.kb.store;

/**
 * The store refused a request of the application with a client error (4xx other than 401/403): a query or update its
 * engine does not accept, data it cannot take. To the application's own clients that is a bad gateway (502) too; the
 * message carries the store's own words, and {@link #storeStatus()} its status.
 */
public class StoreRequestException extends StoreUnavailableException {

    private final int status;

    public StoreRequestException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the store answered with. */
    public int storeStatus() {
        return status;
    }
}
