package jp.kakaritsuke.kb.authoring;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.NotFoundException;

/**
 * The REST API for writing worksheets, for importers and other programs (HTTP Basic, no CSRF token):
 * {@code PUT /api/worksheets/{slug}} (Turtle, TriG, JSON-LD, N-Triples, N-Quads or RDF/XML; relative IRIs resolve
 * against the base IRI), {@code DELETE}, {@code GET …/history}, {@code POST …/restore/{n}}. A worksheet that fails the
 * shapes answers 422 with the SHACL report (Turtle for RDF clients, JSON otherwise).
 */
@RestController
@RequestMapping("/api/worksheets/{slug}")
class WorksheetApiController {

    private final WorksheetRepository repository;
    private final AuthoringProperties properties;
    private final String base;

    WorksheetApiController(WorksheetRepository repository, AuthoringProperties properties,
            StoreProperties storeProperties) {
        this.repository = repository;
        this.properties = properties;
        this.base = storeProperties.baseIri();
    }

    @GetMapping(produces = {"text/turtle", "application/n-triples"})
    ResponseEntity<String> get(@PathVariable String slug, HttpServletRequest request) {
        Graph graph = repository.get(names(slug).slug())
                .orElseThrow(() -> new NotFoundException("worksheet " + slug));
        boolean nt = String.valueOf(request.getHeader("Accept")).contains("application/n-triples");
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, graph, nt ? Lang.NTRIPLES : Lang.TURTLE);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(nt ? "application/n-triples" : "text/turtle"))
                .body(out.toString());
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> put(@PathVariable String slug,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestParam(defaultValue = "") String comment, HttpServletRequest request, Authentication user)
            throws IOException {
        WorksheetNames names = names(slug);
        Lang lang = RdfUpload.lang(contentType);
        byte[] body = RdfUpload.read(request.getInputStream(), request.getContentLengthLong(),
                properties.maxUpload().toBytes());
        Graph graph = RdfUpload.parse(body, lang, base, names);
        SaveResult result = repository.save(slug, graph, Authors.of(user), comment);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(names.worksheet())).body(json(result));
    }

    @DeleteMapping
    Map<String, Object> delete(@PathVariable String slug, @RequestParam(defaultValue = "") String comment,
            Authentication user) {
        return json(repository.delete(names(slug).slug(), Authors.of(user), comment));
    }

    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> history(@PathVariable String slug) {
        return repository.history(names(slug).slug()).stream().map(WorksheetApiController::json).toList();
    }

    @PostMapping("/restore/{n}")
    Map<String, Object> restore(@PathVariable String slug, @PathVariable int n,
            @RequestParam(defaultValue = "") String comment, Authentication user) {
        return json(repository.restore(names(slug).slug(), n, Authors.of(user), comment));
    }

    private WorksheetNames names(String slug) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new BadRequestException("slug", "1 to 100 lower-case letters, digits and inner hyphens");
        }
        return repository.names(slug);
    }

    static Map<String, Object> json(SaveResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slug", result.slug());
        map.put("worksheet", result.worksheet());
        map.put("version", result.version());
        map.put("created", result.created());
        map.put("changed", result.changed());
        return map;
    }

    static Map<String, Object> json(Version version) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", version.number());
        map.put("iri", version.iri());
        map.put("kind", version.kind().name());
        map.put("user", version.user());
        map.put("time", version.time().toString());
        map.put("comment", version.comment());
        if (version.restoredFrom() > 0) {
            map.put("restoredFrom", version.restoredFrom());
        }
        return map;
    }

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<?> invalid(ValidationFailedException e, HttpServletRequest request) {
        String accept = String.valueOf(request.getHeader("Accept"));
        if (accept.contains("text/turtle")) {
            StringWriter out = new StringWriter();
            RDFDataMgr.write(out, e.report().getModel(), Lang.TURTLE);
            return ResponseEntity.unprocessableEntity().contentType(MediaType.parseMediaType("text/turtle"))
                    .body(out.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "validation failed");
        body.put("message", e.getMessage());
        body.put("violations", e.violations());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(WriteDeniedException.class)
    ResponseEntity<String> denied(WriteDeniedException e) {
        return plain(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(RdfUpload.UnsupportedType.class)
    ResponseEntity<String> unsupported(RdfUpload.UnsupportedType e) {
        return plain(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(RdfUpload.TooLarge.class)
    ResponseEntity<String> tooLarge(RdfUpload.TooLarge e) {
        return plain(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(RdfUpload.Malformed.class)
    ResponseEntity<String> malformed(RdfUpload.Malformed e) {
        return plain(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
                .body(status.value() + " " + status.getReasonPhrase() + ": " + message + "\n");
    }
}
