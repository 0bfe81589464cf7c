package jp.kakaritsuke.kb.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The RDF files the repository ships (ontology/ and data/) and how they are loaded: the ontology files except the
 * shapes into the ontology graph, the TriG data resolved against the default instance base. Tests run from the
 * project directory, so the paths are relative to it. The tests of the ontology, the seed data and the named queries
 * all load through here, so they read the files alike: strictly, with file, line and column on any complaint.
 */
public final class ShippedRdf {

    public static final Path ONTOLOGY_DIR = Path.of("ontology");
    public static final Path DATA_DIR = Path.of("data");
    public static final Path SHAPES_FILE = ONTOLOGY_DIR.resolve("shapes.ttl");
    public static final Path CHECKS_DIR = ONTOLOGY_DIR.resolve("checks");

    /** The default of kb.base-iri: relative IRIs in data files resolve against it. */
    public static final String BASE = "http://localhost:8080/";

    /** The named graph that holds kakaritsuke.ttl and concepts.ttl. */
    public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(KK.ONTOLOGY);

    private ShippedRdf() {}

    /** Every .ttl and .trig file under {@code dir} (none if it does not exist), in path order. */
    public static List<Path> rdfFiles(Path dir) {
        return filesEndingWith(dir, ".ttl", ".trig", ".trig.gz");
    }

    /** The ontology files that make up the ontology graph: ontology/*.ttl except shapes.ttl. */
    public static List<Path> ontologyFiles() {
        try (Stream<Path> files = Files.list(ONTOLOGY_DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ttl"))
                    .filter(f -> !f.equals(SHAPES_FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + ONTOLOGY_DIR, e);
        }
    }

    /** The data files: data/**&#47;*.trig and *.trig.gz. */
    public static List<Path> dataFiles() {
        return filesEndingWith(DATA_DIR, ".trig", ".trig.gz");
    }

    /** The ontology check queries: ontology/checks/*-violation.rq. */
    public static List<Path> checkQueries() {
        return filesEndingWith(CHECKS_DIR, "-violation.rq");
    }

    /** The SHACL shapes of ontology/shapes.ttl. */
    public static Shapes shapes() {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(SHAPES_FILE, StreamRDFLib.graph(graph));
        return Shapes.parse(graph);
    }

    /** An in-memory TDB2 dataset whose default graph is the union of its named graphs. */
    public static DatasetGraph newUnionDataset() {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dataset;
    }

    /** Loads the ontology files into the ontology graph and the given TriG files as they are, in one transaction. */
    public static void load(DatasetGraph dataset, List<Path> trigFiles) {
        Txn.executeWrite(dataset, () -> {
            for (Path file : ontologyFiles()) {
                parse(file, StreamRDFLib.extendTriplesToQuads(ONTOLOGY_GRAPH, StreamRDFLib.dataset(dataset)));
            }
            for (Path file : trigFiles) {
                parse(file, StreamRDFLib.dataset(dataset));
            }
        });
    }

    /** A detached copy of the union of all named graphs of {@code dataset}. */
    public static Graph unionCopy(DatasetGraph dataset) {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(
                dataset,
                () -> dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                        .forEachRemaining(quad -> copy.add(quad.asTriple())));
        return copy;
    }

    /**
     * Parses one file strictly: any warning or error ends the parse with a {@link RiotException} whose message names
     * the file, line and column. TriG is resolved against {@link #BASE}.
     */
    public static void parse(Path file, StreamRDF sink) {
        Lang lang = RDFLanguages.pathnameToLang(file.toString());
        if (lang == null) {
            throw new IllegalArgumentException(file + ": not an RDF file name");
        }
        try (java.io.InputStream in = org.apache.jena.atlas.io.IO.openFileEx(file.toString())) {
            RDFParserBuilder parser =
                    RDFParser.create().source(in).lang(lang).errorHandler(new FailingErrorHandler(file));
            if (lang.equals(Lang.TRIG)) {
                parser.base(BASE);
            }
            parser.parse(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<Path> filesEndingWith(Path dir, String... suffixes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(suffixes)
                            .anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** Turns every parser complaint, warnings included, into an exception naming the file, line and column. */
    private record FailingErrorHandler(Path file) implements ErrorHandler {

        @Override
        public void warning(String message, long line, long col) {
            throw new RiotException(where(line, col) + ": warning: " + message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(where(line, col) + ": error: " + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(where(line, col) + ": fatal: " + message);
        }

        private String where(long line, long col) {
            return file + ":" + line + ":" + col;
        }
    }
}
