package jp.kakaritsuke.kb.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;

/**
 * HTTP on the loopback interface for the benchmarks: single requests, interleaved latency samples of two peers, and
 * a closed-loop load of a fixed number of concurrent clients, bounded in time and in count. A "unit" is what one
 * client does for one page: one request to the application, or the sequence of requests the page needs from Fuseki.
 */
final class HttpLoad {

    /** One page view or one query: one or more HTTP exchanges, failing on any status but 200. */
    @FunctionalInterface
    interface Unit {
        void run();
    }

    /** Latency samples in milliseconds, sorted. */
    record Samples(List<Double> millis, int failures) {

        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * millis.size());
            return millis.get(Math.max(0, Math.min(millis.size() - 1, rank - 1)));
        }
    }

    /** The outcome of a load run: units completed per second and their latencies. */
    record Throughput(double perSecond, Samples latency) {}

    /** A request answered with a status other than 200: the status and the start of the answer (500 characters). */
    static final class StatusFailure extends IllegalStateException {

        private final int status;
        private final String body;

        StatusFailure(HttpRequest request, int status, String body) {
            super(request.method() + " " + request.uri() + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        /**
         * The status and the answer's first words, for a table: {@code HTTP 413 Content Too Large} from an answer
         * that begins {@code 413 Content Too Large: the answer is…}, at most 40 characters of the answer's first line
         * before a colon.
         */
        String brief() {
            String reason = body.lines().findFirst().orElse("").strip();
            if (reason.startsWith(String.valueOf(status))) {
                reason = reason.substring(3).strip();
            }
            int colon = reason.indexOf(':');
            reason = colon > 0 ? reason.substring(0, colon) : reason;
            reason = reason.length() > 40 ? reason.substring(0, 40) + "…" : reason;
            return ("HTTP " + status + " " + reason).strip();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private HttpLoad() {}

    static Unit get(String url, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept)
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        return () -> send(request);
    }

    /** A SPARQL query sent by POST with the query as the body (SPARQL 1.1 Protocol). */
    static Unit query(String endpoint, String query, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", accept)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8))
                .build();
        return () -> send(request);
    }

    /** A Graph Store Protocol read of one named graph. */
    static Unit graph(String gspEndpoint, String graph, String accept) {
        return get(gspEndpoint + "?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8), accept);
    }

    static Unit sequence(List<Unit> units) {
        return () -> units.forEach(Unit::run);
    }

    private static void send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                String body = new String(response.body(), StandardCharsets.UTF_8);
                throw new StatusFailure(
                        request, response.statusCode(), body.substring(0, Math.min(500, body.length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double timeMillis(Unit unit) {
        long started = System.nanoTime();
        unit.run();
        return (System.nanoTime() - started) / 1e6;
    }

    /**
     * Latencies of two peers measured in turns (ours, peer; then peer, ours; …) after {@code warmUp} runs of each,
     * for at most {@code maxRounds} rounds and, after {@code minRounds}, no longer than {@code budget}.
     */
    static List<Samples> interleaved(Unit ours, Unit peer, int warmUp, int minRounds, int maxRounds, Duration budget) {
        for (int i = 0; i < warmUp; i++) {
            ours.run();
            peer.run();
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        for (int round = 0; round < maxRounds && (round < minRounds || System.nanoTime() < deadline); round++) {
            if (round % 2 == 0) {
                a.add(timeMillis(ours));
                b.add(timeMillis(peer));
            } else {
                b.add(timeMillis(peer));
                a.add(timeMillis(ours));
            }
        }
        Collections.sort(a);
        Collections.sort(b);
        return List.of(new Samples(a, 0), new Samples(b, 0));
    }

    /**
     * Latencies of one side alone, as {@link #interleaved} measures each of two: after {@code warmUp} runs, at least
     * {@code minRounds} and at most {@code maxRounds}, no longer than {@code budget} after the minimum. For a query one
     * side of a pair does not answer: the other's figures still count.
     */
    static Samples alone(Unit unit, int warmUp, int minRounds, int maxRounds, Duration budget) {
        for (int i = 0; i < warmUp; i++) {
            unit.run();
        }
        List<Double> times = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        for (int round = 0; round < maxRounds && (round < minRounds || System.nanoTime() < deadline); round++) {
            times.add(timeMillis(unit));
        }
        Collections.sort(times);
        return new Samples(times, 0);
    }

    /** Why a unit failed, in a few words for a table: {@link StatusFailure#brief}, or the failure's first line. */
    static String shortFailure(RuntimeException failure) {
        if (failure instanceof StatusFailure answered) {
            return answered.brief();
        }
        String first = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }

    /**
     * {@code clients} concurrent clients each repeating {@code unit} back to back: first for {@code warmUp}
     * (not counted), then until {@code duration} has passed or {@code maxUnits} have completed.
     */
    static Throughput closedLoop(Unit unit, int clients, Duration warmUp, Duration duration, int maxUnits) {
        runFor(unit, clients, warmUp, Integer.MAX_VALUE, null);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        int failures = runFor(unit, clients, duration, maxUnits, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Throughput(sorted.size() / seconds, new Samples(sorted, failures));
    }

    private static int runFor(Unit unit, int clients, Duration duration, int maxUnits, List<Double> latencies) {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxUnits) {
                        try {
                            double millis = timeMillis(unit);
                            if (latencies != null) {
                                latencies.add(millis);
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("A load client failed", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return failures.get();
    }

    /** The answer of the application's {@code /sparql} at {@code app} to a SELECT query, as JSON results. */
    static ResultSet select(String app, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + "/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/sparql answered " + response.statusCode());
            }
            return ResultSetFactory.fromJSON(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
