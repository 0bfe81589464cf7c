package jp.kakaritsuke.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.testsupport.ChildPort;

/**
 * The soak benchmark: the application jar, started as a child process on the shipped data, serves {@code --clients}
 * concurrent readers of every page type, unmeasured for {@code --warm-up-seconds} (caches filled, code compiled),
 * then for {@code --quiet-seconds} (the quiet figures), then again for {@code
 * --soak-seconds} while a runaway query — one that can only end by its timeout — arrives every {@code
 * --runaway-every-seconds}, alternately on the public endpoint {@code /sparql} and on the query page {@code /query}.
 * Every {@code --heap-every-seconds} the heap left after a full collection ({@code jcmd PID GC.run}, then the
 * application's own {@code jvm.memory.used} of the heap through Actuator) is sampled.
 *
 * <p>It prints, and writes as Markdown to {@code --results} (default {@code src/test/bench/SOAK.md}): requests and
 * errors (any answer other than 200, or no answer) of the normal readers in each phase, their p50/p99 and the ratio
 * soak ÷ quiet, how the runaway queries ended (status and time), and the heap series. A program, not a test: it
 * asserts nothing. Run with {@code src/test/scripts/soak.sh} (see {@code src/test/bench/README.md}).
 */
public final class SoakBench {

    private static final String ADMIN = "admin:dev-admin-2026";
    /** Counts every combination of three patterns: far more than any timeout lets it finish. */
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String app;
    private final int clients;

    private SoakBench(String app, int clients) {
        this.app = app;
        this.clients = clients;
    }

