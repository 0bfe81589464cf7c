package jp.kakaritsuke.kb.evidence;

/** A row of the evidence CSVs that does not agree with the area lists or with itself: file, line and column. */
public final class EvidenceDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvidenceDataException(String message) {
        super(message);
    }
}
