package jp.kakaritsuke.kb.browse;

import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/**
 * The worksheet page: one consultation worksheet laid out like the form (別添６), with its logic model; and its print
 * for the meeting, one A4 landscape page in the 別添６ arrangement ({@code /doc/worksheet/{slug}/print}, printed by
 * the browser; {@code …/print.pdf}, rendered on the server by {@link WorksheetPdf}); {@code ?full=true} adds a
 * second page with the roles and indicators.
 */
@Controller
class WorksheetController {

    private final BrowseQueries queries;
    private final WorksheetRepository repository;
    private final WorksheetPdf pdf;

    WorksheetController(BrowseQueries queries, WorksheetRepository repository, WorksheetPdf pdf) {
        this.queries = queries;
        this.repository = repository;
        this.pdf = pdf;
    }

    /** The worksheet {@code slug} as the pages show it; 404 if there is none. */
    private Worksheet read(String slug) {
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
        return WorksheetReader.read(all, worksheetIri, slug, queries.baseIri());
    }

    @GetMapping(path = "/doc/worksheet/{slug}/print", produces = MediaType.TEXT_HTML_VALUE)
    String print(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean full,
            org.springframework.ui.Model page) {
        page.addAllAttributes(pdf.model(read(slug), new WorksheetNames(queries.baseIri(), slug).worksheet(), full,
                false, LocalizedText.currentLanguage()));
        return WorksheetPdf.TEMPLATE;
    }

    @GetMapping(path = "/doc/worksheet/{slug}/print.pdf")
    ResponseEntity<byte[]> printPdf(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean full) {
        Worksheet ws = read(slug);
        byte[] body = pdf.render(ws, new WorksheetNames(queries.baseIri(), slug).worksheet(), full,
                LocalizedText.currentLanguage());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(slug + ".pdf").build().toString())
                .body(body);
    }

    @GetMapping(path = "/doc/worksheet/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    String worksheet(@PathVariable String slug, Authentication user, org.springframework.ui.Model page) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("worksheet " + slug);
        }
        WorksheetNames names = new WorksheetNames(queries.baseIri(), slug);
        String worksheetIri = names.worksheet();
        Model data = queries.graph(names.graph());
        page.addAttribute("ws", read(slug));
        Author author = Authors.of(user);
        var area = data.getResource(worksheetIri).getPropertyResourceValue(KK.area);
        boolean workedExample = repository.isWorkedExample(slug);
        page.addAttribute("workedExample", workedExample);
        page.addAttribute("signedIn", author != null);
        page.addAttribute("canEdit", !workedExample && author != null && area != null && area.isURIResource()
                && repository.mayWrite(author, area.getURI()));
        return "browse/worksheet";
    }
}
