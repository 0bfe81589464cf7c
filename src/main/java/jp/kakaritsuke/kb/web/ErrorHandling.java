package jp.kakaritsuke.kb.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.failure.HttpFailure;
import jp.kakaritsuke.kb.failure.HttpFailureException;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import jp.kakaritsuke.kb.web.rdf.RdfBody;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure is answered here and nowhere else. A {@link HttpFailure} (the exceptions of the application's own
 * packages, the store's and the query catalogue's included) says its own status and message key; only the
 * framework's and Jena's exceptions are mapped here: unknown resource 404, bad parameter 400, query timeout 503,
 * upload too large 413, a method the resource does not offer 405 (with Allow), unsupported content type 415,
 * anything else 500 logged with a request id. Access decisions are Spring Security's: they pass through untouched.
 *
 * <p>The form of the answer is negotiated ({@link Negotiation}): browsers get the HTML error page; RDF clients the
 * failure's explanation (the SHACL validation report of a refused worksheet) or a small {@code http:Response}
 * graph, in the RDF syntax they asked for; JSON clients a JSON body; other clients plain text. Programs calling
 * {@code /api/…} get JSON or plain text unless they ask for something else.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "error.notFound", e.getMessage(), request, null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    Object badRequest(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "error.badRequest", e.getMessage(), request, null);
    }

    /** A query string or form body whose percent-encoding is broken ({@code ?q=%zz}): the server cannot read it. */
    @ExceptionHandler(InvalidParameterException.class)
    Object undecodable(InvalidParameterException e, HttpServletRequest request) {
        return respond(
                HttpStatus.BAD_REQUEST,
                "error.badRequest",
                "the request's parameters are not valid percent-encoded UTF-8",
                request,
                null);
    }

    @ExceptionHandler(QueryCancelledException.class)
    Object timeout(QueryCancelledException e, HttpServletRequest request) {
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "error.timeout", "query timed out", request, null);
    }

    /**
     * Spring Security answers these itself (401, 403 or the login page): hand them back to its filter chain — except
     * a refusal that says how it is answered (a signed-in editor writing outside their areas).
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    Object accessDecision(RuntimeException e, HttpServletRequest request) {
        if (e instanceof HttpFailure failure) {
            return failure(failure, request);
        }
        throw e;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", e.getMessage(), request, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupported", e.getMessage(), request, null);
    }

    /** A method the resource does not offer (POST or PATCH on a worksheet, say): 405 with the methods it does offer. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getSupportedHttpMethods() != null) {
            response.setHeader(
                    HttpHeaders.ALLOW,
                    e.getSupportedHttpMethods().stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
        }
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed", e.getMessage(), request, null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.TEXT_PLAIN)
                .body("406 Not Acceptable: " + e.getMessage() + "\n");
    }

    /** The application's failures, which say their own status and message. */
    @ExceptionHandler(HttpFailureException.class)
    Object declared(HttpFailureException e, HttpServletRequest request) {
        return failure(e, request);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof HttpFailure failure) {
            return failure(failure, request);
        }
        String id = RequestLog.id(request);
        LOG.error("request {} {} failed", id, request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", "internal error", request, id);
    }

    /** A failure that names its own status, message and details; logged with a request id if it says so. */
    private static Object failure(HttpFailure failure, HttpServletRequest request) {
        String id = null;
        if (failure.logged()) {
            id = RequestLog.id(request);
            LOG.warn(
                    "request {} {}: {}: {}",
                    id,
                    request.getRequestURI(),
                    failure.status().getReasonPhrase(),
                    failure.getMessage());
        }
        return respond(failure.status(), failure.messageKey(), failure.detail(), request, id, failure);
    }

    private static Object respond(
            HttpStatus status, String messageKey, String detail, HttpServletRequest request, String requestId) {
        return respond(status, messageKey, detail, request, requestId, null);
    }

    private static Object respond(
            HttpStatus status,
            String messageKey,
            String detail,
            HttpServletRequest request,
            String requestId,
            HttpFailure failure) {
        HttpHeaders headers = failure == null ? HttpHeaders.EMPTY : failure.headers();
        MediaType chosen = Negotiation.choose(request, offers(request, failure)).orElse(MediaType.TEXT_PLAIN);
        Optional<RdfSyntax> rdf = RdfSyntax.byMediaType(chosen);
        if (rdf.isPresent()) {
            Graph explanation = failure == null ? null : failure.explanation();
            Model body = explanation != null ? ModelFactory.createModelForGraph(explanation) : response(status);
            return RdfBody.of(body, rdf.get(), status, headers);
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(chosen)) {
            Map<String, Object> json = failure == null ? Map.of() : failure.json();
            if (json.isEmpty()) {
                json = new LinkedHashMap<>();
                json.put("status", status.value());
                json.put("error", status.getReasonPhrase());
                json.put("message", detail);
                if (requestId != null) {
                    json.put("requestId", requestId);
                }
            }
            return ResponseEntity.status(status)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json);
        }
        if (MediaType.TEXT_HTML.equalsTypeAndSubtype(chosen)) {
            ModelAndView page = new ModelAndView("error/page");
            page.setStatus(status);
            page.addObject("status", status.value());
            page.addObject("messageKey", messageKey);
            page.addObject("requestId", requestId);
            if (failure != null) {
                page.addAllObjects(failure.page());
            }
            return page;
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.TEXT_PLAIN)
                .body(status.value() + " " + status.getReasonPhrase() + ": " + detail
                        + (requestId == null ? "" : " (request id " + requestId + ")") + "\n");
    }

    /**
     * The forms an error can take, the one answered when the client states no preference first: the page for
     * browsers, JSON (a failure that has a JSON body) or plain text for programs calling the API.
     */
    private static List<MediaType> offers(HttpServletRequest request, HttpFailure failure) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        boolean json = failure != null && !failure.json().isEmpty();
        MediaType first = !api ? MediaType.TEXT_HTML : json ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN;
        List<MediaType> offers = new ArrayList<>();
        offers.add(first);
        for (RdfSyntax syntax : RdfSyntax.values()) {
            offers.add(syntax.mediaType());
        }
        for (MediaType other : List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN)) {
            if (!other.equals(first)) {
                offers.add(other);
            }
        }
        return offers;
    }

    /** The status as a small RDF graph, for RDF clients: {@code [] a http:Response; http:statusCodeValue 404}. */
    private static Model response(HttpStatus status) {
        Model model = ModelFactory.createDefaultModel();
        String http = "http://www.w3.org/2011/http#";
        model.setNsPrefix("http", http);
        model.createResource()
                .addProperty(RDF.type, model.createResource(http + "Response"))
                .addLiteral(
                        model.createProperty(http, "statusCodeValue"),
                        model.createTypedLiteral(String.valueOf(status.value()), XSDDatatype.XSDinteger))
                .addProperty(model.createProperty(http, "reasonPhrase"), status.getReasonPhrase());
        return model;
    }
}
