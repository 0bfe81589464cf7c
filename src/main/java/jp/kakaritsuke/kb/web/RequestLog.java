package jp.kakaritsuke.kb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id and logs one line per request when it ends, on the logger {@value #LOGGER}.
 *
 * <p>The id is the client's (or proxy's) {@code X-Request-Id} when that is a short token, otherwise a new one; it is
 * sent back in the {@code X-Request-Id} response header, shown on error pages, and put in the logging context (MDC key
 * {@value #MDC_KEY}) for every line logged while the request runs. The request line carries method, path, status,
 * duration and user both in its text and as key–value pairs, so that the structured console formats
 * ({@code logging.structured.format.console=ecs} or {@code logstash}) give them as fields. Static files are logged at
 * DEBUG, everything else at INFO.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLog extends OncePerRequestFilter {

    /** The logger of the request lines. */
    public static final String LOGGER = "kb.requests";
    /** The request and response header carrying the id. */
    public static final String HEADER = "X-Request-Id";
    /** The logging-context key of the id. */
    public static final String MDC_KEY = "requestId";

    private static final String ATTRIBUTE = RequestLog.class.getName() + ".id";
    private static final String USER_ATTRIBUTE = RequestLog.class.getName() + ".user";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** The id of a request this filter has seen, or a new one for any other (never null). */
    public static String id(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : newId();
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && CLIENT_ID.matcher(given).matches() ? given : newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        long start = System.nanoTime();
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String user = request.getAttribute(USER_ATTRIBUTE) instanceof String name ? name : "-";
            String path = request.getRequestURI();
            int status = response.getStatus();
            LOG.atLevel(isStatic(path) ? Level.DEBUG : Level.INFO)
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", path)
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", millis)
                    .addKeyValue("user", user)
                    .log("{} {} {} {} ms user={} id={}", request.getMethod(), path, status, millis, user, id);
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Notes who the request is from once Spring Security has authenticated it (this filter runs after the security
     * filters, the request log before and around them, when the security context is no longer there).
     */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class User extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Principal user = request.getUserPrincipal();
            if (user != null) {
                request.setAttribute(USER_ATTRIBUTE, user.getName());
            }
            chain.doFilter(request, response);
        }
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/img/")
                || path.equals("/favicon.ico");
    }
}
