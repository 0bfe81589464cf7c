package jp.kakaritsuke.kb.web;

import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/** A request parameter that is missing or malformed: answered with 400, naming the parameter. */
public class BadRequestException extends HttpFailureException {

    private final String parameter;

    public BadRequestException(String parameter, String problem) {
        super(HttpStatus.BAD_REQUEST, "error.badRequest", parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
