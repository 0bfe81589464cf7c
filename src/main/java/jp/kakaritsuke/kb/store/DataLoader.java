package jp.kakaritsuke.kb.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.PROV;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the shipped RDF into a {@link KnowledgeStore}: the ontology files from the classpath ({@code ontology/*.ttl}
 * except the SHACL shapes) into the graph {@value KK#ONTOLOGY}, and every TriG file under the data directory
 * (relative IRIs resolved against the base IRI) into the named graphs the files declare.
 *
 * <p>Into an empty embedded store (a first start) the files are streamed through TDB2's bulk loader, which builds the
 * full-text index in the same pass ({@link TdbKnowledgeStore#bulkLoad}); into any other store everything is parsed into
 * a staging dataset first. Either way the data is written in one transaction, so a broken file leaves the store
 * untouched. The load is recorded in the system graph ({@link #systemGraph(String)}): its time
 * ({@code prov:generatedAtTime}), the files read ({@code dct:source}) and the graphs written ({@code dct:hasPart}).
 * A later start finds that record and skips the load unless a reload is forced.
 */
public final class DataLoader {

    private static final Logger log = LoggerFactory.getLogger(DataLoader.class);

    private static final String ONTOLOGY_PATTERN = "classpath*:ontology/*.ttl";
    private static final String SHAPES_FILE = "shapes.ttl";
    /** Directories of {@code data/} that hold source material and region tables, not RDF. */
    private static final Set<String> NON_RDF_DIRS = Set.of("regions", "source");

    /** Where, under the base IRI, the record of a load lives ({@link #systemGraph(String)}). */
    private static final String SYSTEM_GRAPH_PATH = "graph/system";

    private static final String DEMO_DIR = "demo";
    private static final String EVIDENCE_DIR = "evidence";

    private final String baseIri;
    private final Path dataDir;
    private final boolean includeDemo;
    private final boolean includeEvidence;
    private final Node systemGraph;

    /**
     * @param baseIri base of the relative IRIs in the data files
     * @param dataDir directory of the TriG data files
     * @param includeDemo whether the synthetic worksheets under {@code demo/} are loaded
     */
    public DataLoader(String baseIri, Path dataDir, boolean includeDemo) {
        this(baseIri, dataDir, includeDemo, true);
    }

    /**
     * @param includeEvidence whether the regional evidence under {@code evidence/} is loaded
     */
    public DataLoader(String baseIri, Path dataDir, boolean includeDemo, boolean includeEvidence) {
        this.baseIri = baseIri;
        this.dataDir = dataDir;
        this.includeDemo = includeDemo;
        this.includeEvidence = includeEvidence;
        this.systemGraph = NodeFactory.createURI(systemGraph(baseIri));
    }

    /** The IRI of the graph recording when, and from which files, the shipped data was loaded. */
    public static String systemGraph(String baseIri) {
        return baseIri + SYSTEM_GRAPH_PATH;
    }

    /** A loader configured by the {@code kb.*} properties. */
    public static DataLoader from(StoreProperties properties) {
        return new DataLoader(
                properties.baseIri(),
                properties.data().dir(),
                properties.data().includeDemo(),
                properties.data().includeEvidence());
    }

    /** What one load read and wrote. */
    public record LoadReport(Instant loadedAt, List<String> files, Set<String> graphs) {}

    /**
     * Loads the shipped data unless the store records an earlier load.
     *
     * @param forceReload reload even if an earlier load is recorded ({@code kb.data.reload})
     * @return true if the data was loaded
     */
    public boolean loadIfNeeded(KnowledgeStore store, boolean forceReload) {
        if (!forceReload && holdsRecord(store)) {
            log.info(
                    "{} already holds the shipped data (see <{}>); not reloading",
                    store.describe(),
                    systemGraph.getURI());
            return false;
        }
        Set<String> records = loadRecords(store);
        records.remove(systemGraph.getURI());
        if (!records.isEmpty()) {
            String other = records.iterator().next();
            String otherBase = other.substring(0, other.length() - SYSTEM_GRAPH_PATH.length());
            throw new DataLoadException(store.describe() + " holds the shipped data loaded under the base IRI <"
                    + otherBase + "> (see <" + other + ">), not under <" + baseIri + ">, the base IRI of this start "
                    + "(kb.base-iri; by default it follows the port): loading again would add every graph a second "
                    + "time under other IRIs. Start with --kb.base-iri=" + otherBase + ", or give <" + baseIri
                    + "> a store of its own. Nothing was written.");
        }
        LoadReport report = load(store);
        log.info(
                "Loaded {} files into {} graphs of {}",
                report.files().size(),
                report.graphs().size(),
                store.describe());
        return true;
    }

    /** Whether the store holds the record of a load; the embedded store looks the graph up instead of listing all. */
    private boolean holdsRecord(KnowledgeStore store) {
        return store instanceof TdbKnowledgeStore tdb
                ? tdb.containsGraph(systemGraph.getURI())
                : store.graphNames().contains(systemGraph.getURI());
    }

    /**
     * The load records the store holds, whatever base IRI they were written under (asked only before a load): the graphs named
     * <code>{base}{@value #SYSTEM_GRAPH_PATH}</code> that hold a time of generation. The embedded store looks among the
     * few graphs with such times (load records, edit histories) instead of listing every graph.
     */
    private static Set<String> loadRecords(KnowledgeStore store) {
        Set<String> graphs = store instanceof TdbKnowledgeStore tdb
                ? tdb.graphsUsing(PROV.generatedAtTime.asNode())
                : store.graphNames();
        Set<String> records = new TreeSet<>();
        graphs.stream().filter(g -> g.endsWith("/" + SYSTEM_GRAPH_PATH)).forEach(records::add);
        return records;
    }

    /**
     * Parses all shipped files, then writes their graphs and, last, the system graph that records the load. A store
     * that writes graph by graph ({@link KnowledgeStore#loadGraphs}, a remote store) may be stopped half-way; since
     * the record is written only after every graph, such a store has no record and the next start loads again. A
     * reload removes the old record first, so a reload that fails half-way is not taken for a complete load either.
     */
    public LoadReport load(KnowledgeStore store) {
        if (store instanceof TdbKnowledgeStore tdb && tdb.isEmpty()) {
            return bulkLoad(tdb);
        }
        DatasetGraph staging = DatasetGraphFactory.create();
        List<String> files = new ArrayList<>();
        readOntology(staging, files);
        readData(staging, files);
        Set<String> graphs = new TreeSet<>();
        staging.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        if (graphs.contains(systemGraph.getURI())) {
            throw new DataLoadException("The data files write into the system graph <" + systemGraph.getURI()
                    + ">, which the loader keeps for its own record");
        }
        Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DatasetGraph record = DatasetGraphFactory.create();
        recordLoad(record.getGraph(systemGraph), loadedAt, files, graphs);
        try {
            store.deleteGraph(systemGraph.getURI());
            store.loadGraphs(staging, new ProgressLog(store.describe()));
            store.replaceGraphs(record);
        } catch (StoreUnavailableException e) {
            throw new DataLoadException(
                    "Loading the shipped data into " + store.describe() + " failed; the store "
                            + "has no record of a complete load, so the next start loads again. " + e.getMessage(),
                    e);
        }
        return new LoadReport(loadedAt, List.copyOf(files), graphs);
    }

    /** Logs a load's progress: at most every few seconds, and when it is done. */
    private static final class ProgressLog implements LoadProgress {
        private static final long EVERY_NANOS = 3_000_000_000L;
        private final String store;
        private final long start = System.nanoTime();
        private long lastReport = start;

        ProgressLog(String store) {
            this.store = store;
        }

        @Override
        public void graphWritten(int index, int graphs, String graph, long triplesDone, long triplesTotal) {
            long now = System.nanoTime();
            if (index == graphs || now - lastReport >= EVERY_NANOS) {
                lastReport = now;
                log.info(
                        "Loading the shipped data into {}: {}/{} graphs, {}/{} triples, {} s",
                        store,
                        index,
                        graphs,
                        triplesDone,
                        triplesTotal,
                        (now - start) / 1_000_000_000L);
            }
        }
    }

    /** The first load of an empty embedded store: every file streamed through TDB2's bulk loader. */
    private LoadReport bulkLoad(TdbKnowledgeStore store) {
        List<String> files = new ArrayList<>();
        Set<String> graphs = new TreeSet<>();
        Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.bulkLoad(loader -> {
            DatasetGraph ontology = DatasetGraphFactory.create();
            readOntology(ontology, files);
            ontology.find().forEachRemaining(loader::quad);
            graphs.add(KK.ONTOLOGY);
            for (Path file : dataFiles()) {
                String name = "data/" + relativeName(file);
                StreamRDF checked = new StreamRDFWrapper(loader) {
                    /** The graph of the last quad: a file's quads come graph by graph, so it is checked once. */
                    private Node lastGraph;

                    @Override
                    public void triple(Triple triple) {
                        throw new DataLoadException(name + ": has triples outside a named graph; every triple of a "
                                + "data file belongs in a GRAPH block");
                    }

                    @Override
                    public void quad(Quad quad) {
                        if (quad.isDefaultGraph() || quad.getGraph() == null) {
                            triple(quad.asTriple());
                        }
                        if (!quad.getGraph().equals(lastGraph)) {
                            String graph = quad.getGraph().getURI();
                            if (graph.equals(systemGraph.getURI())) {
                                throw new DataLoadException("The data files write into the system graph <" + graph
                                        + ">, which the loader keeps for its own record");
                            }
                            graphs.add(graph);
                            lastGraph = quad.getGraph();
                        }
                        super.quad(quad);
                    }

                    @Override
                    public void start() {}

                    @Override
                    public void finish() {}
                };
                parseDataFile(name, file, checked);
                files.add(name);
            }
            Graph record = GraphFactory.createDefaultGraph();
            recordLoad(record, loadedAt, files, graphs);
            record.find().forEachRemaining(t -> loader.quad(Quad.create(systemGraph, t)));
        });
        return new LoadReport(loadedAt, List.copyOf(files), graphs);
    }

    private void recordLoad(Graph record, Instant loadedAt, List<String> files, Set<String> graphs) {
        Node self = systemGraph;
        record.add(self, RDF.type.asNode(), PROV.Entity.asNode());
        record.add(
                self,
                PROV.generatedAtTime.asNode(),
                NodeFactory.createLiteralDT(loadedAt.toString(), XSDDatatype.XSDdateTime));
        files.forEach(f -> record.add(self, DCTerms.source.asNode(), NodeFactory.createLiteralString(f)));
        graphs.forEach(g -> record.add(self, DCTerms.hasPart.asNode(), NodeFactory.createURI(g)));
    }

    private void readOntology(DatasetGraph staging, List<String> files) {
        Graph ontology = staging.getGraph(NodeFactory.createURI(KK.ONTOLOGY));
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(ONTOLOGY_PATTERN);
        } catch (IOException e) {
            throw new DataLoadException("Cannot list the ontology files (" + ONTOLOGY_PATTERN + ")", e);
        }
        List<Resource> sorted = Stream.of(resources)
                .filter(r -> r.getFilename() != null && !SHAPES_FILE.equals(r.getFilename()))
                .sorted(Comparator.comparing(Resource::getFilename))
                .toList();
        if (sorted.isEmpty()) {
            throw new DataLoadException("No ontology files found on the classpath (" + ONTOLOGY_PATTERN + ")");
        }
        for (Resource resource : sorted) {
            String name = "ontology/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                parse(
                        name,
                        () -> RDFParser.source(in)
                                .lang(Lang.TURTLE)
                                .errorHandler(new FailFast(name))
                                .parse(ontology));
            } catch (IOException e) {
                throw new DataLoadException("Cannot read " + name + ": " + e.getMessage(), e);
            }
            files.add(name);
        }
    }

    private void readData(DatasetGraph staging, List<String> files) {
        if (!Files.isDirectory(dataDir)) {
            log.warn("Data directory {} does not exist; only the ontology is loaded", dataDir.toAbsolutePath());
            return;
        }
        for (Path file : dataFiles()) {
            String name = "data/" + relativeName(file);
            DatasetGraph parsed = DatasetGraphFactory.create();
            parseDataFile(name, file, StreamRDFLib.dataset(parsed));
            if (!parsed.getDefaultGraph().isEmpty()) {
                throw new DataLoadException(name + ": has triples outside a named graph; every triple of a data "
                        + "file belongs in a GRAPH block");
            }
            parsed.find().forEachRemaining(staging::add);
            files.add(name);
        }
    }

    /** The TriG files to load, in a stable order. */
    List<Path> dataFiles() {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".trig")
                            || p.getFileName().toString().endsWith(".trig.gz"))
                    .filter(this::included)
                    .sorted(Comparator.comparing(this::relativeName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data directory " + dataDir, e);
        }
    }

    private boolean included(Path file) {
        Path relative = dataDir.relativize(file);
        String top = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        if (NON_RDF_DIRS.contains(top)) {
            return false;
        }
        if (EVIDENCE_DIR.equals(top)) {
            return includeEvidence;
        }
        return includeDemo || !DEMO_DIR.equals(top);
    }

    private String relativeName(Path file) {
        return dataDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Parses the TriG data file {@code file} (gzip-compressed if its name ends in .gz) into {@code sink}. */
    private void parseDataFile(String name, Path file, StreamRDF sink) {
        parse(name, () -> {
            // IO.openFileEx decompresses .gz files: large evidence graphs ship gzip-compressed
            try (InputStream in = IO.openFileEx(file.toString())) {
                RDFParser.source(in)
                        .base(baseIri)
                        .lang(Lang.TRIG)
                        .errorHandler(new FailFast(name))
                        .parse(sink);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            }
        });
    }

    private static void parse(String name, Runnable parse) {
        try {
            parse.run();
        } catch (DataLoadException e) {
            throw e;
        } catch (RiotException e) {
            throw new DataLoadException(name + ": " + e.getMessage(), e);
        }
    }

    /** Turns the first parse error into a {@link DataLoadException} naming file, line and column. */
    private record FailFast(String name) implements ErrorHandler {

        @Override
        public void warning(String message, long line, long col) {
            log.warn("{}", position(message, line, col));
        }

        @Override
        public void error(String message, long line, long col) {
            throw new DataLoadException(position(message, line, col));
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new DataLoadException(position(message, line, col));
        }

        private String position(String message, long line, long col) {
            return line > 0 ? name + ":" + line + ":" + col + ": " + message : name + ": " + message;
        }
    }
}
