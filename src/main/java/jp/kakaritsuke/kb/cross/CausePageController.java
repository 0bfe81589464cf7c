package jp.kakaritsuke.kb.cross;

import java.util.List;
import jp.kakaritsuke.kb.query.FiscalYears;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.Paging;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HTML page of one cause, {@code /doc/worksheet/{slug}/cause/{n}}: its text, worksheet, area and function, the
 * measures of its worksheet that address it, and what other areas did for causes like it. The RDF forms of the same
 * document are served by the generic {@code /doc/**} mapping. The measures elsewhere are those of one fiscal year
 * ({@code ?year=}, the latest by default), {@value #PAGE_SIZE} a page ({@code ?page=}). Runs {@code cause-context.rq}
 * and {@code similar-measures-for-cause.rq}.
 * The causes of other areas worded most like it come from {@link Suggestions} (MoreLikeThis over the text index),
 * and its types link to the causes of the same type across areas.
 */
@Controller
class CausePageController {

    /** How many measures of other areas a page lists. */
    static final int PAGE_SIZE = 30;

    /** How many causes with the most similar wording the page lists. */
    static final int SIMILAR_CAUSES = 5;

    private final CrossQueries queries;
    private final Links links;
    private final FiscalYears years;
    private final Suggestions suggestions;

    CausePageController(CrossQueries queries, Links links, FiscalYears years, Suggestions suggestions) {
        this.queries = queries;
        this.links = links;
        this.years = years;
        this.suggestions = suggestions;
    }

    @GetMapping(path = "/doc/worksheet/{slug}/cause/{n:[1-9]\\d{0,8}}", produces = MediaType.TEXT_HTML_VALUE)
    String cause(
            @PathVariable String slug,
            @PathVariable int n,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int pageNumber,
            org.springframework.ui.Model page) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("no worksheet '" + slug + "'");
        }
        String causeIri = links.causeIri(slug, n);
        Model context = queries.construct(CrossQueries.CAUSE_CONTEXT, "cause", causeIri);
        if (!context.contains(null, KK.hasCause, context.getResource(causeIri))) {
            throw new NotFoundException("no cause " + n + " on worksheet '" + slug + "'");
        }
        String lang = LocalizedText.currentLanguage();
        page.addAttribute("lang", lang);
        FiscalYears.Choice choice = years.choose(year);
        CausePage.View view = CausePage.build(
                causeIri,
                context,
                queries.select(CrossQueries.SIMILAR_MEASURES, "cause", causeIri, choice.selected()),
                links,
                lang);
        page.addAttribute("cause", view);
        page.addAttribute("years", choice);
        Paging<CausePage.Similar> similarPage = Paging.of(view.similar(), pageNumber, PAGE_SIZE);
        page.addAttribute(
                "similarPage",
                new Paging<>(
                        CausePage.named(
                                similarPage.items(),
                                queries.selectEach(
                                        CrossQueries.MEASURE_HEADINGS,
                                        "measure",
                                        similarPage.items().stream()
                                                .map(s -> NodeFactory.createURI(s.iri()))
                                                .toList()),
                                lang),
                        similarPage.page(),
                        similarPage.size(),
                        similarPage.total()));
        page.addAttribute("selfPath", "/doc/worksheet/" + slug + "/cause/" + n);
        String worksheet = causeIri.substring(0, causeIri.lastIndexOf("/cause/"));
        Suggestions.Result similar = suggestions.suggest(
                view.text(),
                ItemKind.CAUSE,
                view.function() == null ? null : view.function().iri(),
                worksheet,
                SIMILAR_CAUSES,
                lang);
        page.addAttribute("similarCauses", similar.similar());
        page.addAttribute("causeTypes", similarTypesOf(causeIri, lang));
        page.addAttribute(
                "functionId", view.function() == null ? null : view.function().id());
        return "cross/cause";
    }

    /** The cause's own types, for the links to causes of the same type elsewhere ({@code similar-item.rq}). */
    private List<ComparisonTypes.Type> similarTypesOf(String causeIri, String lang) {
        List<ComparisonTypes.Type> types = new java.util.ArrayList<>();
        queries.select(CrossQueries.SIMILAR_ITEM, "item", causeIri).forEachRemaining(row -> {
            String type = Rows.text(row, "type");
            if (type != null && types.stream().noneMatch(t -> t.iri().equals(type))) {
                types.add(new ComparisonTypes.Type(
                        type,
                        Links.localName(type),
                        Rows.label(lang, Rows.text(row, "typeLabel"), Rows.text(row, "typeLabelEn"), type),
                        null,
                        null,
                        0));
            }
        });
        return List.copyOf(types);
    }
}
