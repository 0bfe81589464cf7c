package jp.kakaritsuke.kb.authoring.backup;

/** A backup file that is not gzipped N-Quads of named graphs; the store was left unchanged. */
public class BackupFormatException extends RuntimeException {

    public BackupFormatException(String message) {
        super(message);
    }

    public BackupFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
