package jp.kakaritsuke.kb.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.rdf.IriLinks;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import jp.kakaritsuke.kb.web.rdf.RdfBody;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.OWL2;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Makes every IRI the application mints dereference. {@code /id/{path}} answers 303 See Other to the document
 * {@code /doc/{path}}, which negotiates between an HTML page and the RDF syntaxes; vocabulary IRIs
 * {@code https://w3id.org/kakaritsuke/{rest}} are described at {@code /def/{rest}} the same way, {@code /def/ontology}
 * being the whole ontology (also served at its version IRI's path, {@code /def/ontology/{version}}). Type-specific HTML pages mapped by other controllers to exact paths take precedence for
 * text/html; this controller answers everything else.
 */
@Controller
class LinkedDataController {

    /** An explicit-format document URL: {@code /doc/…​.ttl}, {@code /def/…​.jsonld} and so on. */
    static final Pattern EXPLICIT = Pattern.compile("^/(doc|def)(/.+)\\.(ttl|jsonld|rdf|nt)$");

    private static final String ONTOLOGY_PATH = "/ontology";
    private static final String SHAPES_PATH = "/shapes";

    private final ResourceDescriber describer;
    private final ShapesDocument shapes;
    private final IriLinks hrefs;

    LinkedDataController(ResourceDescriber describer, ShapesDocument shapes, StoreProperties properties) {
        this.describer = describer;
        this.shapes = shapes;
        this.hrefs = new IriLinks(properties.baseIri());
    }

    /** Instance IRIs name things, not documents: send the client to the document that describes the thing. */
    @GetMapping("/id/{*path}")
    ResponseEntity<Void> seeOther(HttpServletRequest request) {
        // The path as sent (still percent-encoded), so that it goes back out unchanged; the query string is dropped.
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/id".length());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + "/doc" + path))
                .build();
    }

    @GetMapping("/ontology")
    ResponseEntity<Void> ontologyAlias(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(request.getContextPath() + "/def/ontology"))
                .build();
    }

    @GetMapping("/doc/{*path}")
    Object instanceDocument(@PathVariable String path, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        Optional<RdfSyntax> syntax = negotiate(request, RdfSyntax.TRIPLE_SYNTAXES);
        Model description = describeOrFail(hrefs.instanceIri(path));
        return syntax.<Object>map(s -> RdfBody.of(description, s))
                .orElseGet(() -> descriptionPage(description, hrefs.instanceIri(path), "/doc" + path));
    }

    @GetMapping("/def/{*path}")
    Object vocabularyDocument(@PathVariable String path, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (SHAPES_PATH.equals(path)) {
            negotiate(request, List.of(RdfSyntax.TURTLE));
            return shapes.response();
        }
        Optional<RdfSyntax> syntax = negotiate(request, RdfSyntax.TRIPLE_SYNTAXES);
        if (ONTOLOGY_PATH.equals(path) || isVersionPath(path)) {
            Model ontology = ontologyOrFail();
            return syntax.<Object>map(s -> RdfBody.of(ontology, s)).orElseGet(() -> ontologyPage(ontology));
        }
        String iri = IriLinks.vocabularyIri(path);
        Model description = describeOrFail(iri);
        return syntax.<Object>map(s -> RdfBody.of(description, s))
                .orElseGet(() -> descriptionPage(description, iri, "/def" + path));
    }

    /**
     * {@code /doc/{path}.ttl} and the like: one syntax, whatever the Accept header says. Reached through
     * {@link ExplicitFormatMapping}, ahead of the path-pattern mappings, because a pattern such as
     * {@code /doc/worksheet/{slug}} would otherwise take {@code x.ttl} for a slug.
     */
    ResponseEntity<byte[]> explicitDocument(HttpServletRequest request) {
        Matcher m = EXPLICIT.matcher(ExplicitFormatMapping.lookupPath(request));
        if (!m.matches()) {
            throw new NotFoundException(request.getRequestURI());
        }
        RdfSyntax syntax = RdfSyntax.byExtension(m.group(3)).orElseThrow();
        String path = m.group(2);
        if ("doc".equals(m.group(1))) {
            return RdfBody.of(describeOrFail(hrefs.instanceIri(path)), syntax);
        }
        if (SHAPES_PATH.equals(path) && syntax == RdfSyntax.TURTLE) {
            return shapes.response();
        }
        if (ONTOLOGY_PATH.equals(path) || isVersionPath(path)) {
            return RdfBody.of(ontologyOrFail(), syntax);
        }
        return RdfBody.of(describeOrFail(IriLinks.vocabularyIri(path)), syntax);
    }

    /**
     * {@code /doc/…} or {@code /def/…} when the client prefers an RDF type to HTML, or accepts none of the offers.
     * Reached through {@link ExplicitFormatMapping}, ahead of the HTML pages mapped to specific paths, so that the
     * Accept header's qualities decide even where such a page exists.
     */
    Object negotiatedDocument(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        String path = ExplicitFormatMapping.lookupPath(request);
        String rest = path.substring("/doc".length());
        return path.startsWith("/doc/") ? instanceDocument(rest, request) : vocabularyDocument(rest, request);
    }

    /** True when HTML is the best of the offered types for this request's Accept header. */
    static boolean prefersHtml(HttpServletRequest request) {
        List<MediaType> offers = new ArrayList<>();
        offers.add(MediaType.TEXT_HTML);
        RdfSyntax.TRIPLE_SYNTAXES.forEach(s -> offers.add(s.mediaType()));
        return Negotiation.choose(request, offers)
                .map(MediaType.TEXT_HTML::equalsTypeAndSubtype)
                .orElse(false);
    }

    /** The RDF syntax to answer with, or empty for HTML; 406 when the client accepts neither. */
    private static Optional<RdfSyntax> negotiate(HttpServletRequest request, List<RdfSyntax> syntaxes)
            throws HttpMediaTypeNotAcceptableException {
        List<MediaType> offers = new ArrayList<>();
        // HTML first: a browser's */* then gets the page, and a client that names an RDF type gets that type.
        boolean html = syntaxes.size() > 1;
        if (html) {
            offers.add(MediaType.TEXT_HTML);
        }
        syntaxes.forEach(s -> offers.add(s.mediaType()));
        MediaType chosen =
                Negotiation.choose(request, offers).orElseThrow(() -> new HttpMediaTypeNotAcceptableException(offers));
        return RdfSyntax.byMediaType(chosen);
    }

    /**
     * True for the path of the ontology's version IRI ({@code owl:versionIRI}, e.g. {@code /ontology/0.2.0}): the
     * version the store holds is served there as the ontology itself.
     */
    private boolean isVersionPath(String path) {
        if (!path.startsWith(ONTOLOGY_PATH + "/")) {
            return false;
        }
        String iri = IriLinks.vocabularyIri(path);
        Model ontology = describer.ontology();
        return ontology.contains(ontology.createResource(KK.ONTOLOGY), OWL2.versionIRI, ontology.createResource(iri));
    }

    private Model describeOrFail(String iri) {
        Model description = describer.describe(iri);
        if (!ResourceDescriber.isAbout(description, iri)) {
            throw new NotFoundException("nothing is known about <" + iri + ">");
        }
        return description;
    }

    private Model ontologyOrFail() {
        Model ontology = describer.ontology();
        if (ontology.isEmpty()) {
            throw new NotFoundException("the ontology graph is empty");
        }
        return ontology;
    }

    private ModelAndView descriptionPage(Model description, String iri, String documentPath) {
        ModelAndView page = new ModelAndView("linkeddata/description");
        page.addObject("documentPath", documentPath);
        page.addObject("page", DescriptionPage.of(description, iri, hrefs, LocalizedText.currentLanguage()));
        return page;
    }

    private ModelAndView ontologyPage(Model ontology) {
        ModelAndView page = new ModelAndView("linkeddata/ontology");
        page.addObject("page", OntologyPage.of(ontology, hrefs, LocalizedText.currentLanguage()));
        page.addObject("downloads", RdfSyntax.TRIPLE_SYNTAXES);
        return page;
    }
}
