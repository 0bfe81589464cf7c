package jp.kakaritsuke.kb.authoring;

import java.util.Map;
import jp.kakaritsuke.kb.failure.HttpFailure;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * The user is signed in but may not write this worksheet: its area lies outside the editor's prefectures (or is the
 * placeholder area, which only administrators write). Answers 403. Nothing was written.
 */
public class WriteDeniedException extends AccessDeniedException implements HttpFailure {

    public WriteDeniedException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String messageKey() {
        return "authoring.refused.denied";
    }

    @Override
    public Map<String, Object> page() {
        return Map.of("detail", getMessage());
    }
}
