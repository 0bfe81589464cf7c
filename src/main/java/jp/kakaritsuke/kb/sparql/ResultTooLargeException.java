package jp.kakaritsuke.kb.sparql;

/** A result of the query page larger than {@code kb.sparql.max-result-size}: the page answers 413 with a notice. */
class ResultTooLargeException extends RuntimeException {

    private final String limit;

    ResultTooLargeException(String limit) {
        super("result larger than kb.sparql.max-result-size = " + limit);
        this.limit = limit;
    }

    /** The byte cap as configured (16MB, 256KB). */
    String limit() {
        return limit;
    }
}
