package jp.kakaritsuke.kb.linkeddata;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds {@code Vary: Accept} and one {@code Link: <…>; rel="alternate"; type="…"} per RDF syntax to every negotiated
 * document under {@code /doc/} and {@code /def/}, whichever controller renders it (the type-specific HTML pages
 * included), so caches and clients learn the alternatives.
 */
@Component
class LinkedDataHeaders extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = ExplicitFormatMapping.lookupPath(request);
        boolean document = path.startsWith("/doc/") || (path.startsWith("/def/") && !path.equals("/def/shapes"));
        return !document || LinkedDataController.EXPLICIT.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        String document = request.getRequestURI();
        response.addHeader(
                HttpHeaders.LINK,
                RdfSyntax.TRIPLE_SYNTAXES.stream()
                        .map(s -> "<" + document + "." + s.extension() + ">; rel=\"alternate\"; type=\"" + s.mediaType()
                                + "\"")
                        .collect(Collectors.joining(", ")));
        chain.doFilter(request, response);
    }
}
