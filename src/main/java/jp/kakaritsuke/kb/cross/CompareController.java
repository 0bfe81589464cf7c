package jp.kakaritsuke.kb.cross;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /compare?w={slug}&w={slug}…}: two to four worksheets side by side (see {@link Comparison}), e.g. two areas
 * for one function or one area across fiscal years. The URL is the comparison: it can be shared and printed. Fewer
 * than two or more than four worksheets, or a malformed slug, answer 400; a worksheet that does not exist 404; both
 * with the page itself, saying what is wrong. A slug given twice counts once. Queries: {@code compare/worksheet.rq}
 * and {@code compare/items.rq} per worksheet, {@code comparison-types.rq} for the order of the types.
 */
@Controller
class CompareController {

    static final int MIN = 2;
    static final int MAX = 4;

    private final CrossQueries queries;
    private final String base;

    CompareController(CrossQueries queries, StoreProperties properties) {
        this.queries = queries;
        this.base = properties.baseIri();
    }

    @GetMapping(path = "/compare", produces = MediaType.TEXT_HTML_VALUE)
    String compare(
            @RequestParam(name = "w", required = false) List<String> requested,
            Model model,
            HttpServletResponse response) {
        String lang = LocalizedText.currentLanguage();
        List<String> slugs = new ArrayList<>(new LinkedHashSet<>(
                requested == null
                        ? List.of()
                        : requested.stream()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList()));
        model.addAttribute("requested", slugs);
        if (slugs.size() < MIN || slugs.size() > MAX) {
            return refuse(model, response, HttpStatus.BAD_REQUEST, "cross.compare.error.count", slugs.size());
        }
        List<Comparison.Column> columns = new ArrayList<>();
        List<List<Comparison.Item>> items = new ArrayList<>();
        for (String slug : slugs) {
            if (!WorksheetNames.isSlug(slug)) {
                return refuse(model, response, HttpStatus.BAD_REQUEST, "cross.compare.error.slug", slug);
            }
            String iri = new WorksheetNames(base, slug).worksheet();
            ResultSetRewindable heading = queries.select(CrossQueries.COMPARE_WORKSHEET, "worksheet", iri);
            if (!heading.hasNext()) {
                return refuse(model, response, HttpStatus.NOT_FOUND, "cross.compare.error.unknown", slug);
            }
            columns.add(column(slug, heading.next(), lang));
            items.add(Comparison.items(queries.select(CrossQueries.COMPARE_ITEMS, "worksheet", iri)));
        }
        ComparisonTypes types = ComparisonTypes.from(queries.select(CrossQueries.TYPES), lang);
        model.addAttribute("comparison", Comparison.build(List.copyOf(columns), items, types, lang));
        model.addAttribute("anySynthetic", columns.stream().anyMatch(Comparison.Column::synthetic));
        model.addAttribute("shareUrl", link(ServletUriComponentsBuilder.fromCurrentContextPath(), slugs));
        model.addAttribute("href", link(UriComponentsBuilder.newInstance(), slugs));
        List<String> without = new ArrayList<>();
        for (String slug : slugs) {
            List<String> rest = new ArrayList<>(slugs);
            rest.remove(slug);
            without.add(slugs.size() > MIN ? link(UriComponentsBuilder.newInstance(), rest) : null);
        }
        model.addAttribute("withoutLinks", without);
        return "cross/compare";
    }

    /** The page with no comparison, answering {@code status} and saying why. */
    private static String refuse(
            Model model, HttpServletResponse response, HttpStatus status, String messageKey, Object argument) {
        response.setStatus(status.value());
        model.addAttribute("errorKey", messageKey);
        model.addAttribute("errorArgument", argument);
        return "cross/compare";
    }

    /** {@code /compare?w=…&w=…}, after {@code start} (nothing, or the scheme and host of this request). */
    static String link(UriComponentsBuilder start, List<String> slugs) {
        return start.path("/compare")
                .queryParam("w", slugs.toArray())
                .encode()
                .build()
                .toUriString();
    }

    private static Comparison.Column column(String slug, QuerySolution row, String lang) {
        String status = Rows.text(row, "status");
        return new Comparison.Column(
                slug,
                "/doc/worksheet/" + slug,
                Rows.pick(lang, Rows.text(row, "title"), Rows.text(row, "titleEn"), slug),
                Rows.areaLabel(row, lang),
                Rows.label(
                        lang,
                        Rows.text(row, "functionLabel"),
                        Rows.text(row, "functionLabelEn"),
                        Rows.text(row, "function")),
                Rows.text(row, "fiscalYear"),
                status == null ? null : Links.localName(status),
                Rows.label(lang, Rows.text(row, "statusLabel"), Rows.text(row, "statusLabelEn"), status),
                Rows.bool(row, "synthetic"));
    }
}
