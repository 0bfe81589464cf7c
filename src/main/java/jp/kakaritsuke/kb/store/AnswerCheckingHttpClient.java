package jp.kakaritsuke.kb.store;

import java.io.Closeable;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.apache.jena.query.QueryCancelledException;

/**
 * The HTTP client of a remote store: Java's client, with every answer's headers read before Jena reads its body. An
 * answer the engine itself marks as incomplete is turned into an exception here, so it never reaches the application
 * as data:
 * <ul>
 * <li>{@code X-SQL-State: S1TAT} (Virtuoso: "returning incomplete results, query interrupted by result timeout") is a
 * query that ran out of time, {@link QueryCancelledException};</li>
 * <li>any other {@code X-SQL-State} is an incomplete answer, {@link StoreAnswerException} with the store's
 * {@code X-SQL-Message};</li>
 * <li>{@code X-SPARQL-MaxRows: N} (Virtuoso cut the result at its {@code ResultSetMaxRows}) is {@link ResultCut}.</li>
 * </ul>
 */
final class AnswerCheckingHttpClient extends HttpClient {

    static final String SQL_STATE = "X-SQL-State";
    static final String SQL_MESSAGE = "X-SQL-Message";
    static final String MAX_ROWS = "X-SPARQL-MaxRows";
    /** Virtuoso's state for an "anytime" query stopped by its timeout, returning what it had. */
    static final String TIMEOUT_STATE = "S1TAT";

    /** The store cut an answer at {@link #cap()} rows. */
    static final class ResultCut extends StoreAnswerException {
        private final int cap;

        ResultCut(int cap, String where) {
            super("The store cut the answer at " + cap + " rows (its result cap) " + where
                    + "; the answer is not used");
            this.cap = cap;
        }

        int cap() {
            return cap;
        }
    }

    private final HttpClient delegate;
    private final String destination;

    AnswerCheckingHttpClient(HttpClient delegate, String destination) {
        this.delegate = delegate;
        this.destination = destination;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return checked(delegate.send(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler).thenApply(this::checked);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler).thenApply(this::checked);
    }

    private <T> HttpResponse<T> checked(HttpResponse<T> response) {
        Optional<String> state = response.headers().firstValue(SQL_STATE);
        OptionalInt maxRows = response.headers().firstValue(MAX_ROWS).stream()
                .mapToInt(v -> {
                    try {
                        return Integer.parseInt(v.strip());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                })
                .findFirst();
        if (state.isEmpty() && maxRows.isEmpty()) {
            return response;
        }
        discard(response);
        String where = "at " + destination;
        if (state.isPresent()) {
            String message = response.headers().firstValue(SQL_MESSAGE).orElse("");
            if (TIMEOUT_STATE.equalsIgnoreCase(state.get().strip())) {
                throw new QueryCancelledException();
            }
            throw new StoreAnswerException("The store " + where + " flagged its answer as incomplete (" + SQL_STATE
                    + " " + state.get() + ": " + message + "); the answer is not used");
        }
        throw new ResultCut(maxRows.getAsInt(), where);
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof Closeable body) {
            try {
                body.close();
            } catch (IOException ignored) {
                // The answer is refused anyway; a body that cannot be closed cleanly changes nothing.
            }
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
