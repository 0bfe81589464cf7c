package jp.kakaritsuke.kb.failure;

import org.springframework.http.HttpStatus;

/** An exception that carries its status and message key: the usual way to be an {@link HttpFailure}. */
public abstract class HttpFailureException extends RuntimeException implements HttpFailure {

    private final HttpStatus status;
    private final String messageKey;

    protected HttpFailureException(HttpStatus status, String messageKey, String message) {
        this(status, messageKey, message, null);
    }

    protected HttpFailureException(HttpStatus status, String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.messageKey = messageKey;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }
}
