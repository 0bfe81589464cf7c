package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.area.AreaNames;
import jp.kakaritsuke.kb.query.FiscalYears;
import jp.kakaritsuke.kb.query.WorksheetCounts;
import jp.kakaritsuke.kb.vocab.Resources;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.Paging;
import org.apache.jena.rdf.model.Model;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reused-resource pages: {@code /resources} ranks every concept of kk:resources by use in one fiscal year
 * ({@code ?year=}, the latest by default), and the HTML form of {@code /def/resource/{id}} shows one concept with the
 * measures of one fiscal year that draw on it (the same way): the counts per function and prefecture over the whole year, the measures themselves
 * {@value #PAGE_SIZE} a page ({@code ?page=}). Runs
 * {@code resource-ranking.rq}, {@code resource-concept.rq}, {@code resource-use.rq} and
 * {@code functions-to-compare.rq}.
 */
@Controller
class ResourceController {

    /** How many measures a resource page lists. */
    static final int PAGE_SIZE = 50;

    private final CrossQueries queries;
    private final Links links;
    private final MessageSource messages;
    private final FiscalYears years;

    private final WorksheetCounts counts;
    private final AreaNames names;

    ResourceController(
            CrossQueries queries,
            Links links,
            MessageSource messages,
            FiscalYears years,
            WorksheetCounts counts,
            AreaNames names) {
        this.queries = queries;
        this.links = links;
        this.messages = messages;
        this.years = years;
        this.counts = counts;
        this.names = names;
    }

    @GetMapping(path = "/resources", produces = MediaType.TEXT_HTML_VALUE)
    String resources(@RequestParam(name = "year", required = false) String year, org.springframework.ui.Model page) {
        String lang = LocalizedText.currentLanguage();
        FiscalYears.Choice choice = years.choose(year);
        List<ResourceRanking> ranking =
                ResourceRanking.from(queries.selectForYear(CrossQueries.RESOURCE_RANKING, choice.selected()), links);
        List<BarChart.Entry> bars = ranking.stream()
                .filter(r -> r.measureCount() > 0)
                .map(r -> new BarChart.Entry(
                        r.label(lang),
                        r.href(),
                        r.areaCount(),
                        message("cross.resources.barValue", r.areaCount(), r.measureCount())))
                .toList();
        page.addAttribute("lang", lang);
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", "/resources");
        page.addAttribute("ranking", ranking);
        page.addAttribute("chart", BarChart.of("resource-usage-chart", message("cross.resources.chartTitle"), bars));
        return "cross/resources";
    }

    @GetMapping(path = "/def/resource/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String resource(
            @PathVariable String id,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int pageNumber,
            org.springframework.ui.Model page) {
        if (!Links.isLocalId(id)) {
            throw new NotFoundException("no resource '" + id + "'");
        }
        String iri = Resources.NS + id;
        Model concept = queries.construct(CrossQueries.RESOURCE_CONCEPT, "resource", iri);
        if (concept.isEmpty()) {
            throw new NotFoundException("no resource '" + id + "' in kk:resources");
        }
        String lang = LocalizedText.currentLanguage();
        FiscalYears.Choice choice = years.choose(year);
        // Costly at the national scale: answered side by side. The worksheets are counted in the year the page shows,
        // as its measures are: counted over every year, the 15,000 worksheets drawing on かかりつけ医機能報告 at
        // 構想区域 × 10 years took 1.3 s in a JVM just started.
        queries.prefetch(CrossQueries.RESOURCE_USE, "resource", iri, choice.selected());
        counts.prefetch(null, null, iri, choice.selected());
        queries.prefetch(CrossQueries.FUNCTIONS, null, null, null);
        names.prefetch();
        List<ResourcePage.Use> uses = ResourcePage.uses(
                queries.select(CrossQueries.RESOURCE_USE, "resource", iri, choice.selected()),
                links,
                lang,
                names.table());
        page.addAttribute("lang", lang);
        page.addAttribute("resource", ResourcePage.concept(iri, concept));
        page.addAttribute("provenanceCounts", counts.of(null, null, iri, choice.selected()));
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", "/def/resource/" + id);
        page.addAttribute("uses", Paging.of(uses, pageNumber, PAGE_SIZE));
        page.addAttribute(
                "areaCount",
                uses.stream().map(ResourcePage.Use::areaLabel).distinct().count());
        page.addAttribute("byFunction", byFunction(uses, lang));
        page.addAttribute("byPrefecture", byPrefecture(uses));
        return "cross/resource";
    }

    /** Measures per function, for every function worksheets are written for (0 where none draws on it). */
    private BarChart byFunction(List<ResourcePage.Use> uses, String lang) {
        List<BarChart.Entry> entries = new ArrayList<>();
        for (FunctionChoice f : FunctionChoice.from(queries.select(CrossQueries.FUNCTIONS), lang)) {
            int count = (int)
                    uses.stream().filter(u -> f.iri().equals(u.functionIri())).count();
            entries.add(new BarChart.Entry(
                    f.label(), "/causes?function=" + f.id(), count, message("cross.resource.measureCount", count)));
        }
        return BarChart.of("usage-by-function", message("cross.resource.byFunction"), entries);
    }

    /** Measures per prefecture, in prefecture-code order; areas in no prefecture (the placeholder area) last. */
    private BarChart byPrefecture(List<ResourcePage.Use> uses) {
        Map<String, List<ResourcePage.Use>> byCode = new TreeMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ResourcePage.Use u : uses) {
            String key = u.prefecture() == null
                    ? "\uffff"
                    : (u.prefectureCode() == null ? "" : u.prefectureCode()) + u.prefecture();
            byCode.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
            labels.put(
                    key,
                    u.prefecture() == null
                            ? message("cross.resource.noPrefecture")
                            : u.prefectureLabel() == null ? Links.localName(u.prefecture()) : u.prefectureLabel());
        }
        List<BarChart.Entry> entries = new ArrayList<>();
        byCode.forEach((key, list) -> entries.add(new BarChart.Entry(
                labels.get(key),
                list.get(0).prefecture() == null ? null : links.href(list.get(0).prefecture()),
                list.size(),
                message("cross.resource.measureCount", list.size()))));
        return BarChart.of("usage-by-prefecture", message("cross.resource.byPrefecture"), entries);
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }
}
