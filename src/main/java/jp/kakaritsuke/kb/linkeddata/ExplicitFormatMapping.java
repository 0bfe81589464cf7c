package jp.kakaritsuke.kb.linkeddata;

import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Routes {@code GET /doc/….ttl|.jsonld|.rdf|.nt} (and the same under {@code /def/}) to
 * {@link LinkedDataController#explicitDocument}, before the annotated mappings are consulted: a page mapped to
 * {@code /doc/worksheet/{slug}} would otherwise match {@code /doc/worksheet/x.ttl} with the slug {@code x.ttl}.
 */
@Component
class ExplicitFormatMapping extends AbstractHandlerMapping {

    private final HandlerMethod handler;

    ExplicitFormatMapping(LinkedDataController controller) throws NoSuchMethodException {
        this.handler = new HandlerMethod(controller,
                LinkedDataController.class.getDeclaredMethod("explicitDocument", HttpServletRequest.class));
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        return LinkedDataController.EXPLICIT.matcher(lookupPath(request)).matches() ? handler : null;
    }

    /** The decoded path of the request within the application. */
    static String lookupPath(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        return UriUtils.decode(raw, StandardCharsets.UTF_8);
    }
}
