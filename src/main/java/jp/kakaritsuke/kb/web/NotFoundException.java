package jp.kakaritsuke.kb.web;

/** A resource that the knowledge base does not hold: answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
