package jp.kakaritsuke.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.bench.ResultTable.Better;
import jp.kakaritsuke.kb.demo.DemoWorksheetGenerator;
import jp.kakaritsuke.kb.store.FusekiServerProcess;
import jp.kakaritsuke.kb.testsupport.ChildPort;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The national-scale benchmarks: for each scale of synthetic data (demo, every prefecture, every 構想区域, every
 * municipality, optionally over several fiscal years), the application measured against Apache Jena's own tools on
 * the same data in the same run, each figure as a ratio ours ÷ peer:
 *
 * <ol>
 * <li>bulk load: the application's {@code DataLoader} (with its full-text index, as the application loads) vs TDB2's
 * phased bulk loader (what {@code tdb2.tdbloader} runs) on the same files;</li>
 * <li>full Turtle export: the application's exporter vs Jena's streaming Turtle writer over the same TDB2 data, each
 * in a JVM capped at {@value #EXPORT_HEAP}, with peak heap;</li>
 * <li>cold start to the first answer and resident memory: the application jar vs the Fuseki server jar, each over
 * its database (the application's {@code /} page; Fuseki's first query);</li>
 * <li>named-query latency p50/p95 through the application's {@code /sparql} vs the same text on Fuseki, interleaved
 * after a warm-up;</li>
 * <li>page throughput and p99 under a fixed number of concurrent clients: the worksheet page, the cause↔measure page
 * and a resource page vs the SPARQL requests (queries and graph reads) those pages need, sent to Fuseki.</li>
 * </ol>
 *
 * <p>Arguments: {@code --scales demo,prefectures,zones,municipalities,zones:10} (a {@code :N} suffix means N fiscal
 * years), {@code --work DIR} (default {@code target/bench}), {@code --results FILE} (default
 * {@code src/test/bench/RESULTS.md}), {@code --app-jar FILE} (default: the packaged jar under {@code target/}),
 * {@code --clients N} (default 8), {@code --page-seconds N} (default 6), {@code --app-options a,b} (more options
 * for the application, e.g. {@code --kb.cache.max-cells=0}), {@code --reuse-stores true} (keep the databases of an
 * earlier run in the work directory: no load and export figures), {@code --results-tag T} (keep the figures under
 * {@code WORK/T/}, default {@code results}), {@code --report-only true} (only write the report from the figures kept
 * under the tag). Figures of earlier runs of other scales under the same tag are kept, so
 * scales can be run one at a time. See {@code src/test/bench/README.md}.
 */
public final class NationalScaleBench {

    static final String EXPORT_HEAP = "-Xmx256m";
    static final String SERVER_HEAP = "-Xmx2g";
    static final String LOADER_HEAP = "-Xmx8g";
    static final int RESTARTS = 5;
    static final List<String> TABLES = List.of(
            "machine", "generate", "load", "export", "start", "page-types", "latency", "latency-detail", "pages");
    static final Map<String, String> TITLES = Map.of(
            "machine", "The machine while the servers ran (shared with other work: no peer)",
            "page-types",
                    "Every page type as a reader feels it: cold, warm, under concurrent readers, HTML size "
                            + "(no peer)",
            "generate", "Synthetic data per scale (no peer: what the generator yields)",
            "load", "Bulk load: DataLoader vs TDB2 phased bulk loader (tdb2.tdbloader) on the same files",
            "export",
                    "Full Turtle export: /export/all.ttl code vs Jena's streaming Turtle writer, JVM capped at "
                            + EXPORT_HEAP,
            "start", "Cold start to first answer and resident memory: application jar vs Fuseki server jar",
            "latency", "Named queries through /sparql vs the same text on Fuseki (summary over all named queries)",
            "latency-detail", "Named queries, one row per query (p50 and p95 ms)",
            "pages", "Pages under concurrent load vs the SPARQL requests they need, sent to Fuseki");

    record ScaleSpec(String label, DemoWorksheetGenerator.Scale scale, int years) {

        static ScaleSpec parse(String text) {
            String[] parts = text.split(":");
            int years = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            DemoWorksheetGenerator.Scale scale =
                    DemoWorksheetGenerator.Scale.valueOf(parts[0].toUpperCase(Locale.ROOT));
            return new ScaleSpec(parts[0] + (years > 1 ? " ×" + years + " years" : ""), scale, years);
        }

        String dirName() {
            return label.replace(" ×", "-x").replace(" years", "y");
        }
    }

    private final Path work;
    private final Path appJar;
    private final int clients;
    private final Duration pageDuration;
    private final PeerQueries queries = new PeerQueries();
    private final Map<String, ResultTable> tables = new LinkedHashMap<>();

    private final List<String> appOptions;
    private final boolean reuseStores;

    private NationalScaleBench(
            Path work, Path appJar, int clients, Duration pageDuration, List<String> appOptions, boolean reuseStores) {
        this.work = work.toAbsolutePath();
        this.appJar = appJar.toAbsolutePath();
        this.clients = clients;
        this.pageDuration = pageDuration;
        this.appOptions = appOptions;
        this.reuseStores = reuseStores;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<ScaleSpec> scales = Stream.of(options.getOrDefault("--scales", "demo,prefectures,zones,municipalities")
                        .split(","))
                .map(String::strip)
                .map(ScaleSpec::parse)
                .toList();
        Path work = Path.of(options.getOrDefault("--work", "target/bench"));
        Path results = Path.of(options.getOrDefault("--results", "src/test/bench/RESULTS.md"));
        Path jar = options.containsKey("--app-jar") ? Path.of(options.get("--app-jar")) : findAppJar();
        List<String> appOptions = options.containsKey("--app-options")
                ? List.of(options.get("--app-options").split(","))
                : List.of();
        boolean reuse = Boolean.parseBoolean(options.getOrDefault("--reuse-stores", "false"));
        String tag = options.getOrDefault("--results-tag", "results");
        NationalScaleBench bench = new NationalScaleBench(
                work,
                jar,
                Integer.parseInt(options.getOrDefault("--clients", "16")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("--page-seconds", "6"))),
                appOptions,
                reuse);
        // Where the work directory, report and jar live says nothing about the run: the report names the rest.
        List<String> shown = new ArrayList<>();
        options.forEach((option, value) -> {
            if (!List.of("--work", "--results", "--app-jar", "--report-only").contains(option)) {
                shown.add(option + " " + value);
            }
        });
        if (Boolean.parseBoolean(options.getOrDefault("--report-only", "false"))) {
            ResultStore.writeMarkdown(work.resolve(tag), results, String.join(" ", shown));
            return;
        }
        for (ScaleSpec scale : scales) {
            long started = System.nanoTime();
            System.out.println("== " + scale.label());
            bench.run(scale);
            ResultStore.save(work.resolve(tag), scale, bench.tables);
            bench.tables.clear();
            System.out.printf(
                    Locale.ROOT, "== %s done in %.0f s%n", scale.label(), (System.nanoTime() - started) / 1e9);
        }
        ResultStore.writeMarkdown(work.resolve(tag), results, String.join(" ", shown));
        System.out.println("Results written to " + results);
    }

    /**
     * The command line of the application jar as every benchmark starts it: on a free port it takes itself and names
     * in its log, the benchmark's base IRI, a TDB2 store at {@code db} loaded from {@code data} on the first start,
     * warnings only but for the line that names the port. Callers add their own options.
     */
    static List<String> appCommand(Path appJar, Path db, Path data) {
        return new ArrayList<>(List.of(
                "-jar",
                appJar.toString(),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--kb.base-iri=" + PeerQueries.BASE,
                "--kb.store.kind=tdb2",
                "--kb.store.tdb2.location=" + db,
                "--kb.data.dir=" + data,
                "--logging.level.root=WARN",
                "--logging.level." + ChildPort.APPLICATION_LOGGER + "=INFO"));
    }

    static Path findAppJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("kakaritsuke-kb-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No application jar under target/: run 'mvn -q package -DskipTests' first"));
        }
    }

    private ResultTable table(String key, String peer) {
        return tables.computeIfAbsent(key, k -> new ResultTable(TITLES.get(k), peer));
    }

    private void run(ScaleSpec scale) throws IOException {
        Path dir = work.resolve(scale.dirName());
        Path data = prepareData(scale, dir);
        Path oursDb = dir.resolve("tdb2-ours");
        Path peerDb = dir.resolve("fuseki").resolve("tdb2");
        if (!reuseStores || !Files.isDirectory(peerDb)) {
            long quads = load(scale, data, oursDb, peerDb);
            export(scale, dir, oursDb, peerDb, quads);
        }
        servers(scale, dir, data, oursDb, peerDb);
    }

    /** Seed, areas and the scale's synthetic worksheets in a data directory of their own; generated once. */
    private Path prepareData(ScaleSpec scale, Path dir) throws IOException {
        Path data = dir.resolve("data");
        Path demo = data.resolve("demo").resolve("synthetic.trig");
        Path timing = dir.resolve("generation-seconds.txt");
        for (String part : List.of("seed", "areas")) {
            copyTrig(Path.of("data", part), data.resolve(part));
        }
        if (!Files.exists(timing)) {
            DatasetGraph input = DemoWorksheetGenerator.loadInput(Path.of("data"), PeerQueries.BASE);
            long started = System.nanoTime();
            int worksheets = new DemoWorksheetGenerator(input, PeerQueries.BASE, DemoWorksheetGenerator.DEFAULT_SEED)
                    .write(scale.scale(), scale.years(), demo, System.err);
            double seconds = (System.nanoTime() - started) / 1e9;
            Files.writeString(timing, worksheets + " " + seconds);
        }
        String[] generated = Files.readString(timing).strip().split(" ");
        ResultTable table = table("generate", "–");
        table.add(
                scale.label(),
                "synthetic worksheets",
                Double.parseDouble(generated[0]),
                Double.NaN,
                "count",
                Better.HIGHER);
        table.add(scale.label(), "generation time", Double.parseDouble(generated[1]), Double.NaN, "s", Better.LOWER);
        table.add(scale.label(), "TriG file size", Files.size(demo) / 1048576.0, Double.NaN, "MiB", Better.LOWER);
        return data;
    }

    /**
     * Every 構想区域 × one fiscal year × the five functions of synthetic worksheets into {@code demo}, unless the file
     * is there already (the data of the matrix and evidence benchmarks).
     */
    static void generateZonesOnce(Path demo) throws IOException {
        if (!Files.exists(demo)) {
            DatasetGraph input = DemoWorksheetGenerator.loadInput(Path.of("data"), PeerQueries.BASE);
            int worksheets = new DemoWorksheetGenerator(input, PeerQueries.BASE, DemoWorksheetGenerator.DEFAULT_SEED)
                    .write(DemoWorksheetGenerator.Scale.ZONES, 1, demo, System.err);
            System.out.println("  generated " + worksheets + " synthetic worksheets");
        }
    }

    private static void copyTrig(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".trig")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Loads per side, taken in turns (ours, the peer, ours, …): one load varies by ±15 % on a shared machine, more than
     * the difference measured, so the row shows the median of each side. The databases of the last turn stay.
     */
    static final int LOAD_ROUNDS = 3;

    private long load(ScaleSpec scale, Path data, Path oursDb, Path peerDb) throws IOException {
        Map<String, String> ours = Map.of();
        Map<String, String> peer = Map.of();
        List<Double> oursTimes = new ArrayList<>();
        List<Double> peerTimes = new ArrayList<>();
        double oursFailed = 0;
        double peerFailed = 0;
        for (int round = 1; round <= LOAD_ROUNDS; round++) {
            deleteTree(oursDb);
            deleteTree(oursDb.resolveSibling(oursDb.getFileName() + "-text"));
            deleteTree(peerDb);
            Files.createDirectories(peerDb);
            ours = measure("load-ours", LOADER_HEAP, data.toString(), oursDb.toString(), PeerQueries.BASE);
            peer = measure("load-tdbloader", LOADER_HEAP, data.toString(), peerDb.toString(), PeerQueries.BASE);
            oursFailed += failed(ours);
            peerFailed += failed(peer);
            if (failed(ours) == 0) {
                oursTimes.add(Double.parseDouble(ours.get("seconds")));
            }
            if (failed(peer) == 0) {
                peerTimes.add(Double.parseDouble(peer.get("seconds")));
            }
            System.out.printf(
                    "  load, turn %d: ours %s s, tdbloader %s s%n", round, ours.get("seconds"), peer.get("seconds"));
        }
        double oursQuads = Double.parseDouble(ours.get("quads"));
        double peerQuads = Double.parseDouble(peer.get("quads"));
        ResultTable table = table("load", "tdb2.tdbloader (phased)");
        table.add(
                scale.label(),
                "runs that failed (of " + LOAD_ROUNDS + ")",
                oursFailed,
                peerFailed,
                "count",
                Better.LOWER);
        double oursSeconds = median(oursTimes);
        double peerSeconds = median(peerTimes);
        table.add(scale.label(), "quads loaded", oursQuads, peerQuads, "count", Better.HIGHER);
        table.add(
                scale.label(),
                "load time, median of " + LOAD_ROUNDS + " in turns",
                oursSeconds,
                peerSeconds,
                "s",
                Better.LOWER);
        table.add(scale.label(), "load time, fastest", min(oursTimes), min(peerTimes), "s", Better.LOWER);
        table.add(
                scale.label(),
                "throughput",
                oursQuads / oursSeconds,
                peerQuads / peerSeconds,
                "quads/s",
                Better.HIGHER);
        table.add(
                scale.label(),
                "peak heap after GC",
                Double.parseDouble(ours.get("peakLiveMb")),
                Double.parseDouble(peer.get("peakLiveMb")),
                "MiB",
                Better.LOWER);
        return (long) (Double.isNaN(peerQuads) ? oursQuads : peerQuads);
    }

    private void export(ScaleSpec scale, Path dir, Path oursDb, Path peerDb, long quads) throws IOException {
        Path oursOut = dir.resolve("export-ours.ttl");
        Path peerOut = dir.resolve("export-jena.ttl");
        Map<String, String> ours =
                measure("export-ours", EXPORT_HEAP, oursDb.toString(), PeerQueries.BASE, oursOut.toString());
        Map<String, String> peer = measure("export-jena", EXPORT_HEAP, peerDb.toString(), peerOut.toString());
        Files.deleteIfExists(oursOut);
        Files.deleteIfExists(peerOut);
        ResultTable table = table("export", "Jena StreamRDFWriter (TURTLE_BLOCKS), as riot --stream");
        table.add(scale.label(), "runs that failed (of 1)", failed(ours), failed(peer), "count", Better.LOWER);
        double oursSeconds = Double.parseDouble(ours.get("seconds"));
        double peerSeconds = Double.parseDouble(peer.get("seconds"));
        table.add(
                scale.label(),
                "triples written",
                Double.parseDouble(ours.get("quads")),
                Double.parseDouble(peer.get("quads")),
                "count",
                Better.HIGHER);
        table.add(scale.label(), "export time", oursSeconds, peerSeconds, "s", Better.LOWER);
        table.add(scale.label(), "throughput", quads / oursSeconds, quads / peerSeconds, "triples/s", Better.HIGHER);
        table.add(
                scale.label(),
                "Turtle size",
                Double.parseDouble(ours.get("bytes")) / 1048576.0,
                Double.parseDouble(peer.get("bytes")) / 1048576.0,
                "MiB",
                Better.LOWER);
        table.add(
                scale.label(),
                "peak heap in use",
                Double.parseDouble(ours.get("peakHeapMb")),
                Double.parseDouble(peer.get("peakHeapMb")),
                "MiB",
                Better.LOWER);
        table.add(
                scale.label(),
                "peak heap after GC",
                Double.parseDouble(ours.get("peakLiveMb")),
                Double.parseDouble(peer.get("peakLiveMb")),
                "MiB",
                Better.LOWER);
    }

    /**
     * Runs one {@link MeasureInChild} operation in a JVM of its own and returns its RESULT fields; when it fails (out
     * of memory, say), every figure is NaN and {@code failed=1}, so that the failure is a row of the report and the
     * run goes on.
     */
    private Map<String, String> measure(String operation, String heap, String... args) {
        try {
            return measureOrFail(operation, heap, args);
        } catch (RuntimeException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            String cause = e.getMessage() == null
                    ? ""
                    : e.getMessage()
                            .lines()
                            .filter(l -> l.contains("Exception") || l.contains("Error"))
                            .findFirst()
                            .orElse("");
            System.out.println("  " + operation + " FAILED: " + first + " " + cause);
            Map<String, String> failed = new LinkedHashMap<>();
            for (String field : List.of("seconds", "quads", "bytes", "peakHeapMb", "peakLiveMb")) {
                failed.put(field, "NaN");
            }
            failed.put("failed", "1");
            return failed;
        }
    }

    private static double failed(Map<String, String> fields) {
        return Double.parseDouble(fields.getOrDefault("failed", "0"));
    }

    private Map<String, String> measureOrFail(String operation, String heap, String... args) {
        String classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> program = new ArrayList<>(List.of("-cp", classpath, MeasureInChild.class.getName(), operation));
        program.addAll(List.of(args));
        Path log = work.resolve("logs").resolve(operation + ".log");
        try (ChildJvm child = ChildJvm.start(operation, List.of(heap, "-XX:+UseG1GC"), program, work, Map.of(), log)) {
            child.awaitSuccess(Duration.ofMinutes(30));
            String line = child.output()
                    .lines()
                    .filter(l -> l.startsWith("RESULT "))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException(operation + " printed no RESULT line"));
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : line.substring("RESULT ".length()).split(" ")) {
                String[] kv = pair.split("=", 2);
                fields.put(kv[0], kv[1]);
            }
            fields.put("failed", "0");
            System.out.println("  " + operation + ": " + fields);
            return fields;
        }
    }

    private void servers(ScaleSpec scale, Path dir, Path data, Path oursDb, Path peerDb) throws IOException {
        Path fusekiDir = peerDb.getParent();
        Path config = fusekiDir.resolve("config.ttl");
        Files.writeString(config, FusekiServerProcess.configuration(peerDb), StandardCharsets.UTF_8);
        Files.createDirectories(fusekiDir.resolve("base"));
        ResultTable start = table("start", "Fuseki server jar");
        List<String> appCommand = appCommand(appJar, oursDb, data);
        // The development accounts: the cold-after-a-write figures write as the README's administrator.
        appCommand.add("--spring.profiles.active=dev");
        appCommand.addAll(appOptions);
        List<String> fusekiCommand = FusekiServerProcess.command(config, 0);
        Map<String, String> fusekiEnv =
                Map.of("FUSEKI_BASE", fusekiDir.resolve("base").toString());
        ResultTable machine = table("machine", "–");
        machine.add(
                scale.label(),
                "load average (1 min) before the servers",
                PageTypes.loadAverage(),
                Double.NaN,
                "processes",
                Better.LOWER);
        restarts(scale, dir, appCommand, fusekiDir, fusekiCommand, fusekiEnv);
        classDataRestarts(scale, dir, appCommand);
        try (ChildJvm ours = ChildJvm.start(
                "application",
                List.of(SERVER_HEAP),
                appCommand,
                dir,
                Map.of(),
                work.resolve("logs").resolve("application.log"))) {
            String app = appUrl(ours, Duration.ofMinutes(10));
            Duration oursStart = ours.awaitFirst200(URI.create(app + "/"), Duration.ofMinutes(10));
            long oursRss = ours.residentKb();
            pageTypes(scale, app);
            try (ChildJvm peer = ChildJvm.start(
                    "fuseki",
                    List.of(SERVER_HEAP),
                    fusekiCommand,
                    fusekiDir,
                    fusekiEnv,
                    work.resolve("logs").resolve("fuseki.log"))) {
                String fuseki = fusekiUrl(peer, Duration.ofMinutes(5));
                Duration peerStart =
                        peer.awaitFirst200(URI.create(fuseki + "/sparql?query=ASK%7B%7D"), Duration.ofMinutes(5));
                long peerRss = peer.residentKb();
                start.add(
                        scale.label(),
                        "cold start to first 200",
                        oursStart.toMillis() / 1000.0,
                        peerStart.toMillis() / 1000.0,
                        "s",
                        Better.LOWER);
                start.add(
                        scale.label(),
                        "resident memory after start",
                        oursRss / 1024.0,
                        peerRss / 1024.0,
                        "MiB",
                        Better.LOWER);
                latency(scale, app, fuseki);
                pages(scale, app, fuseki);
                start.add(
                        scale.label(),
                        "peak resident memory (after all runs)",
                        ours.peakResidentKb() / 1024.0,
                        peer.peakResidentKb() / 1024.0,
                        "MiB",
                        Better.LOWER);
            }
        }
        machine.add(
                scale.label(),
                "load average (1 min) after the servers",
                PageTypes.loadAverage(),
                Double.NaN,
                "processes",
                Better.LOWER);
    }

    /**
     * The same restarts from the jar extracted ({@code -Djarmode=tools extract}, as Spring Boot advises deploying
     * it), then with the JDK's class-data sharing on that extracted jar: an archive of the classes a start and a first
     * page load written when a training run stops ({@code
     * -XX:ArchiveClassesAtExit}; started, asked for {@code /}, stopped as an operator stops it, so that the store is
     * closed cleanly — Spring Boot's {@code -Dspring.context.exit=onRefresh} leaves the context unclosed, and the next
     * start then checks the whole store), then every start mapping that archive ({@code -XX:SharedArchiveFile}). No
     * peer figure: Fuseki starts from its jar as in {@link #restarts}. A step that fails is reported and the run goes
     * on.
     */
    private void classDataRestarts(ScaleSpec scale, Path dir, List<String> appCommand) {
        ResultTable start = table("start", "Fuseki server jar");
        Path classData = work.resolve("class-data");
        Path extracted = classData.resolve("app");
        Path archive = classData.resolve("application.jsa");
        List<String> command = new ArrayList<>(appCommand);
        command.set(
                command.indexOf(appJar.toString()),
                extracted.resolve(appJar.getFileName()).toString());
        try {
            deleteTree(classData);
            Files.createDirectories(classData);
            try (ChildJvm extract = ChildJvm.start(
                    "jar extraction",
                    List.of("-Djarmode=tools"),
                    List.of("-jar", appJar.toString(), "extract", "--destination", extracted.toString()),
                    classData,
                    Map.of(),
                    work.resolve("logs").resolve("class-data-extract.log"))) {
                extract.awaitSuccess(Duration.ofMinutes(5));
            }
            // The extracted jar on its own, as Spring Boot advises deploying it: its classes are read from plain jars
            // instead of jars nested in one.
            Starts extractedStarts =
                    oursStarts("extracted jar", List.of(SERVER_HEAP), command, dir, "application-extracted-start-");
            startRows(
                    start,
                    scale.label(),
                    ", extracted jar (Fuseki: none)",
                    extractedStarts.failed(),
                    Double.NaN,
                    extractedStarts.seconds(),
                    List.of(),
                    extractedStarts.rss(),
                    List.of());
            try (ChildJvm training = ChildJvm.start(
                    "class-data training run",
                    List.of(SERVER_HEAP, "-XX:ArchiveClassesAtExit=" + archive),
                    command,
                    dir,
                    Map.of(),
                    work.resolve("logs").resolve("class-data-training.log"))) {
                training.awaitFirst200(
                        URI.create(appUrl(training, Duration.ofMinutes(5)) + "/"), Duration.ofMinutes(5));
            }
            if (!Files.exists(archive)) {
                throw new IllegalStateException("the training run wrote no archive; see class-data-training.log");
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  class-data archive failed: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            start.add(scale.label(), "class-data archive written", 0, Double.NaN, "count", Better.HIGHER);
            return;
        }
        Starts archived = oursStarts(
                "class-data archive",
                List.of(SERVER_HEAP, "-XX:SharedArchiveFile=" + archive),
                command,
                dir,
                "application-class-data-start-");
        startRows(
                start,
                scale.label(),
                ", class-data archive (Fuseki: none)",
                archived.failed(),
                Double.NaN,
                archived.seconds(),
                List.of(),
                archived.rss(),
                List.of());
    }

    /** The figures of {@value #RESTARTS} starts in a row of one way of starting the application. */
    private record Starts(List<Double> seconds, List<Double> rss, int failed) {}

    /**
     * Starts the application {@value #RESTARTS} times in a row with {@code flags} and {@code command}, each until its
     * first 200 of {@code /}, and stops it as an operator does. A failed start is counted and the run goes on.
     */
    private Starts oursStarts(String what, List<String> flags, List<String> command, Path dir, String logPrefix) {
        List<Double> seconds = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        int failed = 0;
        for (int i = 1; i <= RESTARTS; i++) {
            try (ChildJvm ours = ChildJvm.start(
                    "application (" + what + ")",
                    flags,
                    command,
                    dir,
                    Map.of(),
                    work.resolve("logs").resolve(logPrefix + i + ".log"))) {
                String app = appUrl(ours, Duration.ofMinutes(5));
                seconds.add(ours.awaitFirst200(URI.create(app + "/"), Duration.ofMinutes(5))
                                .toMillis()
                        / 1000.0);
                rss.add(ours.residentKb() / 1024.0);
            } catch (RuntimeException e) {
                failed++;
                System.out.println("  application start " + i + " (" + what + ") failed: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        return new Starts(List.copyOf(seconds), List.copyOf(rss), failed);
    }

    /** The address of an application started on port 0, once it names the port it took. */
    private static String appUrl(ChildJvm app, Duration timeout) {
        return "http://localhost:" + app.awaitPort(ChildPort.APPLICATION, timeout);
    }

    /** The dataset URL of a Fuseki server started on port 0, once it names the port it took. */
    private static String fusekiUrl(ChildJvm fuseki, Duration timeout) {
        return "http://localhost:" + fuseki.awaitPort(ChildPort.FUSEKI, timeout) + "/" + FusekiServerProcess.DATASET;
    }

    /** Starts and stops each server {@value #RESTARTS} times in a row with the default settings. */
    private void restarts(
            ScaleSpec scale,
            Path dir,
            List<String> appCommand,
            Path fusekiDir,
            List<String> fusekiCommand,
            Map<String, String> fusekiEnv) {
        ResultTable start = table("start", "Fuseki server jar");
        List<Double> oursSeconds = new ArrayList<>();
        List<Double> peerSeconds = new ArrayList<>();
        List<Double> oursRss = new ArrayList<>();
        List<Double> peerRss = new ArrayList<>();
        int oursFailed = 0;
        int peerFailed = 0;
        for (int i = 1; i <= RESTARTS; i++) {
            try (ChildJvm ours = ChildJvm.start(
                    "application",
                    List.of(SERVER_HEAP),
                    appCommand,
                    dir,
                    Map.of(),
                    work.resolve("logs").resolve("application-start-" + i + ".log"))) {
                String app = appUrl(ours, Duration.ofMinutes(5));
                oursSeconds.add(ours.awaitFirst200(URI.create(app + "/"), Duration.ofMinutes(5))
                                .toMillis()
                        / 1000.0);
                oursRss.add(ours.residentKb() / 1024.0);
            } catch (RuntimeException e) {
                oursFailed++;
                System.out.println("  application start " + i + " failed: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            try (ChildJvm peer = ChildJvm.start(
                    "fuseki",
                    List.of(SERVER_HEAP),
                    fusekiCommand,
                    fusekiDir,
                    fusekiEnv,
                    work.resolve("logs").resolve("fuseki-start-" + i + ".log"))) {
                String fuseki = fusekiUrl(peer, Duration.ofMinutes(5));
                peerSeconds.add(
                        peer.awaitFirst200(URI.create(fuseki + "/sparql?query=ASK%7B%7D"), Duration.ofMinutes(5))
                                        .toMillis()
                                / 1000.0);
                peerRss.add(peer.residentKb() / 1024.0);
            } catch (RuntimeException e) {
                peerFailed++;
                System.out.println("  Fuseki start " + i + " failed: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        startRows(start, scale.label(), "", oursFailed, peerFailed, oursSeconds, peerSeconds, oursRss, peerRss);
    }

    /**
     * The rows of {@value #RESTARTS} starts in a row, each name followed by {@code which}; the peer's lists are empty
     * and its failures NaN where there is no peer figure.
     */
    private static void startRows(
            ResultTable start,
            String label,
            String which,
            double oursFailed,
            double peerFailed,
            List<Double> oursSeconds,
            List<Double> peerSeconds,
            List<Double> oursRss,
            List<Double> peerRss) {
        start.add(
                label,
                "failed starts of " + RESTARTS + " in a row" + which,
                oursFailed,
                peerFailed,
                "count",
                Better.LOWER);
        start.add(
                label,
                "cold start to first 200, median of " + RESTARTS + which,
                median(oursSeconds),
                median(peerSeconds),
                "s",
                Better.LOWER);
        start.add(
                label,
                "cold start to first 200, slowest of " + RESTARTS + which,
                max(oursSeconds),
                max(peerSeconds),
                "s",
                Better.LOWER);
        start.add(
                label,
                "resident memory after start, median of " + RESTARTS + which,
                median(oursRss),
                median(peerRss),
                "MiB",
                Better.LOWER);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /**
     * Every page type of {@link PageTypes}, on a server that has just answered its first request: cold (first
     * request after start, then the first after a write), warm single-user p50/p95, under {@link #clients}
     * concurrent readers, and HTML size. No peer: these are the figures a reader feels.
     */
    private void pageTypes(ScaleSpec scale, String app) {
        pageTypes(scale.label(), app, clients, pageDuration, table("page-types", "–"));
    }

    /** The page-type figures of a server at {@code app} into {@code table}; returns the number of non-200 answers. */
    static int pageTypes(String label, String app, int clients, Duration duration, ResultTable table) {
        int failures = 0;
        Map<String, PageTypes.Answer> coldAfterStart = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : PageTypes.PAGES.entrySet()) {
            coldAfterStart.put(page.getKey(), PageTypes.fetch(app + page.getValue()));
        }
        Map<String, PageTypes.Answer> coldAfterWrite = new LinkedHashMap<>();
        int writes = 0;
        for (Map.Entry<String, String> page : PageTypes.PAGES.entrySet()) {
            PageTypes.write(app, ++writes);
            coldAfterWrite.put(page.getKey(), PageTypes.fetch(app + page.getValue()));
        }
        for (Map.Entry<String, String> page : PageTypes.PAGES.entrySet()) {
            String name = page.getKey() + " " + page.getValue();
            String url = app + page.getValue();
            PageTypes.Answer first = coldAfterStart.get(page.getKey());
            PageTypes.Answer afterWrite = coldAfterWrite.get(page.getKey());
            HttpLoad.Samples warm = PageTypes.warm(url, duration.dividedBy(2));
            HttpLoad.Throughput load = HttpLoad.closedLoop(
                    HttpLoad.get(url, "text/html"),
                    clients,
                    duration.compareTo(Duration.ofSeconds(1)) < 0 ? duration : Duration.ofSeconds(1),
                    duration,
                    20_000);
            int pageFailures = (first.status() == 200 ? 0 : 1)
                    + (afterWrite.status() == 200 ? 0 : 1)
                    + warm.failures()
                    + load.latency().failures();
            failures += pageFailures;
            System.out.printf(
                    Locale.ROOT,
                    "  %s: %.0f KB, cold %.0f ms (%d), after a write %.0f ms (%d), warm p95 "
                            + "%.0f ms, %d clients p99 %.0f ms, %d failures%n",
                    name,
                    first.bytes() / 1024.0,
                    first.millis(),
                    first.status(),
                    afterWrite.millis(),
                    afterWrite.status(),
                    warm.percentile(95),
                    clients,
                    load.latency().percentile(99),
                    pageFailures);
            table.add(label, name + " HTML size", first.bytes() / 1024.0, Double.NaN, "KB", Better.LOWER);
            table.add(label, name + " first request after start", first.millis(), Double.NaN, "ms", Better.LOWER);
            table.add(
                    label, name + " first request after a write", afterWrite.millis(), Double.NaN, "ms", Better.LOWER);
            table.add(label, name + " warm p50", warm.percentile(50), Double.NaN, "ms", Better.LOWER);
            table.add(label, name + " warm p95", warm.percentile(95), Double.NaN, "ms", Better.LOWER);
            table.add(
                    label,
                    name + " " + clients + " clients p50",
                    load.latency().percentile(50),
                    Double.NaN,
                    "ms",
                    Better.LOWER);
            table.add(
                    label,
                    name + " " + clients + " clients p99",
                    load.latency().percentile(99),
                    Double.NaN,
                    "ms",
                    Better.LOWER);
            table.add(
                    label,
                    name + " " + clients + " clients throughput",
                    load.perSecond(),
                    Double.NaN,
                    "pages/s",
                    Better.HIGHER);
            table.add(label, name + " failed requests", pageFailures, Double.NaN, "count", Better.LOWER);
        }
        return failures;
    }

    private void latency(ScaleSpec scale, String app, String fuseki) {
        ResultTable detail = table("latency-detail", "Fuseki");
        List<Double> ratios50 = new ArrayList<>();
        List<Double> ratios95 = new ArrayList<>();
        String worst = null;
        double worstRatio = 0;
        for (Map.Entry<String, String> named : queries.all().entrySet()) {
            String accept =
                    queries.isGraph(named.getKey()) ? "application/n-triples" : "application/sparql-results+json";
            HttpLoad.Unit ours = HttpLoad.query(app + "/sparql", named.getValue(), accept);
            HttpLoad.Unit peer = HttpLoad.query(fuseki + "/sparql", named.getValue(), accept);
            List<HttpLoad.Samples> samples;
            try {
                samples = HttpLoad.interleaved(ours, peer, 1, 3, 15, Duration.ofMillis(1500));
            } catch (RuntimeException e) {
                // One side failed (or both): each is measured alone, so that the side that answers keeps its
                // figures and the row says how the other failed. Such a query counts in no ratio.
                System.out.println("  " + named.getKey() + " failed: " + e.getMessage());
                aloneOrFailed(scale.label(), detail, named.getKey(), ours, peer);
                continue;
            }
            double p50 = samples.get(0).percentile(50);
            double p50Peer = samples.get(1).percentile(50);
            double p95 = samples.get(0).percentile(95);
            double p95Peer = samples.get(1).percentile(95);
            detail.add(scale.label(), named.getKey() + " p50", p50, p50Peer, "ms", Better.LOWER);
            detail.add(scale.label(), named.getKey() + " p95", p95, p95Peer, "ms", Better.LOWER);
            ratios50.add(p50 / p50Peer);
            ratios95.add(p95 / p95Peer);
            if (p50 / p50Peer > worstRatio) {
                worstRatio = p50 / p50Peer;
                worst = named.getKey();
            }
        }
        ResultTable summary = table("latency", "Fuseki");
        summary.add(
                scale.label(),
                "geometric mean of p50 ratios over " + ratios50.size() + " queries",
                geometricMean(ratios50),
                1.0,
                "ratio",
                Better.LOWER);
        summary.add(scale.label(), "geometric mean of p95 ratios", geometricMean(ratios95), 1.0, "ratio", Better.LOWER);
        summary.add(scale.label(), "largest p50 ratio (" + worst + ")", worstRatio, 1.0, "ratio", Better.LOWER);
    }

    /**
     * The rows of a named query that one side or both failed: each side's p50 and p95 measured alone where it answers
     * (NaN where it does not), the failures named in the row ({@code ours: HTTP 413 Content Too Large}).
     */
    private static void aloneOrFailed(
            String label, ResultTable detail, String name, HttpLoad.Unit ours, HttpLoad.Unit peer) {
        HttpLoad.Samples oursAlone = null;
        HttpLoad.Samples peerAlone = null;
        List<String> failures = new ArrayList<>();
        try {
            oursAlone = HttpLoad.alone(ours, 1, 3, 15, Duration.ofMillis(1500));
        } catch (RuntimeException e) {
            failures.add("ours: " + HttpLoad.shortFailure(e));
        }
        try {
            peerAlone = HttpLoad.alone(peer, 1, 3, 15, Duration.ofMillis(1500));
        } catch (RuntimeException e) {
            failures.add("Fuseki: " + HttpLoad.shortFailure(e));
        }
        String failed = failures.isEmpty()
                ? "failed only when measured in turns: see log"
                : "failed, " + String.join("; ", failures);
        for (int percentile : new int[] {50, 95}) {
            detail.add(
                    label,
                    name + " p" + percentile + " (" + failed + ")",
                    oursAlone == null ? Double.NaN : oursAlone.percentile(percentile),
                    peerAlone == null ? Double.NaN : peerAlone.percentile(percentile),
                    "ms",
                    Better.LOWER);
        }
    }

    private static double geometricMean(List<Double> values) {
        return Math.exp(values.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }

    private void pages(ScaleSpec scale, String app, String fuseki) {
        String sparql = fuseki + "/sparql";
        String json = "application/sparql-results+json";
        String triples = "application/n-triples";
        List<HttpLoad.Unit> worksheetNeeds = new ArrayList<>();
        PeerQueries.worksheetPageGraphs()
                .forEach(g -> worksheetNeeds.add(HttpLoad.graph(fuseki + "/data", g, triples)));
        worksheetNeeds.add(HttpLoad.query(sparql, queries.text("worksheet-context", Map.of()), triples));
        Map<String, List<HttpLoad.Unit>> needs = new LinkedHashMap<>();
        needs.put("/doc/worksheet/" + PeerQueries.WORKSHEET_SLUG, worksheetNeeds);
        needs.put(
                "/causes?function=" + PeerQueries.FUNCTION_ID,
                List.of(
                        HttpLoad.query(sparql, queries.text("functions-to-compare", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("fiscal-years", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("prefectures", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("comparison-types", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("cause-type-rows", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("measure-type-columns", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("cause-type-matrix", Map.of()), json)));
        needs.put(
                "/def/resource/" + PeerQueries.RESOURCE_ID,
                List.of(
                        HttpLoad.query(sparql, queries.text("resource-concept", Map.of()), triples),
                        HttpLoad.query(sparql, queries.text("resource-use", Map.of()), json),
                        HttpLoad.query(sparql, queries.text("functions-to-compare", Map.of()), json)));
        ResultTable table = table("pages", "the page's SPARQL on Fuseki");
        for (Map.Entry<String, List<HttpLoad.Unit>> page : needs.entrySet()) {
            HttpLoad.Unit ours = HttpLoad.get(app + page.getKey(), "text/html");
            HttpLoad.Unit peer = HttpLoad.sequence(page.getValue());
            double oursSingle;
            try {
                oursSingle = HttpLoad.timeMillis(ours);
            } catch (IllegalStateException e) {
                // A failed page is a result: it shows as NaN here and as failures under load; the run goes on.
                System.out.println("  " + page.getKey() + " first request failed: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                oursSingle = Double.NaN;
            }
            HttpLoad.Throughput oursLoad =
                    HttpLoad.closedLoop(ours, clients, Duration.ofSeconds(1), pageDuration, 20_000);
            HttpLoad.Throughput peerLoad =
                    HttpLoad.closedLoop(peer, clients, Duration.ofSeconds(1), pageDuration, 20_000);
            String label = page.getKey();
            System.out.printf(
                    Locale.ROOT,
                    "  %s first request %.0f ms; failures ours %d, peer %d%n",
                    label,
                    oursSingle,
                    oursLoad.latency().failures(),
                    peerLoad.latency().failures());
            table.add(
                    scale.label(),
                    label + " throughput (" + clients + " clients)",
                    oursLoad.perSecond(),
                    peerLoad.perSecond(),
                    "pages/s",
                    Better.HIGHER);
            table.add(
                    scale.label(),
                    label + " p50",
                    oursLoad.latency().percentile(50),
                    peerLoad.latency().percentile(50),
                    "ms",
                    Better.LOWER);
            table.add(
                    scale.label(),
                    label + " p99",
                    oursLoad.latency().percentile(99),
                    peerLoad.latency().percentile(99),
                    "ms",
                    Better.LOWER);
            if (oursLoad.latency().failures() + peerLoad.latency().failures() > 0) {
                table.add(
                        scale.label(),
                        label + " failed requests",
                        oursLoad.latency().failures(),
                        peerLoad.latency().failures(),
                        "count",
                        Better.LOWER);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
