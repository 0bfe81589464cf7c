package jp.kakaritsuke.kb.store;

/** The shipped RDF (ontology or data files) could not be read or parsed; the message names the file and position. */
public class DataLoadException extends RuntimeException {

    public DataLoadException(String message) {
        super(message);
    }

    public DataLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
