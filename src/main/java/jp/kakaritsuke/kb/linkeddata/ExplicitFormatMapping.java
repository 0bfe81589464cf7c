package jp.kakaritsuke.kb.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Routes, before the annotated mappings are consulted, {@code GET /doc/….ttl|.jsonld|.rdf|.nt} (and the same under
 * {@code /def/}) to {@link LinkedDataController#explicitDocument} — a page mapped to {@code /doc/worksheet/{slug}}
 * would otherwise match {@code /doc/worksheet/x.ttl} with the slug {@code x.ttl} — and {@code /doc/…} or
 * {@code /def/…} whose Accept header prefers an RDF type to HTML to {@link LinkedDataController#negotiatedDocument}:
 * Spring ranks mappings by path before media type, so a page's more specific path would otherwise win over the
 * client's stated preference.
 */
@Component
class ExplicitFormatMapping extends AbstractHandlerMapping {

    private final HandlerMethod explicit;
    private final HandlerMethod negotiated;

    ExplicitFormatMapping(LinkedDataController controller) throws NoSuchMethodException {
        this.explicit = new HandlerMethod(
                controller, LinkedDataController.class.getDeclaredMethod("explicitDocument", HttpServletRequest.class));
        this.negotiated = new HandlerMethod(
                controller,
                LinkedDataController.class.getDeclaredMethod("negotiatedDocument", HttpServletRequest.class));
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String path = lookupPath(request);
        if (LinkedDataController.EXPLICIT.matcher(path).matches()) {
            return explicit;
        }
        boolean document = path.startsWith("/doc/") || path.startsWith("/def/");
        return document && !LinkedDataController.prefersHtml(request) ? negotiated : null;
    }

    /** The decoded path of the request within the application. */
    static String lookupPath(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        return UriUtils.decode(raw, StandardCharsets.UTF_8);
    }
}
