package jp.kakaritsuke.kb.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.bench.ResultTable.Better;
import jp.kakaritsuke.kb.testsupport.ChildPort;
import org.apache.jena.query.ResultSet;

/**
 * The cause↔measure matrix page ({@code /causes?function=…}) at the 構想区域 scale: every 構想区域 × one fiscal year
 * × the five functions of synthetic worksheets (the demo generator's {@code zones} scale), measured as a reader feels
 * it — first request after start, single-user p50/p95 over {@code --requests} requests, HTML size — with the answer
 * cache as shipped and without it, each against a peer in the same run:
 *
 * <ul>
 * <li>the same page on the shipped showcase data (seed, areas, demo; the size of a small deployment), same settings;
 * </li>
 * <li>the SPARQL the page runs (its seven named queries, bound as the page binds them), sent in sequence to the same
 * application's {@code /sparql} without the cache, interleaved with the page: what rendering costs over the store.
 * </li>
 * </ul>
 *
 * <p>The target for the page at this scale is p95 ≤ 300 ms and HTML &lt; 300 KB. Arguments: {@code --work
 * DIR} (default {@code target/bench-matrix}), {@code --results FILE} (default {@code src/test/bench/RESULTS.md}: the
 * section between the {@code matrix-bench} markers is replaced), {@code --app-jar FILE}, {@code --function ID}
 * (default {@code f2-ha}), {@code --requests N} (default 60). Databases under the work directory are reused when
 * present. Run with {@code src/test/scripts/bench.sh --matrix} (see {@code src/test/bench/README.md}).
 */
public final class MatrixBench {

    static final String BEGIN = "<!-- matrix-bench:begin -->";
    static final String END = "<!-- matrix-bench:end -->";
    static final double TARGET_P95_MS = 300;
    static final double TARGET_HTML_KB = 300;

    private final Path work;
    private final Path appJar;
    private final String function;
    private final int requests;
    private final ResultTable shipped =
            new ResultTable("The matrix page at 構想区域 scale vs the same page on the shipped data", "shipped data");
    private final ResultTable store =
            new ResultTable("The matrix page without the cache vs its SPARQL on the same store", "its SPARQL");
    private final List<String> notes = new ArrayList<>();
    private String counts = "";

    private MatrixBench(Path work, Path appJar, String function, int requests) {
        this.work = work.toAbsolutePath();
        this.appJar = appJar.toAbsolutePath();
        this.function = function;
        this.requests = requests;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path work = Path.of(options.getOrDefault("--work", "target/bench-matrix"));
        Path results = Path.of(options.getOrDefault("--results", "src/test/bench/RESULTS.md"));
        Path jar =
                options.containsKey("--app-jar") ? Path.of(options.get("--app-jar")) : NationalScaleBench.findAppJar();
        MatrixBench bench = new MatrixBench(
                work,
                jar,
                options.getOrDefault("--function", "f2-ha"),
                Integer.parseInt(options.getOrDefault("--requests", "60")));
        double loadBefore = PageTypes.loadAverage();
        bench.run();
        double loadAfter = PageTypes.loadAverage();
        String shown = "--matrix --function " + bench.function + " --requests " + bench.requests;
        String section = bench.markdown(shown, loadBefore, loadAfter);
        System.out.println(section);
        writeSection(results, section);
        System.out.println("Results written to " + results);
    }

    private void run() throws IOException {
        Path zonesData = zonesData();
        Path zonesDb = work.resolve("zones").resolve("tdb2");
        Path shippedDb = work.resolve("shipped").resolve("tdb2");
        String page = "/causes?function=" + function;
        for (boolean cache : List.of(true, false)) {
            String setting = cache ? "cache on (as shipped)" : "cache off";
            Figures zones = measure("zones", zonesData, zonesDb, cache, page);
            Figures small = measure("shipped", Path.of("data").toAbsolutePath(), shippedDb, cache, page);
            add(shipped, setting, "first request after start", zones.first, small.first, "ms");
            add(shipped, setting, "p50", zones.page.percentile(50), small.page.percentile(50), "ms");
            add(shipped, setting, "p95", zones.page.percentile(95), small.page.percentile(95), "ms");
            add(shipped, setting, "HTML size", zones.kilobytes, small.kilobytes, "KB");
            add(shipped, setting, "server processor time per page", zones.pageCpuMillis, small.pageCpuMillis, "ms");
            counts = String.format(
                    Locale.ROOT,
                    "%.0f worksheets on the page's function and year at 構想区域 scale, %.0f on the shipped data",
                    zones.worksheets,
                    small.worksheets);
            if (!cache) {
                add(store, "zones, cache off", "p50", zones.page.percentile(50), zones.sparql.percentile(50), "ms");
                add(store, "zones, cache off", "p95", zones.page.percentile(95), zones.sparql.percentile(95), "ms");
                add(store, "shipped, cache off", "p50", small.page.percentile(50), small.sparql.percentile(50), "ms");
                add(store, "shipped, cache off", "p95", small.page.percentile(95), small.sparql.percentile(95), "ms");
                add(
                        store,
                        "zones, cache off",
                        "server processor time per page / per run of its SPARQL",
                        zones.pageCpuMillis,
                        zones.sparqlCpuMillis,
                        "ms");
                add(
                        store,
                        "shipped, cache off",
                        "server processor time per page / per run of its SPARQL",
                        small.pageCpuMillis,
                        small.sparqlCpuMillis,
                        "ms");
            }
            if (zones.failures + small.failures > 0) {
                notes.add(setting + ": " + (zones.failures + small.failures) + " requests failed (see the logs)");
            }
        }
    }

