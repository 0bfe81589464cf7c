package jp.kakaritsuke.kb.authoring;

import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/**
 * A write based on a version of the worksheet that is no longer the current one: someone else wrote it meanwhile.
 * Nothing was written. The editor shows what the other person changed; the REST API answers 412 Precondition Failed;
 * an import asks for a new preview.
 */
public class VersionConflictException extends HttpFailureException {

    private final String slug;
    private final int expected;
    private final int current;

    public VersionConflictException(String slug, int expected, int current) {
        super(
                HttpStatus.CONFLICT,
                "error.staleVersion",
                "Worksheet " + slug + " is at version " + current + ", not " + expected
                        + ": someone else changed it since it was read");
        this.slug = slug;
        this.expected = expected;
        this.current = current;
    }

    public String slug() {
        return slug;
    }

    /** The version the write was based on (0: the writer expected no worksheet). */
    public int expected() {
        return expected;
    }

    /** The version now current (0: none). */
    public int current() {
        return current;
    }
}
