package jp.kakaritsuke.kb.browse;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.browse.Rows.Count;
import jp.kakaritsuke.kb.browse.Rows.WorksheetRow;
import jp.kakaritsuke.kb.query.WorksheetCounts;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.BadRequestException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: what the dataset holds, where to start, and the guideline's five worked examples. */
@Controller
class HomeController {

    static final String STATUS_EXAMPLE = KK.VOCABULARY + "status/example";

    private final BrowseQueries queries;
    private final WorksheetCounts counts;
    private final PrefectureMap map;

    HomeController(BrowseQueries queries, WorksheetCounts counts, PrefectureMap map) {
        this.queries = queries;
        this.counts = counts;
        this.map = map;
    }

    /** Counts of the whole dataset (a row of {@code dataset-counts}). */
    record Totals(
            long worksheets, long examples, long drafts, long agreed, long synthetic, long causes, long measures) {}

    /** Number of areas of one kind (a row of {@code area-counts}). */
    record AreaKind(String label, long areas) {}

    /**
     * The home page; {@code indicator} chooses what the map of the prefectures shades (worksheets by default) and
     * {@code hideSynthetic} leaves synthetic worksheets out of its counts.
     */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(
            @RequestParam(name = "indicator", required = false) String indicator,
            @RequestParam(name = "hideSynthetic", defaultValue = "false") boolean hideSynthetic,
            Model page) {
        PrefectureMap.Indicator chosen = PrefectureMap.Indicator.of(indicator);
        if (chosen == null) {
            throw new BadRequestException(
                    "indicator",
                    "unknown: " + indicator + "; one of "
                            + Arrays.stream(PrefectureMap.Indicator.values())
                                    .map(PrefectureMap.Indicator::key)
                                    .toList());
        }
        // Each costly at the national scale: answered side by side, and beside the map.
        counts.prefetch(null, null, null);
        List.of("dataset-counts", "area-counts", "function-counts", "prefecture-counts")
                .forEach(name -> queries.prefetch(name, Map.of()));
        queries.prefetch("worksheet-list", Map.of("status", ResourceFactory.createResource(STATUS_EXAMPLE)));
        page.addAttribute("prefectureMap", map.of(chosen, hideSynthetic));
        String base = queries.baseIri();
        QuerySolution t = queries.select("dataset-counts", Map.of()).get(0);
        WorksheetCounts.ByProvenance worksheets = counts.all();
        page.addAttribute(
                "totals",
                new Totals(
                        worksheets.worksheets(),
                        worksheets.examples(),
                        worksheets.drafts(),
                        worksheets.agreed(),
                        worksheets.synthetic(),
                        Rows.number(t, "causes"),
                        Rows.number(t, "measures")));
        List<AreaKind> areaKinds = queries.select("area-counts", Map.of()).stream()
                .map(r -> new AreaKind(Rows.localized(r, "kindLabel", "kind"), Rows.number(r, "areas")))
                .toList();
        page.addAttribute("areaKinds", areaKinds);
        page.addAttribute(
                "areaTotal", areaKinds.stream().mapToLong(AreaKind::areas).sum());
        page.addAttribute("byFunction", functionCounts(queries));
        page.addAttribute(
                "byPrefecture",
                prefectureCounts(queries).stream().filter(c -> c.total() > 0).toList());
        page.addAttribute(
                "examples",
                Rows.worksheets(
                                queries.select(
                                        "worksheet-list",
                                        Map.of("status", ResourceFactory.createResource(STATUS_EXAMPLE))),
                                base)
                        .stream()
                        .filter(w -> !w.synthetic())
                        .sorted(Comparator.comparing(WorksheetRow::functionNotation, Rows.NOTATION_ORDER))
                        .toList());
        return "browse/home";
    }

    static List<Count> functionCounts(BrowseQueries queries) {
        return queries.select("function-counts", Map.of()).stream()
                .map(r -> new Count(
                        Rows.href(r, "function", queries.baseIri()),
                        Rows.localized(r, "functionLabel", "function"),
                        Rows.string(r, "notation"),
                        Rows.number(r, "sourcedWorksheetCount"),
                        Rows.number(r, "syntheticWorksheetCount")))
                .sorted(Comparator.comparing(Count::key, Rows.NOTATION_ORDER))
                .toList();
    }

    static List<Count> prefectureCounts(BrowseQueries queries) {
        return queries.select("prefecture-counts", Map.of()).stream()
                .map(r -> new Count(
                        Rows.href(r, "prefecture", queries.baseIri()),
                        Rows.localized(r, "prefectureLabel", "prefectureCode"),
                        Rows.string(r, "prefectureCode"),
                        Rows.number(r, "sourcedWorksheetCount"),
                        Rows.number(r, "syntheticWorksheetCount")))
                .toList();
    }
}
