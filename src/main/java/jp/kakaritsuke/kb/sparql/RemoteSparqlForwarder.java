package jp.kakaritsuke.kb.sparql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public endpoint in remote mode ({@code kb.store.kind=remote}), where there is no local dataset for Fuseki to
 * serve: each SPARQL protocol request to {@code /sparql} is forwarded as it is (method, query string, body,
 * Content-Type, Accept) to the remote store's query endpoint — or, for a Graph Store Protocol read ({@code GET} or
 * {@code HEAD} with {@code graph=…} or {@code default} and no {@code query}), to its Graph Store endpoint — and the
 * remote answer (status, Content-Type, body) is passed back unchanged once it is complete ({@link WholeResultFilter}). {@code ?default} is the union of the named
 * graphs, which the application serves itself: it redirects (303) to the whole-dataset Turtle export.
 *
 * <p>Forwarding rather than re-executing keeps the remote store's own protocol behaviour (result formats, dataset
 * description, error statuses); the forwarder itself holds no result in memory (the {@link WholeResultFilter} in front
 * of it holds at most {@code kb.sparql.max-result-size}). Only GET and POST are forwarded: the
 * remote query endpoint then decides; the remote store must itself refuse updates on that endpoint (a query-only
 * Fuseki endpoint does). If no answer has started within the timeout the client gets 503; if the remote store
 * cannot be reached, or breaks off its answer, 502.
 */
class RemoteSparqlForwarder extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSparqlForwarder.class);

    /** Hop-by-hop or length headers that must not be copied from the remote response. */
    private static final Set<String> NOT_COPIED =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "upgrade");

    private final URI queryEndpoint;
    private final URI gspEndpoint;
    private final Duration timeout;
    private final HttpClient client;

    RemoteSparqlForwarder(URI queryEndpoint, URI gspEndpoint, Duration timeout) {
        this.queryEndpoint = queryEndpoint;
        this.gspEndpoint = gspEndpoint;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String method = request.getMethod();
        boolean graphRead = ("GET".equals(method) || "HEAD".equals(method))
                && request.getParameter("query") == null
                && (request.getParameter("graph") != null || request.getParameter("default") != null);
        if (!"GET".equals(method) && !"POST".equals(method) && !graphRead) {
            response.setHeader("Allow", "GET, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String query = request.getQueryString();
        URI endpoint = graphRead ? gspEndpoint : queryEndpoint;
        URI target = URI.create(endpoint + (query == null ? "" : "?" + query));
        HttpRequest.Builder forward = HttpRequest.newBuilder(target).timeout(timeout);
        String accept = Negotiation.acceptHeader(request);
        if (accept != null) {
            forward.header(HttpHeaders.ACCEPT, accept);
        }
        if ("POST".equals(method)) {
            String contentType = request.getContentType();
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            InputStream body = request.getInputStream();
            forward.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body));
        } else if ("HEAD".equals(method)) {
            forward.method("HEAD", HttpRequest.BodyPublishers.noBody());
        } else {
            forward.GET();
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            LOG.warn("remote SPARQL endpoint {} unreachable: {}", queryEndpoint, e.toString());
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "remote store unreachable");
            return;
        } catch (HttpTimeoutException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "query timed out");
            return;
        } catch (IOException e) {
            LOG.warn("remote SPARQL endpoint {} failed: {}", queryEndpoint, e.toString());
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "remote store failed");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        try (InputStream in = answer.body()) {
            in.transferTo(response.getOutputStream());
        } catch (WholeResultFilter.AnswerTooLargeException e) {
            throw e;
        } catch (IOException e) {
            // The remote store broke off its answer. The answer is held back until complete (WholeResultFilter), so
            // the client gets this status instead of a truncated body.
            LOG.warn("remote SPARQL endpoint {} broke off its answer: {}", queryEndpoint, e.toString());
            response.reset();
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "remote store broke off its answer");
        }
    }
}
