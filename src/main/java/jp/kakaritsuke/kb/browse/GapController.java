package jp.kakaritsuke.kb.browse;

import java.util.List;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.CanonicalOrder;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The gap analysis of a function ({@code /gaps?function=f2-ha}): the vision zones whose evidence signals need and
 * whose worksheets fall short, from {@code queries/gap-analysis.rq}; reached from the function page.
 */
@Controller
class GapController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A function the reader can choose. */
    record Choice(String id, String label, boolean selected) {}

    private final BrowseQueries queries;
    private final EvidenceAnalysis analysis;

    GapController(BrowseQueries queries, EvidenceAnalysis analysis) {
        this.queries = queries;
        this.analysis = analysis;
    }

    @GetMapping(path = "/gaps", produces = MediaType.TEXT_HTML_VALUE)
    String gaps(
            @RequestParam(name = "function", defaultValue = "f2-ha") String function,
            @RequestParam(name = "hideSynthetic", defaultValue = "false") boolean hideSynthetic,
            org.springframework.ui.Model page) {
        if (!ID.matcher(function).matches()) {
            throw new NotFoundException("function " + function);
        }
        Model ontology = queries.ontology();
        Concept concept = Concept.of(ontology, "function", function, queries.baseIri());
        Resource fn = ResourceFactory.createResource(concept.iri());
        List<Choice> choices =
                ontology
                        .listSubjectsWithProperty(SKOS.inScheme, ontology.getResource(KK.NS + "functions"))
                        .toList()
                        .stream()
                        .sorted((a, b) -> CanonicalOrder.NOTATION.compare(notation(a), notation(b)))
                        .map(c -> new Choice(
                                Links.localName(c.getURI()),
                                Links.label(c),
                                c.getURI().equals(concept.iri())))
                        .toList();
        page.addAttribute("concept", concept);
        page.addAttribute("functionHref", Links.href(concept.iri(), queries.baseIri()));
        page.addAttribute("choices", choices);
        page.addAttribute("hideSynthetic", hideSynthetic);
        page.addAttribute("result", analysis.gaps(fn, hideSynthetic));
        return "browse/gaps";
    }

    private static String notation(Resource concept) {
        return concept.hasProperty(SKOS.notation)
                ? concept.getProperty(SKOS.notation).getString()
                : null;
    }
}
