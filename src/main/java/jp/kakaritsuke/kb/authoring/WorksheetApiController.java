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
import jp.kakaritsuke.kb.failure.HttpFailureException;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
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
        SaveResult result;
        try {
            result = repository.save(slug, graph, Authors.of(user), comment, Version.Origin.API, basedOn);
        } catch (VersionConflictException e) {
            throw preconditionFailed(e);
        }
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
        SaveResult result;
        try {
            result = repository.delete(checked, Authors.of(user), comment, Version.Origin.API, basedOn);
        } catch (VersionConflictException e) {
            throw preconditionFailed(e);
        }
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
     * @throws PreconditionFailed (412) if a precondition does not hold
     */
    private Integer precondition(String slug, String ifMatch, String ifNoneMatch) {
        int current = repository.currentVersion(slug);
        boolean exists = repository.exists(slug);
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            if (exists) {
                throw preconditionFailed(new VersionConflictException(slug, 0, current));
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
                throw preconditionFailed(new VersionConflictException(slug, 1, current));
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
        throw preconditionFailed(new VersionConflictException(slug, first, current));
    }

    private static final Pattern ETAG = Pattern.compile("\"v(\\d{1,9})\"");

    /** A replace or delete of an existing worksheet came without {@code If-Match}: 428. */
    static final class PreconditionRequired extends HttpFailureException {
        PreconditionRequired(String slug) {
            super(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "error.preconditionRequired",
                    "Worksheet " + slug + " exists: send If-Match with the ETag of the version you read (GET "
                            + "/api/worksheets/" + slug + "), so that nobody's changes are lost");
        }
    }

    /**
     * A conditional write whose condition does not hold, or that another write overtook: 412, with the current
     * version (and its {@code ETag} while the worksheet exists) so that the client can read it again.
     */
    static final class PreconditionFailed extends HttpFailureException {

        private final transient VersionConflictException conflict;
        private final boolean exists;

        PreconditionFailed(VersionConflictException conflict, boolean exists) {
            super(HttpStatus.PRECONDITION_FAILED, "error.staleVersion", conflict.getMessage(), conflict);
            this.conflict = conflict;
            this.exists = exists;
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "precondition failed");
            body.put("message", getMessage());
            body.put("slug", conflict.slug());
            body.put("currentVersion", conflict.current());
            return body;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            if (conflict.current() > 0 && exists) {
                headers.setETag(etag(conflict.current()));
            }
            return headers;
        }
    }

    /** The API's answer to a version conflict: 412 Precondition Failed. */
    private PreconditionFailed preconditionFailed(VersionConflictException e) {
        return new PreconditionFailed(e, repository.exists(e.slug()));
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
        SaveResult result;
        try {
            result = repository.restore(checked, n, Authors.of(user), comment, Version.Origin.API, basedOn);
        } catch (VersionConflictException e) {
            throw preconditionFailed(e);
        }
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
}
