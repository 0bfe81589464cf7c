package jp.kakaritsuke.kb.area;

/**
 * A code (or plan generation) that cannot identify an area: the message names the kind of code, the value and why
 * it was refused.
 */
public class InvalidAreaCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String value;

    InvalidAreaCodeException(String kind, String value, String reason) {
        super("Invalid " + kind + " \"" + value + "\": " + reason);
        this.kind = kind;
        this.value = value;
    }

    /** What the value was meant to be, e.g. "prefecture code". */
    public String kind() {
        return kind;
    }

    /** The refused value as given (possibly null). */
    public String value() {
        return value;
    }
}
