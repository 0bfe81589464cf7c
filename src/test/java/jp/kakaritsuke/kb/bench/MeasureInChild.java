package jp.kakaritsuke.kb.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.export.DatasetExporter;
import jp.kakaritsuke.kb.export.ExportSelection;
import jp.kakaritsuke.kb.search.FullTextIndex;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One measured operation, run by {@link NationalScaleBench} in a JVM of its own (fixed {@code -Xmx}, nothing else
 * in the heap), printing one line {@code RESULT seconds=… quads=… bytes=… peakHeapMb=… peakLiveMb=…}:
 *
 * <ul>
 * <li>{@code load-ours DATA_DIR TDB2_DIR BASE} — the application's {@link DataLoader} (ontology from the classpath,
 * every TriG file under the data directory) into an empty TDB2 database opened as the application opens it, through
 * its full-text index ({@code TDB2_DIR-text});</li>
 * <li>{@code load-tdbloader DATA_DIR TDB2_DIR BASE} — the same files through TDB2's bulk loader, the phased loader
 * that {@code tdb2.tdbloader} uses by default (the command has no option for a base IRI, so the files are fed to
 * the loader's stream with the base here);</li>
 * <li>{@code export-ours TDB2_DIR BASE OUT} — the full Turtle export of the application ({@link DatasetExporter},
 * the code behind {@code /export/all.ttl} and the {@code export} command);</li>
 * <li>{@code export-jena TDB2_DIR OUT} — Jena's streaming Turtle writer over every quad of the dataset, as
 * {@code riot --stream --output=turtle} writes a quad stream.</li>
 * </ul>
 */
public final class MeasureInChild {

    private static final Set<String> NON_RDF_DIRS = Set.of("regions", "source");

    private MeasureInChild() {}

    public static void main(String[] args) throws IOException {
        long quads;
        long bytes = 0;
        long started;
        long finished;
        try (HeapProbe heap = HeapProbe.start()) {
            switch (args[0]) {
                case "load-ours" -> {
                    Path data = Path.of(args[1]);
                    // As the application opens its store: through the full-text index, which the load fills too.
                    try (TdbKnowledgeStore store =
                            TdbKnowledgeStore.open(Path.of(args[2]), new FullTextIndex(null, args[3]))) {
                        started = System.nanoTime();
                        new DataLoader(args[3], data, true).load(store);
                        finished = System.nanoTime();
                        AtomicLong count = new AtomicLong();
                        store.forEachQuad(q -> count.incrementAndGet());
                        quads = count.get();
                    }
                }
                case "load-tdbloader" -> {
                    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(Path.of(args[2])));
                    started = System.nanoTime();
                    tdbLoad(dsg, Path.of(args[1]), args[3]);
                    finished = System.nanoTime();
                    quads = Txn.calculateRead(dsg, () -> countQuads(dsg));
                    TDBInternal.expel(dsg);
                }
                case "export-ours" -> {
                    Path out = Path.of(args[3]);
                    // As the application opens its store (with its text index), so that the store's close record
                    // still holds for the starts measured after the export.
                    try (TdbKnowledgeStore store =
                                    TdbKnowledgeStore.open(Path.of(args[1]), new FullTextIndex(null, args[2]));
                            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                        started = System.nanoTime();
                        new DatasetExporter(store, args[2], Duration.ofMinutes(30))
                                .write(ExportSelection.ALL, RdfSyntax.TURTLE, stream);
                        stream.flush();
                        finished = System.nanoTime();
                    }
                    bytes = Files.size(out);
                    quads = countTurtleTriples(out);
                }
                case "export-jena" -> {
                    Path out = Path.of(args[2]);
                    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(Path.of(args[1])));
                    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                        started = System.nanoTime();
                        // As `riot --stream --output=turtle` writes a quad stream: every quad's triple, as the
                        // store hands them out, through the streaming writer (the union graph's own writer holds
                        // every triple it has seen to drop repeats: out of memory at -Xmx256m on 2.6 million).
                        Txn.executeRead(dsg, () -> {
                            StreamRDF writer = StreamRDFWriter.getWriterStream(stream, RDFFormat.TURTLE_BLOCKS);
                            writer.start();
                            dsg.prefixes().forEach(writer::prefix);
                            dsg.find().forEachRemaining(q -> writer.triple(q.asTriple()));
                            writer.finish();
                        });
                        stream.flush();
                        finished = System.nanoTime();
                    }
                    TDBInternal.expel(dsg);
                    bytes = Files.size(out);
                    quads = countTurtleTriples(out);
                }
                default -> throw new IllegalArgumentException("unknown operation " + args[0]);
            }
            heap.close();
            System.out.println(String.format(
                    Locale.ROOT,
                    "RESULT seconds=%.3f quads=%d bytes=%d peakHeapMb=%.1f peakLiveMb=%.1f",
                    (finished - started) / 1e9,
                    quads,
                    bytes,
                    heap.peakUsedMb(),
                    heap.peakAfterGcMb()));
        }
    }

    private static void tdbLoad(DatasetGraph dsg, Path dataDir, String base) throws IOException {
        org.apache.jena.tdb2.loader.DataLoader loader = LoaderFactory.phasedLoader(dsg, (format, args) -> {});
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            StreamRDF ontology = LoaderOps.toNamedGraph(stream, NodeFactory.createURI(KK.ONTOLOGY));
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:ontology/*.ttl");
            for (Resource file : Stream.of(files)
                    .filter(f -> !"shapes.ttl".equals(f.getFilename()))
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList()) {
                try (InputStream in = file.getInputStream()) {
                    RDFParser.source(in).lang(Lang.TURTLE).parse(ontology);
                }
            }
            for (Path file : dataFiles(dataDir)) {
                RDFParser.source(file).lang(Lang.TRIG).base(base).parse(stream);
            }
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }

    /** The TriG files the application's loader reads: everything under the data directory but its non-RDF parts. */
    private static List<Path> dataFiles(Path dataDir) throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".trig"))
                    .filter(p -> !NON_RDF_DIRS.contains(
                            dataDir.relativize(p).getName(0).toString()))
                    .sorted()
                    .toList();
        }
    }

    private static long countQuads(DatasetGraph dsg) {
        AtomicLong count = new AtomicLong();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> count.incrementAndGet());
        return count.get();
    }

    private static long countTurtleTriples(Path file) {
        AtomicLong count = new AtomicLong();
        RDFParser.source(file).lang(Lang.TURTLE).parse(new org.apache.jena.riot.system.StreamRDFBase() {
            @Override
            public void triple(org.apache.jena.graph.Triple triple) {
                count.incrementAndGet();
            }
        });
        return count.get();
    }
}
