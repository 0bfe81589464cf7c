package jp.kakaritsuke.kb.area;

/** The region reference data (data/regions) is inconsistent or malformed; the message names file, line and field. */
public class AreaDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AreaDataException(String message) {
        super(message);
    }
}