    private static void add(ResultTable table, String scale, String metric, double ours, double peer, String unit) {
        table.add(scale, metric, ours, peer, unit, Better.LOWER);
    }

    /** What one application run yields for the page. */
    private record Figures(
            double first,
            HttpLoad.Samples page,
            HttpLoad.Samples sparql,
            double kilobytes,
            double worksheets,
            int failures,
            double pageCpuMillis,
            double sparqlCpuMillis) {}

    /** Starts the application over {@code db} (loaded from {@code data} on the first start) and measures the page. */
    private Figures measure(String name, Path data, Path db, boolean cache, String page) {
        List<String> command = NationalScaleBench.appCommand(appJar, db, data);
        command.addAll(
                List.of("--kb.data.include-demo=true", "--kb.data.include-evidence=false", "--kb.warm-up.paths="));
        if (!cache) {
            command.add("--kb.cache.max-cells=0");
        }
        String run = name + (cache ? "-cache" : "-nocache");
        System.out.println("== " + run);
        try (ChildJvm child = ChildJvm.start(
                run,
                List.of(NationalScaleBench.SERVER_HEAP),
                command,
                work,
                Map.of(),
                work.resolve("logs").resolve(run + ".log"))) {
            String app = "http://localhost:" + child.awaitPort(ChildPort.APPLICATION, Duration.ofMinutes(15));
            Duration started = child.awaitFirst200(URI.create(app + "/sparql?query=ASK%7B%7D"), Duration.ofMinutes(15));
            System.out.printf(Locale.ROOT, "  answering after %.1f s%n", started.toMillis() / 1000.0);
            PageTypes.Answer first = PageTypes.fetch(app + page);
            // What the application does by itself after start (the dump figures read the whole store) is not the
            // page's cost: the single-user figures are taken once it has settled.
            System.out.printf(Locale.ROOT, "  settled after %.0f s more%n", Turns.awaitQuiet(child));
            String functionIri = "https://w3id.org/kakaritsuke/function/" + function;
            String[] latest = latestYear(app, functionIri);
            String year = latest[0];
            Map<String, String> bound = new LinkedHashMap<>();
            bound.put("function", functionIri);
            if (year != null) {
                bound.put("fiscalYear", year);
            }
            PeerQueries queries = new PeerQueries();
            String json = "application/sparql-results+json";
            List<HttpLoad.Unit> needs = new ArrayList<>();
            for (String query : List.of("functions-to-compare", "prefectures", "comparison-types")) {
                needs.add(HttpLoad.query(app + "/sparql", queries.text(query, Map.of()), json));
            }
            needs.add(HttpLoad.query(
                    app + "/sparql", queries.text("fiscal-years", Map.of("function", functionIri)), json));
            for (String query : List.of("cause-type-rows", "measure-type-columns", "cause-type-matrix")) {
                needs.add(HttpLoad.query(app + "/sparql", queries.text(query, bound), json));
            }
            HttpLoad.Unit pageUnit = HttpLoad.get(app + page, "text/html");
            HttpLoad.Samples pageSamples;
            HttpLoad.Samples sparqlSamples = new HttpLoad.Samples(List.of(), 0);
            // The application's processor time per page (and per run of its SPARQL): what a page costs whatever
            // else the shared machine is doing at the time.
            double pageCpu = Turns.cpuMillisPer(child, pageUnit, 20);
            double sparqlCpu = cache ? Double.NaN : Turns.cpuMillisPer(child, HttpLoad.sequence(needs), 20);
            if (cache) {
                pageSamples = PageTypes.warm(app + page, Duration.ofSeconds(30));
                List<Double> millis = new ArrayList<>(pageSamples.millis());
                int failures = pageSamples.failures();
                while (millis.size() + failures < requests) {
                    PageTypes.Answer answer = PageTypes.fetch(app + page);
                    if (answer.status() == 200) {
                        millis.add(answer.millis());
                    } else {
                        failures++;
                    }
                }
                Collections.sort(millis);
                pageSamples = new HttpLoad.Samples(millis, failures);
            } else {
                List<HttpLoad.Samples> both = Turns.interleaved(pageUnit, HttpLoad.sequence(needs), requests);
                pageSamples = both.get(0);
                sparqlSamples = both.get(1);
            }
            double worksheets = Double.parseDouble(latest[1]);
            System.out.printf(
                    Locale.ROOT,
                    "  %s: %.0f KB, first %.0f ms, p50 %.0f ms, p95 %.0f ms; its SPARQL p50 %.0f ms, p95 %.0f ms;"
                            + " %.0f worksheets on %s in %s%n",
                    page,
                    first.bytes() / 1024.0,
                    first.millis(),
                    pageSamples.percentile(50),
                    pageSamples.percentile(95),
                    sparqlSamples.percentile(50),
                    sparqlSamples.percentile(95),
                    worksheets,
                    function,
                    year);
            return new Figures(
                    first.millis(),
                    pageSamples,
                    sparqlSamples,
                    first.bytes() / 1024.0,
                    worksheets,
                    (first.status() == 200 ? 0 : 1) + pageSamples.failures() + sparqlSamples.failures(),
                    pageCpu,
                    sparqlCpu);
        }
    }

