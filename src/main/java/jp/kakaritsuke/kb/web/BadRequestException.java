package jp.kakaritsuke.kb.web;

/** A request parameter that is missing or malformed: answered with 400, naming the parameter. */
public class BadRequestException extends RuntimeException {

    private final String parameter;

    public BadRequestException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
