package jp.kakaritsuke.kb.sparql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Answers {@code GET /sparql} without a query, before the protocol handler sees it: a browser (Accept names
 * {@code text/html}) is sent to the query page {@code /query}; any other client gets the {@link ServiceDescription}
 * in the RDF syntax it asks for (Turtle by default). A Graph Store read of the default graph
 * ({@code GET /sparql?default}) is sent (303) to the union of the named graphs, {@link #UNION_DUMP}: the default graph
 * the description promises ({@code sd:UnionDefaultGraph}) and queries see, on the embedded store and on every remote
 * one alike (a store's own {@code ?default} is its stored default graph, empty here, or missing, as on Virtuoso), and
 * whole however large (the dump is not bound by {@code kb.sparql.max-result-size}). Every other request passes on to
 * the protocol handler.
 */
class SparqlFrontFilter extends OncePerRequestFilter {

    /** The union of the named graphs as Turtle: the whole-dataset export (see the export package). */
    static final String UNION_DUMP = "/export/all.ttl";

    /** RDF syntaxes of the service description, in order of preference when the client has none. */
    private static final List<RdfSyntax> SYNTAXES = RdfSyntax.TRIPLE_SYNTAXES;

    private final KnowledgeStore store;

    SparqlFrontFilter(KnowledgeStore store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read
                && request.getParameter("default") != null
                && request.getParameter("graph") == null
                && request.getParameter("query") == null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + UNION_DUMP);
            return;
        }
        if (!read || request.getQueryString() != null) {
            chain.doFilter(request, response);
            return;
        }
        List<MediaType> offers = new ArrayList<>();
        SYNTAXES.forEach(s -> offers.add(s.mediaType()));
        offers.add(MediaType.TEXT_HTML);
        offers.add(MediaType.APPLICATION_XHTML_XML);
        Optional<MediaType> wanted = Negotiation.choose(request, offers);
        if (wanted.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE);
            return;
        }
        Optional<RdfSyntax> syntax = RdfSyntax.byMediaType(wanted.get());
        if (syntax.isEmpty()) {
            // A browser: the query page is the human-readable face of the endpoint.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/query");
            return;
        }
        Lang lang = syntax.get().lang();
        String endpoint = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/sparql")
                .build()
                .toUriString();
        Model description = ServiceDescription.describe(endpoint, store.graphNames());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(lang.getContentType().getContentTypeStr());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Vary", "Accept");
        if ("GET".equals(request.getMethod())) {
            RDFDataMgr.write(response.getOutputStream(), description, lang);
        }
    }
}
