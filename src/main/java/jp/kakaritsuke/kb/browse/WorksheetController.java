package jp.kakaritsuke.kb.browse;

import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/** The worksheet page: one consultation worksheet laid out like the form (別添６), with its logic model. */
@Controller
class WorksheetController {

    private final BrowseQueries queries;
    private final WorksheetRepository repository;

    WorksheetController(BrowseQueries queries, WorksheetRepository repository) {
        this.queries = queries;
        this.repository = repository;
    }

    @GetMapping(path = "/doc/worksheet/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    String worksheet(@PathVariable String slug, Authentication user, org.springframework.ui.Model page) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("worksheet " + slug);
        }
        WorksheetNames names = new WorksheetNames(queries.baseIri(), slug);
        String graphIri = names.graph();
        Model data = queries.graph(graphIri);
        String worksheetIri = names.worksheet();
        if (!data.contains(data.createResource(worksheetIri), null, (RDFNode) null)) {
            throw new NotFoundException("worksheet " + slug);
        }
        Model all = ModelFactory.createDefaultModel();
        all.add(data);
        all.add(queries.graph("graph/template"));
        all.add(queries.graph("graph/sources"));
        all.add(queries.ontology());
        all.add(queries.construct("worksheet-context",
                Map.of("worksheetGraph", ResourceFactory.createResource(graphIri))));
        page.addAttribute("ws", WorksheetReader.read(all, worksheetIri, slug, queries.baseIri()));
        Author author = Authors.of(user);
        var area = data.getResource(worksheetIri).getPropertyResourceValue(KK.area);
        page.addAttribute("canEdit", author != null && area != null && area.isURIResource()
                && repository.mayWrite(author, area.getURI()));
        return "browse/worksheet";
    }
}
