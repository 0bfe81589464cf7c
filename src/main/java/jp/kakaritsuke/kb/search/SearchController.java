package jp.kakaritsuke.kb.search;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page {@code /search?q=…}: full-text search over the worksheet text, results grouped by worksheet.
 * Optional parameters: {@code function} and {@code area} (IRIs) filter the worksheets, {@code syntax=lucene} reads
 * {@code q} as a Lucene query (see {@link SearchQuery}).
 */
@Controller
class SearchController {

    private final SearchService search;
    private final String baseIri;

    SearchController(SearchService search, StoreProperties storeProperties) {
        this.search = search;
        this.baseIri = storeProperties.baseIri();
    }

    @GetMapping(path = "/search", produces = MediaType.TEXT_HTML_VALUE)
    String search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "syntax", required = false) String syntax,
            @RequestParam(name = "function", required = false) String function,
            @RequestParam(name = "area", required = false) String area,
            Model model,
            HttpServletResponse response) {
        boolean lucene = "lucene".equals(syntax);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("lucene", lucene);
        model.addAttribute("function", blankToNull(function));
        model.addAttribute("area", blankToNull(area));
        model.addAttribute("mode", search.mode().name());
        List<SearchService.Worksheet> worksheets = search.worksheets();
        String lang = LocalizedText.currentLanguage();
        SearchService.Result result;
        try {
            SearchQuery query = SearchQuery.parse(q, lucene);
            result = search.search(query, iri("function", function), iri("area", area));
            model.addAttribute("searched", !query.isEmpty());
        } catch (BadRequestException e) {
            // The page answers the error itself, keeping the form so that the reader can correct the query.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("searched", false);
            result = new SearchService.Result(search.mode(), List.of(), List.of(), 0, false);
        }
        model.addAttribute("result", result);
        model.addAttribute("page", SearchPage.of(result, worksheets, baseIri, lang));
        return "search/search";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter parameter: empty for none, else an absolute IRI. */
    private static String iri(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (URI.create(v).isAbsolute()) {
                return v;
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, "not an IRI: " + v);
        }
        throw new BadRequestException(name, "not an absolute IRI: " + v);
    }
}
