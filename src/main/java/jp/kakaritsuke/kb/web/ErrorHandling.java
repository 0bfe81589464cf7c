package jp.kakaritsuke.kb.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.authoring.ProtectedWorksheetException;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.VersionConflictException;
import jp.kakaritsuke.kb.query.BadParameterException;
import jp.kakaritsuke.kb.query.NamedQueryNotFoundException;
import jp.kakaritsuke.kb.store.StoreUnavailableException;
import org.apache.jena.query.QueryCancelledException;
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
 * Every failure is mapped to a status here and nowhere else: unknown resource 404, bad parameter 400, query timeout
 * 503, remote store down 502, data the SHACL shapes refuse 422, a write based on an outdated version or to a worked
 * example 409, upload too large 413, a method the resource does not offer 405 (with Allow), unsupported content
 * type 415,
 * anything else 500 logged with a request id. Access decisions are Spring Security's: they pass through untouched. Browsers get an HTML page; RDF clients
 * (Accept: an RDF type) get a small Turtle body; other clients plain text.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private static final List<String> RDF_TYPES = List.of(
            "text/turtle",
            "application/ld+json",
            "application/rdf+xml",
            "application/n-triples",
            "application/trig",
            "application/n-quads");

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class, NamedQueryNotFoundException.class})
    Object notFound(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "error.notFound", e.getMessage(), request, null);
    }

    @ExceptionHandler({
        BadRequestException.class,
        BadParameterException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class
    })
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

    @ExceptionHandler(StoreUnavailableException.class)
    Object storeDown(StoreUnavailableException e, HttpServletRequest request) {
        String id = RequestLog.id(request);
        LOG.warn("request {} {}: store unavailable: {}", id, request.getRequestURI(), e.getMessage());
        return respond(HttpStatus.BAD_GATEWAY, "error.storeDown", "store unavailable", request, id);
    }

    /** Spring Security answers these itself (401, 403 or the login page): hand them back to its filter chain. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void accessDecision(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(ValidationFailedException.class)
    Object invalid(ValidationFailedException e, HttpServletRequest request) {
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid", e.getMessage(), request, null);
    }

    /** A write based on an outdated version, or a write to a worked example of the guideline: 409. */
    @ExceptionHandler({VersionConflictException.class, ProtectedWorksheetException.class})
    Object conflict(RuntimeException e, HttpServletRequest request) {
        return respond(
                HttpStatus.CONFLICT,
                e instanceof VersionConflictException ? "error.staleVersion" : "form.error.workedExample",
                e.getMessage(),
                request,
                null);
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

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        String id = RequestLog.id(request);
        LOG.error("request {} {} failed", id, request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", "internal error", request, id);
    }

    private static Object respond(
            HttpStatus status, String messageKey, String detail, HttpServletRequest request, String requestId) {
        String accept = request.getHeader("Accept");
        if (accept != null && RDF_TYPES.stream().anyMatch(accept::contains) && !accept.contains("text/html")) {
            String body = "@prefix http: <http://www.w3.org/2011/http#> .\n"
                    + "[] a http:Response ; http:statusCodeValue " + status.value() + " ;\n"
                    + "   http:reasonPhrase \"" + status.getReasonPhrase() + "\" .\n";
            return ResponseEntity.status(status)
                    .contentType(MediaType.parseMediaType("text/turtle"))
                    .body(body);
        }
        if (accept != null && !accept.contains("text/html") && !accept.contains("*/*")) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(status.value() + " " + status.getReasonPhrase() + ": " + detail
                            + (requestId == null ? "" : " (request id " + requestId + ")") + "\n");
        }
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        page.addObject("requestId", requestId);
        return page;
    }
}
