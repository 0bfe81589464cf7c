package jp.kakaritsuke.kb.web;

import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/** A resource that the knowledge base does not hold: answered with 404. */
public class NotFoundException extends HttpFailureException {

    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, "error.notFound", what);
    }
}
