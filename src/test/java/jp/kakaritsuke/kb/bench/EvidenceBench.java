package jp.kakaritsuke.kb.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.bench.ResultTable.Better;
import jp.kakaritsuke.kb.testsupport.ChildPort;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/**
 * What the regional evidence costs the pages that show it, at the 構想区域 scale: the same pages of two applications
 * side by side, one loading {@code data/evidence/} (as shipped) and one started with
 * {@code --kb.data.include-evidence=false}, over the same synthetic worksheets of every 構想区域 × one fiscal year × the
 * five functions. The pages: the 構想区域 with the most facilities and 南渡島 (area pages: municipalities, population,
 * demand chart, facilities and their map), the prefecture of the first, and the synthetic 入退院支援 and 在宅医療
 * worksheets of that 構想区域 (the evidence panel). The issue's target: with evidence within 1.2× of without.
 *
 * <p>Measured per page: the first request after both applications have settled, then {@code --rounds} requests in
 * turns (with, without; without, with; …) so that both meet the same load of the shared machine — p50 and p95 — and the
 * server's processor time per page (from {@code /proc}), which other programs' load does not inflate; HTML sizes.
 * Arguments: {@code --work DIR} (default {@code target/bench-evidence}; data and databases are reused when present),
 * {@code --results FILE} (default {@code src/test/bench/EVIDENCE.md}), {@code --app-jar FILE}, {@code --rounds N}
 * (default 60), {@code --cache on|off} (default {@code on}, as shipped; {@code off} starts both with
 * {@code --kb.cache.max-cells=0}). Run with {@code src/test/scripts/bench.sh --evidence} (see
 * {@code src/test/bench/README.md}).
 */
public final class EvidenceBench {

    static final double TARGET_RATIO = 1.2;
    private static final int WARM_UP = 100;
    private static final int CPU_RUNS = 100;
    private static final String KK = "https://w3id.org/kakaritsuke/ontology#";

    private final Path work;
    private final Path appJar;
    private final int rounds;
    private final boolean cache;
    private final ResultTable latency;
    private final ResultTable cost;
    private final List<String> notes = new ArrayList<>();

    private EvidenceBench(Path work, Path appJar, int rounds, boolean cache) {
        this.work = work.toAbsolutePath();
        this.appJar = appJar.toAbsolutePath();
        this.rounds = rounds;
        this.cache = cache;
        this.latency = new ResultTable("Pages with evidence vs without, latency in turns", "without evidence");
        this.cost = new ResultTable("Pages with evidence vs without, server cost and size", "without evidence");
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path jar =
                options.containsKey("--app-jar") ? Path.of(options.get("--app-jar")) : NationalScaleBench.findAppJar();
        EvidenceBench bench = new EvidenceBench(
                Path.of(options.getOrDefault("--work", "target/bench-evidence")),
                jar,
                Integer.parseInt(options.getOrDefault("--rounds", "60")),
                !"off".equals(options.getOrDefault("--cache", "on")));
        Path results = Path.of(options.getOrDefault("--results", "src/test/bench/EVIDENCE.md"));
        double loadBefore = PageTypes.loadAverage();
        bench.run();
        double loadAfter = PageTypes.loadAverage();
        String report = bench.markdown(loadBefore, loadAfter);
        System.out.println(report);
        Files.writeString(results, report, StandardCharsets.UTF_8);
        System.out.println("Results written to " + results);
    }

