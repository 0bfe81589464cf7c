package jp.kakaritsuke.kb.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.command.ProgressBar;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.search.FullTextIndex;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.RemoteKnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.ActorTypes;
import jp.kakaritsuke.kb.vocab.CauseTypes;
import jp.kakaritsuke.kb.vocab.Functions;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.MeasureTypes;
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.vocab.Resources;
import jp.kakaritsuke.kb.vocab.Statuses;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * Generates deterministic synthetic worksheets (kk:synthetic true) for browsing across regions and for load
 * tests: for each target area and function, a worksheet derived from the worked example of that function (see
 * {@link WorksheetSynthesizer}). The same seed and options always give the same data.
 *
 * <p>Scales: {@code demo} (about 30 worksheets over a spread of 構想区域 and two prefectures, FY2026, written to
 * data/demo/demo.trig), {@code prefectures} (47 × each function), {@code zones} (339 × each function),
 * {@code municipalities} (every kk:Municipality × each function); {@code --years N} repeats them over N fiscal
 * years from FY2026. Arguments: {@code --scale S --years N --seed L --out FILE --data DIR}; instead of
 * {@code --out}, {@code --into-store TDB2_DIR|DATASET_URL [--base IRI]} writes the worksheets straight into an
 * embedded TDB2 database or a SPARQL 1.1 store in batches.
 */
public final class DemoWorksheetGenerator {

    /** How many worksheets to generate. */
    public enum Scale {
        DEMO,
        PREFECTURES,
        ZONES,
        MUNICIPALITIES;

