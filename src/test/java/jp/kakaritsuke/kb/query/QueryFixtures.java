package jp.kakaritsuke.kb.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.testdata.ShippedRdf;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/** Loads RDF files the way the application does: data TriG with relative IRIs, the ontology in its own graph. */
final class QueryFixtures {

    /** The instance base of the fixtures and of the repository's data files. */
    static final String BASE = ShippedRdf.BASE;

    private QueryFixtures() {}

    /** The ontology files (all of {@code ontology/*.ttl} except the shapes), in the ontology graph. */
    static DatasetGraph ontology() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        ShippedRdf.load(dsg, List.of());
        return dsg;
    }

    /**
     * A TriG data file, relative IRIs resolved against {@link #BASE}. Everything must be in named graphs: the store's
     * default graph is the union of them, so triples in the file's default graph would never be seen.
     */
    static DatasetGraph trig(Path file) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(file).base(BASE).lang(Lang.TRIG).parse(dsg);
        if (!dsg.getDefaultGraph().isEmpty()) {
            throw new IllegalArgumentException(file + ": has triples outside a named graph");
        }
        return dsg;
    }

    /** Every {@code *.trig} file under {@code dir}, in name order. */
    static List<Path> trigFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such data folder");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".trig")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
