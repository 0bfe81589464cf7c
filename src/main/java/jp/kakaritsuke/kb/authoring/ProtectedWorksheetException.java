package jp.kakaritsuke.kb.authoring;

/**
 * A worked example of the guideline (status {@code kkst:example}) cannot be replaced or deleted through the editor,
 * the API or an import; an administrator restores it from the shipped data ({@code --kb.data.reload=true}). Answers
 * 409 Conflict. Nothing was written.
 */
public class ProtectedWorksheetException extends RuntimeException {

    private final String slug;

    public ProtectedWorksheetException(String slug) {
        super("Worksheet " + slug + " is a worked example of the guideline: it cannot be replaced or deleted; "
                + "start a new worksheet from it instead");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