    private void run() throws IOException {
        Path data = zonesData();
        try (ChildJvm with = start("with-evidence", data, true);
                ChildJvm without = start("without-evidence", data, false)) {
            String a = await(with);
            String b = await(without);
            System.out.printf(
                    Locale.ROOT,
                    "  settled after %.0f s and %.0f s%n",
                    Turns.awaitQuiet(with),
                    Turns.awaitQuiet(without));
            Map<String, String> pages = pages(a);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                measure(page.getKey(), page.getValue(), with, a, without, b);
            }
        }
    }

    private void measure(String name, String path, ChildJvm with, String a, ChildJvm without, String b) {
        PageTypes.Answer firstA = PageTypes.fetch(a + path);
        PageTypes.Answer firstB = PageTypes.fetch(b + path);
        if (firstA.status() != 200 || firstB.status() != 200) {
            notes.add(name + " (`" + path + "`): first answers " + firstA.status() + " with evidence, "
                    + firstB.status() + " without");
        }
        HttpLoad.Unit pageA = HttpLoad.get(a + path, "text/html");
        HttpLoad.Unit pageB = HttpLoad.get(b + path, "text/html");
        // Compiled by the JIT before anything is measured: a page's first few dozen renderings cost several times more.
        for (int i = 0; i < WARM_UP; i++) {
            Turns.timed(pageA);
            Turns.timed(pageB);
        }
        double cpuA = Turns.cpuMillisPer(with, pageA, CPU_RUNS);
        double cpuB = Turns.cpuMillisPer(without, pageB, CPU_RUNS);
        List<HttpLoad.Samples> both = Turns.interleaved(pageA, pageB, rounds);
        String scale = name + " `" + path + "`";
        latency.add(scale, "first request", firstA.millis(), firstB.millis(), "ms", Better.LOWER);
        latency.add(scale, "p50", both.get(0).percentile(50), both.get(1).percentile(50), "ms", Better.LOWER);
        latency.add(scale, "p95", both.get(0).percentile(95), both.get(1).percentile(95), "ms", Better.LOWER);
        cost.add(scale, "server processor time per page", cpuA, cpuB, "ms", Better.LOWER);
        cost.add(scale, "HTML size", firstA.bytes() / 1024.0, firstB.bytes() / 1024.0, "KB", Better.LOWER);
        int failures = both.get(0).failures() + both.get(1).failures();
        if (failures > 0) {
            notes.add(name + ": " + failures + " requests failed (see the logs)");
        }
        System.out.printf(
                Locale.ROOT,
                "  %s %s: p50 %.0f vs %.0f ms, p95 %.0f vs %.0f ms, cpu %.0f vs %.0f ms, %.0f vs %.0f KB%n",
                name,
                path,
                both.get(0).percentile(50),
                both.get(1).percentile(50),
                both.get(0).percentile(95),
                both.get(1).percentile(95),
                cpuA,
                cpuB,
                firstA.bytes() / 1024.0,
                firstB.bytes() / 1024.0);
    }

    /**
     * The measured pages, chosen on the application with evidence: the 構想区域 with the most facilities, its
     * prefecture, 南渡島 (0101), and the 入退院支援 and 在宅医療 worksheets of the first.
     */
    private static Map<String, String> pages(String app) {
        String base = PeerQueries.BASE;
        ResultSet zones = HttpLoad.select(
                app,
                "PREFIX kk: <" + KK + ">\n"
                        + "SELECT ?zone (COUNT(?facility) AS ?n) WHERE { ?facility kk:inVisionZone ?zone }\n"
                        + "GROUP BY ?zone ORDER BY DESC(?n) ?zone LIMIT 1");
        QuerySolution top = zones.next();
        String zone = top.getResource("zone").getURI();
        String zonePath = "/doc/" + zone.substring((base + "id/").length());
        String code = zone.substring(zone.lastIndexOf('/') + 1);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("構想区域 with the most facilities (" + top.getLiteral("n").getInt() + ")", zonePath);
        pages.put("構想区域 南渡島", "/doc/area/kousou/R7/0101");
        pages.put("prefecture", "/doc/area/pref/" + code.substring(0, 2));
        for (String function : List.of("f2-i", "f2-ro")) {
            ResultSet sheets = HttpLoad.select(
                    app,
                    "PREFIX kk: <" + KK + ">\n"
                            + "SELECT ?graph WHERE { GRAPH ?graph { ?w kk:area <" + zone + "> ; kk:function <"
                            + "https://w3id.org/kakaritsuke/function/" + function + "> } } ORDER BY ?graph LIMIT 1");
            if (sheets.hasNext()) {
                String graph = sheets.next().getResource("graph").getURI();
                pages.put(
                        "worksheet " + function,
                        "/doc/worksheet/" + graph.substring((base + "graph/worksheet/").length()));
            }
        }
        return pages;
    }

    private ChildJvm start(String name, Path data, boolean evidence) {
        Path db = work.resolve(name).resolve("tdb2");
        List<String> command = NationalScaleBench.appCommand(appJar, db, data);
        command.addAll(List.of(
                "--kb.data.include-demo=true", "--kb.data.include-evidence=" + evidence, "--kb.warm-up.paths="));
        if (!cache) {
            command.add("--kb.cache.max-cells=0");
        }
        System.out.println("== " + name);
        return ChildJvm.start(
                name,
                List.of(NationalScaleBench.SERVER_HEAP),
                command,
                work,
                Map.of(),
                work.resolve("logs").resolve(name + (cache ? "" : "-nocache") + ".log"));
    }

    private static String await(ChildJvm child) {
        String app = "http://localhost:" + child.awaitPort(ChildPort.APPLICATION, Duration.ofMinutes(20));
        Duration started = child.awaitFirst200(URI.create(app + "/sparql?query=ASK%7B%7D"), Duration.ofMinutes(20));
        System.out.printf(Locale.ROOT, "  %s answering after %.1f s%n", app, started.toMillis() / 1000.0);
        return app;
    }

    /** Seed, areas, evidence and the synthetic worksheets of every 構想区域 × one fiscal year; generated once. */
    private Path zonesData() throws IOException {
        Path data = work.resolve("data");
        Path demo = data.resolve("demo").resolve("synthetic.trig");
        // The whole of each part: the map's prefecture outlines are read from evidence/source/ at run time.
        for (String part : List.of("seed", "areas", "evidence")) {
            Path from = Path.of("data", part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = data.resolve(part).resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        NationalScaleBench.generateZonesOnce(demo);
        return data;
    }

    private String markdown(double loadBefore, double loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("# Pages with and without the regional evidence (`EvidenceBench`)\n\n");
        md.append("Every 構想区域 × one fiscal year × the five functions of synthetic worksheets (the demo generator's ")
                .append("`zones` scale) with the seed and the areas, loaded twice: \"ours\" with `data/evidence/` as ")
                .append(
                        "shipped, the peer with `--kb.data.include-evidence=false`; both applications run side by side ")
                .append("(")
                .append(NationalScaleBench.SERVER_HEAP)
                .append(", answer cache ")
                .append(cache ? "as shipped" : "off, `--kb.cache.max-cells=0`")
                .append(") and are measured once both have settled after start. Measured ")
                .append(NationalScaleBench.now())
                .append(" with `src/test/scripts/bench.sh --evidence --rounds ")
                .append(rounds)
                .append(cache ? "" : " --cache off")
                .append("` on the shared 2-core machine (1-minute load average ")
                .append(String.format(Locale.ROOT, "%.1f before, %.1f after", loadBefore, loadAfter))
                .append("). Latencies are taken in turns (with, without; without, with; …), ")
                .append(rounds)
                .append(
                        " requests each, after 100 unmeasured requests to each page; the processor time is the server's own per page "
                                + "over 100 requests, which ")
                .append("the machine's other load does not inflate. The issue's target: with evidence within ")
                .append(TARGET_RATIO)
                .append("× of without.\n\n");
        md.append("The pages without evidence show less (no population, demand chart, facilities or map on area ")
                .append("pages; no evidence panel on worksheet pages): the ratio is what the evidence costs.\n\n");
        for (ResultTable table : List.of(latency, cost)) {
            md.append("## ")
                    .append(table.title())
                    .append("\n\n")
                    .append(table.markdown())
                    .append('\n');
        }
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }
}
