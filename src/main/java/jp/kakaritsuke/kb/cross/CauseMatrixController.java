package jp.kakaritsuke.kb.cross;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.cross.ComparisonTypes.Type;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /causes}: for one function, the cause↔measure matrix by type across areas — one row per cause type, one
 * column per measure type, the number of worksheets in each cell — narrowed by fiscal year (the latest by default),
 * prefecture and "hide synthetic"; {@code /causes/type} lists the causes of one row and {@code /causes/cell} the
 * worksheets behind one cell. Counts come from aggregate queries ({@code cause-type-rows.rq},
 * {@code measure-type-columns.rq}, {@code cause-type-matrix.rq}); only the listings read items one by one
 * ({@code causes-of-type.rq}, {@code cause-type-cell.rq}).
 */
@Controller
class CauseMatrixController {

    /** The model attribute of the filters. */
    static final String FILTERS = "filters";

    /** The function shown when the reader has not chosen one: 1号機能. */
    static final String DEFAULT_FUNCTION = "f1";

    private final CrossQueries queries;
    private final Links links;

    CauseMatrixController(CrossQueries queries, Links links) {
        this.queries = queries;
        this.links = links;
    }

    @GetMapping(path = "/causes", produces = MediaType.TEXT_HTML_VALUE)
    String causes(@ModelAttribute(name = FILTERS, binding = false) MatrixFilters filters, Model model) {
        String lang = LocalizedText.currentLanguage();
        ComparisonTypes types = ComparisonTypes.from(queries.select(CrossQueries.TYPES), lang);
        Map<String, String> params = filters.params();
        model.addAttribute(
                "matrix",
                TypeMatrix.build(
                        types,
                        queries.select(CrossQueries.TYPE_ROWS, params),
                        queries.select(CrossQueries.TYPE_COLUMNS, params),
                        queries.select(CrossQueries.TYPE_MATRIX, params),
                        filters));
        return "cross/causes";
    }

    @GetMapping(path = "/causes/type", produces = MediaType.TEXT_HTML_VALUE)
    String causesOfType(
            @ModelAttribute(name = FILTERS, binding = false) MatrixFilters filters,
            @RequestParam(name = "causeType") String causeType,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        String lang = LocalizedText.currentLanguage();
        ComparisonTypes types = ComparisonTypes.from(queries.select(CrossQueries.TYPES), lang);
        Type type = known(types.causeType(causeType), "causeType", causeType);
        Map<String, String> params = new HashMap<>(filters.params());
        params.put("causeType", type.iri());
        TypeListing listing = TypeListing.from(queries.select(CrossQueries.CAUSES_OF_TYPE, params), links, lang, page);
        model.addAttribute("causeType", type);
        model.addAttribute("listing", listing);
        model.addAttribute("pageLinks", pageLinks(filters, listing, "/causes/type", "causeType", type.id()));
        return "cross/cause-type";
    }

    @GetMapping(path = "/causes/cell", produces = MediaType.TEXT_HTML_VALUE)
    String cell(
            @ModelAttribute(name = FILTERS, binding = false) MatrixFilters filters,
            @RequestParam(name = "causeType") String causeType,
            @RequestParam(name = "measureType") String measureType,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        String lang = LocalizedText.currentLanguage();
        ComparisonTypes types = ComparisonTypes.from(queries.select(CrossQueries.TYPES), lang);
        Type cause = known(types.causeType(causeType), "causeType", causeType);
        Type measure = known(types.measureType(measureType), "measureType", measureType);
        Map<String, String> params = new HashMap<>(filters.params());
        params.put("causeType", cause.iri());
        params.put("measureType", measure.iri());
        TypeListing listing = TypeListing.from(queries.select(CrossQueries.TYPE_CELL, params), links, lang, page);
        model.addAttribute("causeType", cause);
        model.addAttribute("measureType", measure);
        model.addAttribute("listing", listing);
        model.addAttribute(
                "pageLinks",
                pageLinks(filters, listing, "/causes/cell", "causeType", cause.id(), "measureType", measure.id()));
        List<String> first = listing.choices().stream()
                .limit(CompareController.MAX)
                .map(TypeListing.Choice::slug)
                .toList();
        model.addAttribute(
                "compareFirst",
                first.size() < CompareController.MIN
                        ? null
                        : CompareController.link(UriComponentsBuilder.newInstance(), first));
        model.addAttribute("compareFirstCount", first.size());
        return "cross/cause-type-cell";
    }