    /** The latest fiscal year with worksheets on the function (the year the page shows by default) and their number. */
    private static String[] latestYear(String app, String functionIri) {
        ResultSet rows = HttpLoad.select(app, new PeerQueries().text("fiscal-years", Map.of("function", functionIri)));
        if (!rows.hasNext()) {
            return new String[] {null, "NaN"};
        }
        var row = rows.next();
        return new String[] {
            row.getLiteral("fiscalYear").getLexicalForm(),
            row.getLiteral("worksheetCount").getLexicalForm()
        };
    }

    /** Seed, areas and the synthetic worksheets of every 構想区域 × one fiscal year; generated once. */
    private Path zonesData() throws IOException {
        Path data = work.resolve("zones").resolve("data");
        Path demo = data.resolve("demo").resolve("synthetic.trig");
        for (String part : List.of("seed", "areas")) {
            Path to = data.resolve(part);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(Path.of("data", part))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".trig")).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        NationalScaleBench.generateZonesOnce(demo);
        return data;
    }

    private String markdown(String arguments, double loadBefore, double loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## The cause↔measure matrix at 構想区域 scale (`MatrixBench`)\n\n");
        md.append("`/causes?function=")
                .append(function)
                .append("` over every 構想区域 × one fiscal year × the five functions of synthetic worksheets, ")
                .append(requests)
                .append(" single-user requests per figure after the first, measured ")
                .append(NationalScaleBench.now())
                .append(" with `src/test/scripts/bench.sh ")
                .append(arguments)
                .append("` (niced, on the shared 2-core machine: 1-minute load average ")
                .append(String.format(Locale.ROOT, "%.1f before, %.1f after", loadBefore, loadAfter))
                .append("; application ")
                .append(NationalScaleBench.SERVER_HEAP)
                .append("). Target of the issue: p95 ≤ ")
                .append((int) TARGET_P95_MS)
                .append(" ms and HTML < ")
                .append((int) TARGET_HTML_KB)
                .append(" KB at this scale. ")
                .append(counts)
                .append("; \"ours\" is the page at 構想区域 scale.\n\n");
        md.append("### ")
                .append(shipped.title())
                .append("\n\n")
                .append(shipped.markdown())
                .append('\n');
        md.append("### ")
                .append(store.title())
                .append("\n\n")
                .append(store.markdown())
                .append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append(END).append('\n');
        return md.toString();
    }

    /** Replaces the marked section of {@code results} (or appends it). */
    static void writeSection(Path results, String section) throws IOException {
        String text = Files.exists(results) ? Files.readString(results, StandardCharsets.UTF_8) : "";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin)
                        + section
                        + text.substring(end + END.length()).replaceFirst("^\n", "")
                : text + (text.endsWith("\n") || text.isEmpty() ? "\n" : "\n\n") + section;
        Files.writeString(results, updated, StandardCharsets.UTF_8);
    }

    /** The marked section of {@code results}, or an empty string: kept when the national report is rewritten. */
    static String section(Path results) throws IOException {
        if (!Files.exists(results)) {
            return "";
        }
        String text = Files.readString(results, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        return begin >= 0 && end > begin ? text.substring(begin, end + END.length()) + "\n" : "";
    }
}
