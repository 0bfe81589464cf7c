package jp.kakaritsuke.kb.cross;

import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.Functions;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /suggestions?kind=cause|measure&text=…&function=f2-ha&worksheet={slug}}: what the editor proposes while
 * an author writes a cause or measure — the types that the most similar causes or measures of other worksheets have,
 * and those items themselves ({@link Suggestions}), as JSON. Public, like every read.
 */
@RestController
class SuggestionController {

    /** The longest text the suggestions read. */
    static final int MAX_TEXT = 2000;

    /** How many similar items are returned. */
    static final int MAX_SIMILAR = 5;

    private final Suggestions suggestions;
    private final String base;

    SuggestionController(Suggestions suggestions, StoreProperties properties) {
        this.suggestions = suggestions;
        this.base = properties.baseIri();
    }

    @GetMapping(path = "/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    Suggestions.Result suggest(
            @RequestParam(name = "kind") String kind,
            @RequestParam(name = "text") String text,
            @RequestParam(name = "function", required = false) String function,
            @RequestParam(name = "worksheet", required = false) String worksheet) {
        ItemKind itemKind = switch (kind) {
            case "cause" -> ItemKind.CAUSE;
            case "measure" -> ItemKind.MEASURE;
            default -> throw new BadRequestException("kind", "'" + kind + "' is neither cause nor measure");
        };
        if (text.length() > MAX_TEXT) {
            throw new BadRequestException("text", "longer than " + MAX_TEXT + " characters");
        }
        if (function != null && !function.isBlank() && !Links.isLocalId(function.strip())) {
            throw new BadRequestException("function", "'" + function + "' is not a function id such as f2-ha");
        }
        if (worksheet != null && !worksheet.isBlank() && !WorksheetNames.isSlug(worksheet.strip())) {
            throw new BadRequestException("worksheet", "'" + worksheet + "' is not a worksheet slug");
        }
        String functionIri = function == null || function.isBlank() ? null : Functions.NS + function.strip();
        String worksheetIri = worksheet == null || worksheet.isBlank()
                ? null
                : new WorksheetNames(base, worksheet.strip()).worksheet();
        return suggestions.suggest(
                text, itemKind, functionIri, worksheetIri, MAX_SIMILAR, LocalizedText.currentLanguage());
    }
}