    /**
     * The filters of every page here, read from the request once for all of them: checked (400 naming the parameter),
     * put on the model as {@value #FILTERS}, with their choices.
     */
    @ModelAttribute(FILTERS)
    MatrixFilters filters(
            @RequestParam(name = "function", required = false) String function,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "prefecture", required = false) String prefecture,
            @RequestParam(name = "hideSynthetic", defaultValue = "false") boolean hideSynthetic,
            Model model) {
        String lang = LocalizedText.currentLanguage();
        List<FunctionChoice> functions = FunctionChoice.from(queries.select(CrossQueries.FUNCTIONS), lang);
        FunctionChoice selected = choose(functions, function);
        ResultSetRewindable years = queries.select(CrossQueries.FISCAL_YEARS, "function", selected.iri());
        List<YearChoice> yearChoices = new java.util.ArrayList<>();
        while (years.hasNext()) {
            QuerySolution row = years.next();
            yearChoices.add(new YearChoice(Rows.text(row, "fiscalYear"), Rows.integer(row, "worksheetCount")));
        }
        String fiscalYear;
        if (year == null || year.isBlank()) {
            fiscalYear = yearChoices.isEmpty() ? null : yearChoices.get(0).year();
        } else {
            fiscalYear = MatrixFilters.checkYear(year);
        }
        List<Prefecture> prefectures = Prefecture.from(queries.select(CrossQueries.PREFECTURES), lang);
        String prefectureCode = MatrixFilters.checkPrefecture(prefecture);
        if (prefectureCode != null
                && prefectures.stream().noneMatch(p -> p.code().equals(prefectureCode))) {
            throw new BadRequestException("prefecture", "no prefecture with code '" + prefectureCode + "'");
        }
        MatrixFilters filters = new MatrixFilters(selected, fiscalYear, prefectureCode, hideSynthetic);
        model.addAttribute("lang", lang);
        model.addAttribute("functions", functions);
        model.addAttribute("selected", selected);
        model.addAttribute("years", List.copyOf(yearChoices));
        model.addAttribute("prefectures", prefectures);
        model.addAttribute(
                "prefectureLabel",
                prefectures.stream()
                        .filter(p -> p.code().equals(prefectureCode))
                        .map(Prefecture::label)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("matrixHref", filters.link("/causes"));
        return filters;
    }

    /** A fiscal year that has worksheets on the chosen function, with their number. */
    public record YearChoice(String year, int worksheetCount) {}

    /** The link of each page of a listing, first page first. */
    private static List<String> pageLinks(MatrixFilters filters, TypeListing listing, String path, String... extra) {
        List<String> pages = new java.util.ArrayList<>();
        for (int p = 1; p <= listing.pageCount(); p++) {
            String[] all = java.util.Arrays.copyOf(extra, extra.length + 2);
            all[extra.length] = "page";
            all[extra.length + 1] = Integer.toString(p);
            pages.add(filters.link(path, all));
        }
        return List.copyOf(pages);
    }

    private static Type known(Type type, String parameter, String value) {
        if (type == null) {
            throw new BadRequestException(parameter, "no type '" + value + "' in its scheme");
        }
        return type;
    }

    private static FunctionChoice choose(List<FunctionChoice> functions, String requested) {
        if (requested != null && !requested.isBlank()) {
            return functions.stream()
                    .filter(f -> f.id().equals(requested.strip()))
                    .findFirst()
                    .orElseThrow(() -> new BadRequestException(
                            "function", "no function '" + requested.strip() + "' in kk:functions"));
        }
        return functions.stream()
                .filter(f -> f.id().equals(DEFAULT_FUNCTION) && f.worksheetCount() > 0)
                .findFirst()
                .or(() -> functions.stream().filter(f -> f.worksheetCount() > 0).findFirst())
                .or(() -> functions.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("kk:functions has no concept; is the ontology loaded?"));
    }
}
