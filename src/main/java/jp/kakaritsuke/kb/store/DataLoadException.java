package jp.kakaritsuke.kb.store;

/**
 * The shipped RDF (ontology or data files) could not be read or parsed, or a store cannot take or hold the load; the
 * message names the file and position or the store, and {@link #action()} says what to do.
 */
public class DataLoadException extends RuntimeException {

    /** What to do about most failed loads: nothing was written. */
    static final String CORRECT_AND_RETRY = "Correct the data file or the setting named above and start again. The load"
            + " writes in one transaction (or, into a remote store, records a complete load last), so the store holds"
            + " no half load.";

    private final String action;

    public DataLoadException(String message) {
        this(message, CORRECT_AND_RETRY, null);
    }

    public DataLoadException(String message, Throwable cause) {
        this(message, CORRECT_AND_RETRY, cause);
    }

    /** A failure whose remedy is not to correct a file or a setting: {@code action} says what it is. */
    DataLoadException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to do before starting again. */
    public String action() {
        return action;
    }
}