    /** What the normal readers saw in one phase. */
    record Phase(String name, double seconds, List<Double> millis, Map<Integer, Integer> failures) {
        int errors() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * millis.size()) - 1;
            return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
        }
    }

    /** One runaway query: where, when, how it ended. */
    record Runaway(String route, double atSeconds, int status, double millis) {}

    /** The heap after a full collection, at a time. */
    record HeapSample(double atSeconds, double mib) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of(
                "--clients", "16",
                "--warm-up-seconds", "60",
                "--quiet-seconds", "60",
                "--soak-seconds", "600",
                "--runaway-every-seconds", "5",
                "--heap-every-seconds", "30",
                "--work", "target/bench/soak",
                "--results", "src/test/bench/SOAK.md",
                "--app-jar", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path work = Path.of(options.get("--work")).toAbsolutePath();
        Path jar = options.get("--app-jar").isEmpty()
                ? NationalScaleBench.findAppJar().toAbsolutePath()
                : Path.of(options.get("--app-jar")).toAbsolutePath();
        List<String> command = List.of(
                "-jar",
                jar.toString(),
                "--spring.profiles.active=dev",
                // The child takes a free port itself and names it in its log.
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--kb.base-iri=" + PeerQueries.BASE,
                "--kb.store.tdb2.location=" + work.resolve("tdb2"),
                "--kb.data.dir=" + Path.of("data").toAbsolutePath(),
                "--logging.level.root=WARN",
                "--logging.level." + ChildPort.APPLICATION_LOGGER + "=INFO");
        double loadBefore = PageTypes.loadAverage();
        try (ChildJvm child = ChildJvm.start(
                "application",
                List.of("-Xmx2g", "-XX:+UseG1GC"),
                command,
                work,
                Map.of(),
                work.resolve("application.log"))) {
            String app = "http://127.0.0.1:" + child.awaitPort(ChildPort.APPLICATION, Duration.ofMinutes(15));
            Duration started = child.awaitFirst200(URI.create(app + "/"), Duration.ofMinutes(15));
            System.out.printf(
                    Locale.ROOT, "application answered after %.1f s (pid %d)%n", seconds(started), child.pid());
            SoakBench bench = new SoakBench(app, Integer.parseInt(options.get("--clients")));
            bench.warmUp();
            bench.readers("warm-up", Duration.ofSeconds(Long.parseLong(options.get("--warm-up-seconds"))), null, null);
            Phase quiet = bench.readers(
                    "quiet", Duration.ofSeconds(Long.parseLong(options.get("--quiet-seconds"))), null, null);
            List<Runaway> runaways = Collections.synchronizedList(new ArrayList<>());
            List<HeapSample> heap = Collections.synchronizedList(new ArrayList<>());
            Phase soak = bench.readers(
                    "soak",
                    Duration.ofSeconds(Long.parseLong(options.get("--soak-seconds"))),
                    running -> bench.runaways(
                            Duration.ofSeconds(Long.parseLong(options.get("--runaway-every-seconds"))),
                            running,
                            runaways),
                    running -> bench.heapSamples(
                            child.pid(),
                            Duration.ofSeconds(Long.parseLong(options.get("--heap-every-seconds"))),
                            running,
                            heap));
            String timeouts = bench.metric("kb.store.requests?tag=outcome:timeout", "COUNT");
            String report = report(
                    options, started, loadBefore, PageTypes.loadAverage(), quiet, soak, runaways, heap, timeouts);
            System.out.println(report);
            Path results = Path.of(options.get("--results"));
            Files.writeString(results, report);
            System.out.println("written to " + results);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private void warmUp() {
        for (String path : PageTypes.PAGES.values()) {
            PageTypes.fetch(app + path);
        }
    }

    /**
     * The normal readers for {@code duration}, with the given side tasks (runaway queries, heap samples) running
     * beside them until the readers stop.
     */
    private Phase readers(
            String name, Duration duration, Consumer<BooleanSupplier> sideA, Consumer<BooleanSupplier> sideB)
            throws Exception {
        List<String> pages = new ArrayList<>(PageTypes.PAGES.values());
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> sides = new ArrayList<>();
            AtomicBoolean readersDone = new AtomicBoolean();
            for (Consumer<BooleanSupplier> side : Arrays.asList(sideA, sideB)) {
                if (side != null) {
                    sides.add(pool.submit(() -> side.accept(() -> !readersDone.get())));
                }
            }
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String page = pages.get(Math.floorMod(next.getAndIncrement(), pages.size()));
                        PageTypes.Answer answer = PageTypes.fetch(app + page);
                        if (answer.status() == 200) {
                            millis.add(answer.millis());
                        } else {
                            failures.merge(answer.status(), 1, Integer::sum);
                            System.out.printf(Locale.ROOT, "%s: %s answered %d%n", name, page, answer.status());
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            readersDone.set(true);
            for (Future<?> side : sides) {
                side.get(3, TimeUnit.MINUTES); // a side task's failure ends the run with its cause
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        Phase phase = new Phase(name, (System.nanoTime() - started) / 1e9, sorted, failures);
        System.out.printf(
                Locale.ROOT,
                "%s: %d requests, %d errors, p50 %.1f ms, p99 %.1f ms%n",
                name,
                sorted.size() + phase.errors(),
                phase.errors(),
                phase.percentile(50),
                phase.percentile(99));
        return phase;
    }

    /** A runaway query every {@code every}, each on its own thread, while {@code running}; waits for the last. */
    private void runaways(Duration every, BooleanSupplier running, List<Runaway> ended) {
        long start = System.nanoTime();
        ExecutorService senders = Executors.newCachedThreadPool();
        try {
            for (int n = 0; running.getAsBoolean(); n++) {
                String route = n % 2 == 0 ? "/sparql" : "/query";
                double at = (System.nanoTime() - start) / 1e9;
                senders.submit(() -> ended.add(runaway(route, at)));
                pause(every, running);
            }
        } finally {
            senders.shutdown();
            try {
                senders.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for {@code time}, or less once {@code running} turns false. */
    private static void pause(Duration time, BooleanSupplier running) {
        long until = System.nanoTime() + time.toNanos();
        while (running.getAsBoolean() && System.nanoTime() < until) {
            LockSupport.parkNanos(Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    private Runaway runaway(String route, double at) {
        String encoded = URLEncoder.encode(RUNAWAY, StandardCharsets.UTF_8);
        HttpRequest request = route.equals("/sparql")
                ? HttpRequest.newBuilder(URI.create(app + "/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/sparql-results+json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + encoded))
                        .build()
                : HttpRequest.newBuilder(URI.create(app + "/query?query=" + encoded))
                        .header("Accept", "text/html")
                        .timeout(Duration.ofMinutes(2))
                        .GET()
                        .build();
        long started = System.nanoTime();
        int status;
        try {
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new Runaway(route, at, status, (System.nanoTime() - started) / 1e6);
    }

    /** The heap after a full collection every {@code every}, while {@code running}. */
    private void heapSamples(long pid, Duration every, BooleanSupplier running, List<HeapSample> samples) {
        long start = System.nanoTime();
        while (running.getAsBoolean()) {
            try {
                Process gc = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                        .toString(),
                                Long.toString(pid),
                                "GC.run")
                        .redirectErrorStream(true)
                        .start();
                gc.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                gc.waitFor();
                String used = metric("jvm.memory.used?tag=area:heap", "VALUE");
                samples.add(new HeapSample((System.nanoTime() - start) / 1e9, Double.parseDouble(used) / (1 << 20)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(every, running);
        }
    }

    /** One statistic of one Actuator metric, read with the development administrator account. */
    private String metric(String nameAndTags, String statistic) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + "/actuator/metrics/" + nameAndTags))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            String body =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"statistic\":\"" + statistic + "\",\"value\":([0-9.E+-]+)")
                    .matcher(body);
            return m.find() ? m.group(1) : "NaN";
        } catch (IOException e) {
            return "NaN";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "NaN";
        }
    }

    private static String report(
            Map<String, String> options,
            Duration started,
            double loadBefore,
            double loadAfter,
            Phase quiet,
            Phase soak,
            List<Runaway> runaways,
            List<HeapSample> heap,
            String storeTimeouts) {
        StringBuilder md = new StringBuilder();
        md.append("# Soak: readers while runaway queries arrive\n\n");
        md.append("Written by `SoakBench` (see README.md in this folder) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(". The application jar on the shipped data (worked examples, synthetic worksheets, regional")
                .append(" evidence), `-Xmx2g`, development profile, default settings (query timeout 10 s).\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Options: %s. Started (first 200 of `/`) after %.1f s. Load average (1 min) %.1f before, %.1f"
                        + " after, on 2 cores.%n%n",
                options,
                seconds(started),
                loadBefore,
                loadAfter));
        md.append(
                "| phase | seconds | requests | errors | p50 ms | p99 ms | requests/s |\n|---|---|---|---|---|---|---|\n");
        for (Phase phase : List.of(quiet, soak)) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %d | %d %s | %.1f | %.1f | %.1f |%n",
                    phase.name(),
                    phase.seconds(),
                    phase.millis().size() + phase.errors(),
                    phase.errors(),
                    phase.failures().isEmpty() ? "" : phase.failures().toString(),
                    phase.percentile(50),
                    phase.percentile(99),
                    phase.millis().size() / phase.seconds()));
        }
        md.append(String.format(
                Locale.ROOT,
                "%np99 soak ÷ quiet: **%.2f** (p50: %.2f).%n%n",
                soak.percentile(99) / quiet.percentile(99),
                soak.percentile(50) / quiet.percentile(50)));
        Map<String, List<Runaway>> byRoute = new TreeMap<>();
        for (Runaway r : List.copyOf(runaways)) {
            byRoute.computeIfAbsent(r.route() + " → " + r.status(), k -> new ArrayList<>())
                    .add(r);
        }
        md.append("Runaway queries (`").append(RUNAWAY).append("`), by route and status:\n\n");
        md.append("| route → status | count | fastest ms | slowest ms |\n|---|---|---|---|\n");
        byRoute.forEach((key, list) -> md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.0f | %.0f |%n",
                key,
                list.size(),
                list.stream().mapToDouble(Runaway::millis).min().orElse(Double.NaN),
                list.stream().mapToDouble(Runaway::millis).max().orElse(Double.NaN))));
        md.append("\nStore requests that ended by their timeout (`kb.store.requests`, outcome timeout): ")
                .append(storeTimeouts)
                .append(".\n\n");
        md.append("Heap in use right after a full collection (MiB), every ")
                .append(options.get("--heap-every-seconds"))
                .append(" s of the soak:\n\n");
        StringBuilder series = new StringBuilder();
        for (HeapSample sample : List.copyOf(heap)) {
            series.append(String.format(Locale.ROOT, "%.0f s: %.0f; ", sample.atSeconds(), sample.mib()));
        }
        md.append(series.isEmpty() ? "(no sample)" : series.toString().strip()).append("\n");
        if (heap.size() >= 2) {
            HeapSample first = heap.get(0);
            HeapSample last = heap.get(heap.size() - 1);
            double max = heap.stream().mapToDouble(HeapSample::mib).max().orElseThrow();
            md.append(String.format(
                    Locale.ROOT,
                    "%nFirst %.0f MiB, last %.0f MiB, largest %.0f MiB: last ÷ first %.2f.%n",
                    first.mib(),
                    last.mib(),
                    max,
                    last.mib() / first.mib()));
        }
        return md.toString();
    }
}
