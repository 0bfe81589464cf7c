package jp.kakaritsuke.kb.browse;

import java.util.List;
import jp.kakaritsuke.kb.area.AreaLookup;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /areas/lookup?q=松戸}: areas whose name contains the text, with their prefecture and the vision zones
 * covering a municipality, as JSON, for the area picker of the new-worksheet form ({@code static/js/area-picker.js}).
 * Public, like every read.
 */
@RestController
class AreaLookupController {

    private final AreaLookup lookup;

    AreaLookupController(AreaLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping(path = "/areas/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AreaLookup.Match> lookup(@RequestParam(name = "q", defaultValue = "") String q) {
        if (q.length() > AreaLookup.MAX_NEEDLE) {
            throw new BadRequestException("q", "longer than " + AreaLookup.MAX_NEEDLE + " characters");
        }
        return lookup.find(q, LocalizedText.currentLanguage());
    }
}
