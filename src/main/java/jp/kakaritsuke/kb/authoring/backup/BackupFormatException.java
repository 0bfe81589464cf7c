package jp.kakaritsuke.kb.authoring.backup;

import java.util.Map;
import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/** A backup file that is not gzipped N-Quads of named graphs; the store was left unchanged. */
public class BackupFormatException extends HttpFailureException {

    public BackupFormatException(String message) {
        super(HttpStatus.BAD_REQUEST, "authoring.backup.unreadable", message);
    }

    public BackupFormatException(String message, Throwable cause) {
        super(HttpStatus.BAD_REQUEST, "authoring.backup.unreadable", message, cause);
    }

    @Override
    public Map<String, Object> page() {
        return Map.of("detail", String.valueOf(getMessage()));
    }
}
