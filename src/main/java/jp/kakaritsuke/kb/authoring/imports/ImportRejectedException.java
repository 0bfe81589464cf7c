package jp.kakaritsuke.kb.authoring.imports;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An upload was refused and nothing was written. Carries every problem found (not only the first), each with its
 * place in the file, and the HTTP status that says what kind of refusal it is.
 */
class ImportRejectedException extends RuntimeException {

    /** Kinds of refusal. */
    enum Reason {
        /** The content does not parse, or breaks a rule of the layout (unknown id, missing column, …): 400. */
        MALFORMED(HttpStatus.BAD_REQUEST),
        /** A worksheet does not conform to the SHACL shapes: 422. */
        INVALID(HttpStatus.UNPROCESSABLE_CONTENT),
        /** The user may not write a worksheet of the file: 403. */
        DENIED(HttpStatus.FORBIDDEN),
        /** The upload is larger than {@code kb.import.max-upload}: 413. */
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        /** A worksheet of the file is a worked example of the guideline, which nothing replaces: 409. */
        PROTECTED(HttpStatus.CONFLICT),
        /** A worksheet of the file carries a title or label of a worked example of the guideline: 422. */
        COPIED_EXAMPLE(HttpStatus.UNPROCESSABLE_CONTENT),
        /** A worksheet changed after the preview that the apply was based on: 409. */
        STALE(HttpStatus.CONFLICT),
        /** Unknown file extension or content type: 415. */
        UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;
    private final transient List<ImportProblem> problems;

    ImportRejectedException(Reason reason, List<ImportProblem> problems) {
        super(reason + ": " + problems.size() + " problem(s), first: " + problems.get(0));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    static ImportRejectedException malformed(ImportProblem problem) {
        return new ImportRejectedException(Reason.MALFORMED, List.of(problem));
    }

    static ImportRejectedException unsupported(ImportProblem problem) {
        return new ImportRejectedException(Reason.UNSUPPORTED, List.of(problem));
    }

    Reason reason() {
        return reason;
    }

    List<ImportProblem> problems() {
        return problems;
    }
}
