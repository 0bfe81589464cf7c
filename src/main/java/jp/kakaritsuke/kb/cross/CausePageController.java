package jp.kakaritsuke.kb.cross;

import org.apache.jena.rdf.model.Model;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/**
 * The HTML page of one cause, {@code /doc/worksheet/{slug}/cause/{n}}: its text, worksheet, area and function, the
 * measures of its worksheet that address it, and what other areas did for causes like it. The RDF forms of the same
 * document are served by the generic {@code /doc/**} mapping. Runs {@code cause-context.rq} and
 * {@code similar-measures-for-cause.rq}.
 */
@Controller
class CausePageController {

    private final CrossQueries queries;
    private final Links links;

    CausePageController(CrossQueries queries, Links links) {
        this.queries = queries;
        this.links = links;
    }

    @GetMapping(path = "/doc/worksheet/{slug}/cause/{n:[1-9]\\d{0,8}}", produces = MediaType.TEXT_HTML_VALUE)
    String cause(@PathVariable String slug, @PathVariable int n, org.springframework.ui.Model page) {
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
        page.addAttribute("cause", CausePage.build(causeIri, context,
                queries.select(CrossQueries.SIMILAR_MEASURES, "cause", causeIri), links, lang));
        return "cross/cause";
    }
}
