package jp.kakaritsuke.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every page type of the application, measured as a reader feels it: the first request after start-up and the first
 * after a write (cold), single-user latency once answered (warm), latency under concurrent readers, and the size of
 * the HTML. The pages are those the README names, at values present at every scale; the cross-region pages at their
 * defaults (the latest fiscal year, the first page).
 */
final class PageTypes {

    /** Page type → path. */
    static final Map<String, String> PAGES = pages();

    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("worksheet", "/doc/worksheet/" + PeerQueries.WORKSHEET_SLUG);
        // A 構想区域's worksheet: its areas to compare with are those of its prefecture (a worked example lists none
        // until the reader chooses a prefecture).
        pages.put("worksheet (構想区域)", "/doc/worksheet/demo-2026-kousou-r7-1313-f1");
        pages.put("cause", "/doc/worksheet/" + PeerQueries.WORKSHEET_SLUG + "/cause/1");
        pages.put("cause-measure matrix", "/causes?function=" + PeerQueries.FUNCTION_ID);
        pages.put("cause-measure matrix f2-ha", "/causes?function=f2-ha");
        pages.put("resources", "/resources");
        pages.put("resource (function report)", "/def/resource/function-report-results");
        pages.put("resource (exchange forum)", "/def/resource/" + PeerQueries.RESOURCE_ID);
        pages.put("functions", "/functions");
        pages.put("function", "/def/function/" + PeerQueries.FUNCTION_ID);
        pages.put("areas", "/areas");
        pages.put("prefecture", "/doc/area/pref/13");
        pages.put("構想区域", "/doc/area/kousou/R7/0101");
        pages.put("actors", "/actors");
        pages.put("actor (clinic)", "/def/actor/clinic");
        pages.put("status (draft)", "/def/status/draft");
        pages.put("search", "/search?q=%E8%BC%AA%E7%95%AA");
        pages.put("catalog", "/catalog");
        return Collections.unmodifiableMap(pages);
    }

    /** One answer: status, milliseconds, bytes. */
    record Answer(int status, double millis, long bytes) {}

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private PageTypes() {}

    /** One GET of {@code url} as HTML, timed; a failure to connect or a timeout counts as status 0. */
    static Answer fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), (System.nanoTime() - started) / 1e6, response.body().length);
        } catch (IOException e) {
            return new Answer(0, (System.nanoTime() - started) / 1e6, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Single-user latencies after one unmeasured request: at least 5, at most 40 requests within {@code budget}. */
    static HttpLoad.Samples warm(String url, Duration budget) {
        fetch(url);
        List<Double> millis = new ArrayList<>();
        int failures = 0;
        long deadline = System.nanoTime() + budget.toNanos();
        for (int i = 0; i < 40 && (i < 5 || System.nanoTime() < deadline); i++) {
            Answer answer = fetch(url);
            if (answer.status() == 200) {
                millis.add(answer.millis());
            } else {
                failures++;
            }
        }
        Collections.sort(millis);
        return new HttpLoad.Samples(millis, failures);
    }

    /**
     * A write through the administrators' SPARQL Update service (the development account of the README), so that the
     * next requests are the first after a write. Adds a triple to a graph of the benchmark's own.
     */
    static void write(String app, int n) {
        String update = "INSERT DATA { GRAPH <urn:x-bench:writes> { <urn:x-bench:write> <urn:x-bench:n> " + n + " } }";
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + "/admin/sparql"))
                .header("Content-Type", "application/sparql-update")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("admin:dev-admin-2026".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(update))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the write answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the write failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The 1-minute load average of the machine. */
    static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
