package jp.kakaritsuke.kb.authoring;

import java.util.Map;
import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.springframework.http.HttpStatus;

/**
 * A worked example of the guideline (status {@code kkst:example}) cannot be replaced or deleted through the editor,
 * the API or an import; an administrator restores it from the shipped data ({@code --kb.data.reload=true}). Answers
 * 409 Conflict. Nothing was written.
 */
public class ProtectedWorksheetException extends HttpFailureException {

    private final String slug;

    public ProtectedWorksheetException(String slug) {
        super(
                HttpStatus.CONFLICT,
                "form.error.workedExample",
                "Worksheet " + slug + " is a worked example of the guideline: it cannot be replaced or deleted; "
                        + "start a new worksheet from it instead");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The page offers to start a new worksheet from the example instead. */
    @Override
    public Map<String, Object> page() {
        return Map.of("startFrom", slug);
    }
}
