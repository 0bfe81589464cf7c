package jp.kakaritsuke.kb.demo;

/** The input of the demo generator (example worksheets, area data, options) is missing or unusable. */
public class DemoDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoDataException(String message) {
        super(message);
    }
}
