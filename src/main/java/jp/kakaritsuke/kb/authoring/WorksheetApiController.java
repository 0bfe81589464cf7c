package jp.kakaritsuke.kb.authoring;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
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

/**
 * The REST API for writing worksheets, for importers and other programs (HTTP Basic, no CSRF token):
 * {@code PUT /api/worksheets/{slug}} (Turtle, TriG, JSON-LD, N-Triples, N-Quads or RDF/XML; relative IRIs resolve
 * against the base IRI), {@code DELETE}, {@code GET …/history}, {@code POST …/restore/{n}}. A worksheet that fails the
 * shapes answers 422 with the SHACL report (Turtle for RDF clients, JSON otherwise).
 *
 * <p>No lost updates: {@code GET} answers the worksheet's version as its {@code ETag} ({@code "v3"}); a {@code PUT} or
 * {@code DELETE} of an existing worksheet must send it back in {@code If-Match} — without one it answers 428
 * Precondition Required, with an older one 412 Precondition Failed (and the current {@code ETag}); nothing is written
 * then. {@code If-Match: *} asks only that the worksheet exists, {@code If-None-Match: *} that it does not (creating
 * needs no header). A worked example of the guideline answers 409 Conflict to a replace or delete.
 */
@RestController
@RequestMapping("/api/worksheets/{slug}")
class WorksheetApiController {

    private final WorksheetRepository repository;
    private final AuthoringProperties properties;
    private final String base;
    private final InputLimits limits;

    WorksheetApiController(
            WorksheetRepository repository,
            AuthoringProperties properties,
            StoreProperties storeProperties,
            InputLimits limits) {
        this.repository = repository;
        this.properties = properties;
        this.base = storeProperties.baseIri();
        this.limits = limits;
    }

    /** What {@code GET} answers in, Turtle first. */
    private static final List<MediaType> READ_OFFERS =
            List.of(RdfSyntax.TURTLE.mediaType(), RdfSyntax.N_TRIPLES.mediaType());

