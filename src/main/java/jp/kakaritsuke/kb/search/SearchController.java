package jp.kakaritsuke.kb.search;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.area.AreaLookup;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page {@code /search?q=…}: full-text search over the worksheet text, results grouped by worksheet, the
 * most relevant first and, for equal relevance, worked examples and agreed worksheets before drafts and synthetic
 * ones; {@link #PAGE_SIZE} worksheets a page ({@code page}). Optional filters, all kept in the page links:
 * {@code function} and {@code area} (IRIs), {@code prefecture} (JIS code, two digits: worksheets of areas in it),
 * {@code status} ({@code example}, {@code draft}, {@code agreed}) and {@code hideSynthetic}; {@code syntax=lucene}
 * reads {@code q} as a Lucene query (see {@link SearchQuery}).
 */
@Controller
class SearchController {

    /** How many worksheets a page of results shows. */
    static final int PAGE_SIZE = 20;

    private static final Pattern PREFECTURE = Pattern.compile("[0-9]{2}");
    private static final List<String> STATUSES = List.of("example", "agreed", "draft");

    private final SearchService search;
    private final AreaLookup areas;
    private final String baseIri;

    SearchController(SearchService search, AreaLookup areas, StoreProperties storeProperties) {
        this.search = search;
        this.areas = areas;
        this.baseIri = storeProperties.baseIri();
    }

    /** What the reader asked for, as the page's links repeat it. */
    record Request(
            String q,
            boolean lucene,
            String function,
            String area,
            String prefecture,
            String status,
            boolean hideSynthetic) {

        /** The link to page {@code page} of this search. */
        public String link(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search").queryParam("q", q);
            if (lucene) {
                uri.queryParam("syntax", "lucene");
            }
            for (String[] p : new String[][] {
                {"function", function}, {"area", area}, {"prefecture", prefecture}, {"status", status}
            }) {
                if (p[1] != null) {
                    uri.queryParam(p[0], p[1]);
                }
            }
            if (hideSynthetic) {
                uri.queryParam("hideSynthetic", "true");
            }
            if (page > 1) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }

    @GetMapping(path = "/search", produces = MediaType.TEXT_HTML_VALUE)
    String search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "syntax", required = false) String syntax,
            @RequestParam(name = "function", required = false) String function,
            @RequestParam(name = "area", required = false) String area,
            @RequestParam(name = "prefecture", required = false) String prefecture,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "hideSynthetic", defaultValue = "false") boolean hideSynthetic,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        Request request = new Request(
                q == null ? "" : q.strip(),
                "lucene".equals(syntax),
                blankToNull(function),
                blankToNull(area),
                blankToNull(prefecture),
                blankToNull(status),
                hideSynthetic);
        model.addAttribute("q", request.q());
        model.addAttribute("lucene", request.lucene());
        model.addAttribute("function", request.function());
        model.addAttribute("area", request.area());
        model.addAttribute("prefecture", request.prefecture());
        model.addAttribute("status", request.status());
        model.addAttribute("hideSynthetic", hideSynthetic);
        model.addAttribute("mode", search.mode().name());
        SearchService.Choices choices = search.choices();
        String lang = LocalizedText.currentLanguage();
        SearchService.Result result;
        int shownPage = 1;
        try {
            SearchQuery query = SearchQuery.parse(q, request.lucene());
            if (page < 1) {
                throw new BadRequestException("page", "must be 1 or more, not " + page);
            }
            SearchService.Filters filters = new SearchService.Filters(
                    iri("function", request.function()),
                    iri("area", request.area()),
                    prefectureIri(request.prefecture()),
                    statusIri(request.status()),
                    hideSynthetic);
            result = search.search(query, filters);
            shownPage = page;
            model.addAttribute("searched", !query.isEmpty());
        } catch (BadRequestException e) {
            // The page answers the error itself, keeping the form so that the reader can correct the query.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("searched", false);
            result = new SearchService.Result(search.mode(), List.of(), List.of(), 0, false);
        }
        model.addAttribute("result", result);
        // Places named like the words typed (松戸, 函館, 南渡島): the municipality and the vision zone covering it.
        model.addAttribute(
                "areas",
                request.lucene() || request.q().length() > AreaLookup.MAX_NEEDLE
                        ? List.of()
                        : areas.find(request.q(), lang));
        model.addAttribute("page", SearchPage.of(result, choices, baseIri, lang, shownPage, PAGE_SIZE));
        model.addAttribute("request", request);
        return "search/search";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter parameter: empty for none, else an absolute IRI. */
    private static String iri(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (URI.create(value).isAbsolute()) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, "not an IRI: " + value);
        }
        throw new BadRequestException(name, "not an absolute IRI: " + value);
    }

    /** The prefecture filter: a JIS X 0401 code, 01 to 47. */
    private String prefectureIri(String code) {
        if (code == null) {
            return null;
        }
        if (!PREFECTURE.matcher(code).matches() || Integer.parseInt(code) < 1 || Integer.parseInt(code) > 47) {
            throw new BadRequestException(
                    "prefecture", "'" + code + "' is not a prefecture code (two digits, 01 to 47)");
        }
        return baseIri + AreaIris.prefecturePath(code);
    }

    /** The status filter: the local name of a concept of kk:statuses. */
    private static String statusIri(String id) {
        if (id == null) {
            return null;
        }
        if (!STATUSES.contains(id)) {
            throw new BadRequestException("status", "'" + id + "' is not a worksheet status (" + STATUSES + ")");
        }
        return Statuses.NS + id;
    }
}