        static Scale parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DemoDataException(
                        "Unknown --scale \"" + value + "\": expected demo, prefectures, zones or municipalities");
            }
        }
    }

    public static final int FIRST_FISCAL_YEAR = 2026;
    public static final long DEFAULT_SEED = 20260701L;
    static final String AGENT_PATH = "id/agent/demo-generator";
    static final String AGENT_GRAPH_PATH = "graph/demo/generator";
    /** Base used while generating; it never reaches the files, which are written relative to it. */
    static final String BUILD_BASE = "http://localhost:8080/";
    /** Worksheets per write with {@code --into-store}: big enough to amortise a transaction, small in memory. */
    static final int STORE_BATCH = 200;
    /** How long one batch may take to write into a remote store. */
    private static final Duration STORE_WRITE_TIMEOUT = Duration.ofMinutes(2);

    private final DatasetGraph input;
    private final String base;
    private final long seed;
    private final Map<String, List<ExampleSheet>> examples;

    /**
     * A generator over {@code input}, which holds the example worksheets (data/seed) and the area graphs
     * (data/areas) with IRIs resolved against {@code baseIri}.
     */
    public DemoWorksheetGenerator(DatasetGraph input, String baseIri, long seed) {
        if (!baseIri.endsWith("/")) {
            throw new DemoDataException("The base IRI must end with \"/\": " + baseIri);
        }
        this.input = input;
        this.base = baseIri;
        this.seed = seed;
        this.examples = ExampleSheet.readAll(input);
    }

    public static void main(String[] args) {
        DemoOptions options = DemoOptions.parse(args);
        DemoWorksheetGenerator generator =
                new DemoWorksheetGenerator(loadInput(options.data(), options.base()), options.base(), options.seed());
        PrintStream progress = options.scale() == Scale.DEMO ? null : System.err;
        if (options.intoStore() != null) {
            try (KnowledgeStore store = openStore(options.intoStore(), options.base())) {
                int written = store instanceof TdbKnowledgeStore tdb && tdb.isEmpty()
                        ? generator.bulkLoad(options.scale(), options.years(), tdb, progress)
                        : generator.load(options.scale(), options.years(), store, progress);
                System.err.println("Wrote " + written + " synthetic worksheets into " + store.describe());
            }
            return;
        }
        int written = generator.write(options.scale(), options.years(), options.out(), progress);
        System.err.println("Wrote " + written + " synthetic worksheets to " + options.out());
    }

    /**
     * A TDB2 directory (opened as the application opens it, through its full-text index, which every write keeps in
     * step), or the URL of a SPARQL 1.1 dataset with the services sparql, update and data.
     */
    private static KnowledgeStore openStore(String target, String baseIri) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return new RemoteKnowledgeStore(
                    new StoreProperties.Remote(target, "sparql", "update", "data", null, null, Duration.ofSeconds(10)),
                    STORE_WRITE_TIMEOUT,
                    NamedQueryCatalog.classpath().storeQueries());
        }
        return TdbKnowledgeStore.open(Path.of(target), new FullTextIndex(null, baseIri));
    }

    /** Reads data/seed/*.trig and data/areas/*.trig under {@code dataDir}, resolving IRIs against {@code baseIri}. */
    public static DatasetGraph loadInput(Path dataDir, String baseIri) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        for (String dir : List.of("seed", "areas")) {
            Path folder = dataDir.resolve(dir);
            if (!Files.isDirectory(folder)) {
                throw new DemoDataException("Missing input folder " + folder);
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".trig"))
                        .sorted()
                        .toList()) {
                    RDFParser.source(file).lang(Lang.TRIG).base(baseIri).parse(dataset);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + folder, e);
            }
        }
        return dataset;
    }

    /** The worksheets of a scale over {@code years} fiscal years, in the order they are generated. */
    List<WorksheetSynthesizer.Target> plan(Scale scale, int years) {
        List<DemoPlan.Entry> entries = DemoPlan.entries(scale, input, base, new ArrayList<>(examples.keySet()), seed);
        List<WorksheetSynthesizer.Target> targets = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            int fiscalYear = FIRST_FISCAL_YEAR + y;
            for (DemoPlan.Entry entry : entries) {
                SplittableRandom r = randomFor(slug(fiscalYear, entry.area(), entry.functionIri()) + "/status");
                // Earlier years have been agreed on; the latest is still open in about half of the areas.
                boolean agreed = y < years - 1 || r.nextInt(100) < 50;
                targets.add(new WorksheetSynthesizer.Target(entry.area(), entry.functionIri(), fiscalYear, agreed));
            }
        }
        return targets;
    }

    /** All worksheets of a scale, in one dataset: the generator's own graph and one graph per worksheet. */
    public DatasetGraph generate(Scale scale, int years) {
        DatasetGraph dataset = newDataset();
        addAgent(dataset);
        for (WorksheetSynthesizer.Target target : plan(scale, years)) {
            add(dataset, target);
        }
        return dataset;
    }

    /**
     * Writes the worksheets of a scale to {@code out} as TriG with relative IRIs, streaming one worksheet at a time
     * so that large scales need little memory; reports progress to {@code progress} when it is not null. Returns
     * the number of worksheets.
     */
    public int write(Scale scale, int years, Path out, PrintStream progress) {
        List<WorksheetSynthesizer.Target> targets = plan(scale, years);
        ProgressBar bar = new ProgressBar(progress);
        bar.start("worksheets", targets.size());
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                stream.write(header(scale, years).getBytes(StandardCharsets.UTF_8));
                Context context = RIOT.getContext().copy();
                context.set(RIOT.symTurtleOmitBase, true);
                StreamRDF writer = StreamRDFWriter.getWriterStream(stream, RDFFormat.TRIG_BLOCKS, context);
                writer.start();
                writer.base(base);
                new TreeMap<>(newDataset().prefixes().getMapping()).forEach(writer::prefix);
                DatasetGraph agent = newDataset();
                addAgent(agent);
                streamGraphs(agent, writer);
                for (WorksheetSynthesizer.Target target : targets) {
                    DatasetGraph one = newDataset();
                    add(one, target);
                    streamGraphs(one, writer);
                    bar.step();
                }
                writer.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
        bar.finish();
        return targets.size();
    }

    /**
     * Writes the worksheets of a scale straight into {@code store}, {@value #STORE_BATCH} worksheets per write (one
     * transaction each), so that memory stays bounded by one batch whatever the scale; the generator's own graph
     * goes with the first batch. Reports progress to {@code progress} when it is not null. Returns the number of
     * worksheets.
     */
    public int load(Scale scale, int years, KnowledgeStore store, PrintStream progress) {
        return loadInBatches(scale, years, store, progress);
    }

    /**
     * Writes the worksheets of a scale into an empty embedded store through TDB2's bulk loader, one worksheet at a
     * time into its stream, the full-text index filled in the same pass (memory bounded by one worksheet); all or
     * nothing. Returns the number of worksheets.
     */
    public int bulkLoad(Scale scale, int years, TdbKnowledgeStore store, PrintStream progress) {
        List<WorksheetSynthesizer.Target> targets = plan(scale, years);
        ProgressBar bar = new ProgressBar(progress);
        bar.start("worksheets", targets.size());
        store.bulkLoad(stream -> {
            DatasetGraph agent = newDataset();
            addAgent(agent);
            agent.find().forEachRemaining(stream::quad);
            for (WorksheetSynthesizer.Target target : targets) {
                DatasetGraph one = newDataset();
                add(one, target);
                one.find().forEachRemaining(stream::quad);
                bar.step();
            }
        });
        bar.finish();
        return targets.size();
    }

    private int loadInBatches(Scale scale, int years, KnowledgeStore store, PrintStream progress) {
        List<WorksheetSynthesizer.Target> targets = plan(scale, years);
        ProgressBar bar = new ProgressBar(progress);
        bar.start("worksheets", targets.size());
        DatasetGraph batch = newDataset();
        addAgent(batch);
        int inBatch = 0;
        for (WorksheetSynthesizer.Target target : targets) {
            add(batch, target);
            bar.step();
            if (++inBatch == STORE_BATCH) {
                store.replaceGraphs(batch);
                batch = newDataset();
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            store.replaceGraphs(batch);
        }
        bar.finish();
        return targets.size();
    }

    /** Sends the named graphs of {@code dataset} to {@code writer}, sorted so that the file reads in a stable order. */
    private static void streamGraphs(DatasetGraph dataset, StreamRDF writer) {
        List<Quad> quads = new ArrayList<>();
        dataset.find().forEachRemaining(quads::add);
        quads.sort(Comparator.comparing((Quad q) -> q.getGraph().getURI())
                .thenComparing(q -> q.getSubject().getURI())
                .thenComparing(q -> !q.getPredicate().equals(RDF.type.asNode()))
                .thenComparing(q -> q.getPredicate().getURI())
                .thenComparing(q -> q.getObject().toString()));
        quads.forEach(writer::quad);
    }

    private void add(DatasetGraph dataset, WorksheetSynthesizer.Target target) {
        String slug = slug(target.fiscalYear(), target.area(), target.functionIri());
        SplittableRandom r = randomFor(slug);
        List<ExampleSheet> own = examples.get(target.functionIri());
        ExampleSheet example = own.get(r.nextInt(own.size()));
        Resource agent = ModelFactory.createDefaultModel().createResource(resolve(AGENT_PATH));
        Model graph = WorksheetSynthesizer.synthesize(resolve("id/worksheet/" + slug), target, example, agent, r);
        dataset.addGraph(NodeFactory.createURI(resolve("graph/worksheet/" + slug)), graph.getGraph());
    }

    private void addAgent(DatasetGraph dataset) {
        Model model = ModelFactory.createDefaultModel();
        Resource agent = model.createResource(resolve(AGENT_PATH));
        agent.addProperty(RDF.type, PROV.SoftwareAgent);
        agent.addProperty(RDFS.label, "デモ用合成データ生成器", "ja");
        agent.addProperty(RDFS.label, "demo data generator", "en");
        agent.addProperty(
                RDFS.comment,
                "本データベースのデモと性能測定のために、厚生労働省の協議イメージ（例）から合成の" + "協議シートを生成するプログラム。生成したシートは実在の協議を記録しない。",
                "ja");
        agent.addProperty(
                RDFS.comment,
                "The program that generates synthetic worksheets from MHLW's worked "
                        + "consultation examples to demonstrate and benchmark this knowledge base; the worksheets it "
                        + "generates record no real consultation.",
                "en");
        dataset.addGraph(NodeFactory.createURI(resolve(AGENT_GRAPH_PATH)), model.getGraph());
    }

    private String header(Scale scale, int years) {
        return """
                # Synthetic (generated) consultation worksheets, for demonstration and load tests: NOT real
                # consultations. Every worksheet carries kk:synthetic true and a title starting 【合成】 / [synthetic].
                # Generated by jp.kakaritsuke.kb.demo.DemoWorksheetGenerator --scale %s --years %d --seed %d;
                # do not edit by hand.
                # The wording (kk:text) is copied from the worked examples of MHLW's guideline on family-doctor
                # functions (別添６, 2025; government standard terms of use, compatible with CC BY 4.0; attribute
                # MHLW), the translations from this project's seed data, except for causes and measures reworded
                # from the generator's own phrasings (with the cause or measure type that wording has); areas are
                # those of data/areas. Indicators, reviews, dates and role assignments are invented.
                # IRIs are relative: resolve them against the knowledge base's base IRI.

                """.formatted(scale.name().toLowerCase(Locale.ROOT), years, seed);
    }

    private DatasetGraph newDataset() {
        DatasetGraph dataset = DatasetGraphFactory.create();
        dataset.prefixes()
                .putAll(Map.ofEntries(
                        Map.entry("kk", KK.NS),
                        Map.entry("kkfn", Functions.NS),
                        Map.entry("kkres", Resources.NS),
                        Map.entry("kkact", ActorTypes.NS),
                        Map.entry("kkst", Statuses.NS),
                        Map.entry(CauseTypes.PREFIX, CauseTypes.NS),
                        Map.entry(MeasureTypes.PREFIX, MeasureTypes.NS),
                        Map.entry("rdfs", RDFS.getURI()),
                        Map.entry("xsd", XSD.getURI()),
                        Map.entry("dct", DCTerms.getURI()),
                        Map.entry("prov", PROV.NS)));
        return dataset;
    }

    private static String slug(int fiscalYear, TargetArea area, String functionIri) {
        return "demo-" + fiscalYear + "-" + area.key() + "-" + functionIri.substring(Functions.NS.length());
    }

    /** A random source of its own for each worksheet, so that one worksheet does not depend on the others. */
    private SplittableRandom randomFor(String key) {
        long h = seed;
        for (int i = 0; i < key.length(); i++) {
            h = h * 1_000_003L + key.charAt(i);
        }
        return new SplittableRandom(h);
    }

    private String resolve(String path) {
        return base + path;
    }
}