    @GetMapping(produces = {"text/turtle", "application/n-triples"})
    ResponseEntity<String> get(@PathVariable String slug, HttpServletRequest request) {
        String checked = names(slug).slug();
        int version = repository.currentVersion(checked);
        Graph graph = repository.get(checked).orElseThrow(() -> new NotFoundException("worksheet " + slug));
        RdfSyntax syntax = Negotiation.choose(request, READ_OFFERS)
                .flatMap(RdfSyntax::byMediaType)
                .orElse(RdfSyntax.TURTLE);
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, graph, syntax.lang());
        return ResponseEntity.ok()
                .contentType(syntax.mediaType())
                .eTag(etag(version))
                .body(out.toString());
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> put(
            @PathVariable String slug,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
            @RequestParam(defaultValue = "") String comment,
            HttpServletRequest request,
            Authentication user)
            throws IOException {
        WorksheetNames names = names(slug);
        repository.requireMayWrite(slug, Authors.of(user));
        Integer basedOn = precondition(slug, ifMatch, ifNoneMatch);
        Lang lang = RdfUpload.lang(contentType);
        byte[] body = RdfUpload.read(
                request.getInputStream(),
                request.getContentLengthLong(),
                properties.maxUpload().toBytes());
        Graph graph = RdfUpload.parse(body, lang, base, names, limits);
        SaveResult result = repository.save(slug, graph, Authors.of(user), comment, Version.Origin.API, basedOn);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(names.worksheet()))
                .eTag(etag(result.version()))
                .body(json(result));
    }

    @DeleteMapping
    ResponseEntity<Map<String, Object>> delete(
            @PathVariable String slug,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestParam(defaultValue = "") String comment,
            Authentication user) {
        String checked = names(slug).slug();
        if (!repository.exists(checked)) {
            throw new NotFoundException("worksheet " + slug);
        }
        repository.requireMayWrite(checked, Authors.of(user));
        Integer basedOn = precondition(checked, ifMatch, null);
        SaveResult result = repository.delete(checked, Authors.of(user), comment, Version.Origin.API, basedOn);
        return ResponseEntity.ok().eTag(etag(result.version())).body(json(result));
    }

    /** The strong entity tag of version {@code n} of a worksheet. */
    static String etag(int n) {
        return "\"v" + n + "\"";
    }

    /**
     * The version a replace is based on, from its preconditions: null to check nothing (a new worksheet), the
     * version named in {@code If-Match}, the current version for {@code If-Match: *} on an existing worksheet.
     *
     * @throws PreconditionRequired (428) if the worksheet exists and no {@code If-Match} came
     * @throws VersionConflictException (412) if a precondition does not hold
     */
    private Integer precondition(String slug, String ifMatch, String ifNoneMatch) {
        int current = repository.currentVersion(slug);
        boolean exists = repository.exists(slug);
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            if (exists) {
                throw new VersionConflictException(slug, 0, current);
            }
            return current;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            if (exists) {
                throw new PreconditionRequired(slug);
            }
            return null;
        }
        if (ifMatch.strip().equals("*")) {
            if (!exists) {
                throw new VersionConflictException(slug, 1, current);
            }
            return current;
        }
        Integer first = null;
        for (String tag : ifMatch.split(",")) {
            Matcher m = ETAG.matcher(tag.strip());
            if (!m.matches()) {
                throw new BadRequestException("If-Match", "an entity tag from GET, such as \"v3\"");
            }
            int n = Integer.parseInt(m.group(1));
            if (n == current && exists) {
                return n;
            }
            first = first == null ? n : first;
        }
        throw new VersionConflictException(slug, first, current);
    }

    private static final Pattern ETAG = Pattern.compile("\"v(\\d{1,9})\"");

    /** A replace or delete of an existing worksheet came without {@code If-Match}: 428. */
    static final class PreconditionRequired extends RuntimeException {
        PreconditionRequired(String slug) {
            super("Worksheet " + slug + " exists: send If-Match with the ETag of the version you read (GET "
                    + "/api/worksheets/" + slug + "), so that nobody's changes are lost");
        }
    }

    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> history(@PathVariable String slug) {
        return repository.history(names(slug).slug()).stream()
                .map(WorksheetApiController::json)
                .toList();
    }

    @PostMapping("/restore/{n}")
    ResponseEntity<Map<String, Object>> restore(
            @PathVariable String slug,
            @PathVariable int n,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestParam(defaultValue = "") String comment,
            Authentication user) {
        String checked = names(slug).slug();
        Integer basedOn = ifMatch == null || ifMatch.isBlank() ? null : precondition(checked, ifMatch, null);
        SaveResult result = repository.restore(checked, n, Authors.of(user), comment, Version.Origin.API, basedOn);
        return ResponseEntity.ok().eTag(etag(result.version())).body(json(result));
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
        map.put("origin", version.origin().id());
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
            return ResponseEntity.unprocessableEntity()
                    .contentType(MediaType.parseMediaType("text/turtle"))
                    .body(out.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "validation failed");
        body.put("message", e.getMessage());
        body.put("violations", e.violations());
        return ResponseEntity.unprocessableEntity()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<Map<String, Object>> stale(VersionConflictException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "precondition failed");
        body.put("message", e.getMessage());
        body.put("slug", e.slug());
        body.put("currentVersion", e.current());
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).contentType(MediaType.APPLICATION_JSON);
        if (e.current() > 0 && repository.exists(e.slug())) {
            answer.eTag(etag(e.current()));
        }
        return answer.body(body);
    }

    @ExceptionHandler(PreconditionRequired.class)
    ResponseEntity<String> required(PreconditionRequired e) {
        return plain(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler(ProtectedWorksheetException.class)
    ResponseEntity<String> workedExample(ProtectedWorksheetException e) {
        return plain(HttpStatus.CONFLICT, e.getMessage());
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
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_PLAIN)
                .body(status.value() + " " + status.getReasonPhrase() + ": " + message + "\n");
    }
}
