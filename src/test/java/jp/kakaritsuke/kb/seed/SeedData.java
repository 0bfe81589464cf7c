package jp.kakaritsuke.kb.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.testdata.ShippedRdf;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/** The seed data of {@code data/seed/} (and the ontology) loaded into an in-memory TDB2 store, for the seed tests. */
final class SeedData {

    /** The default {@code kb.base-iri}; the seed files' relative IRIs resolve against it. */
    static final String BASE = ShippedRdf.BASE;

    static final Path SEED_DIR = Path.of("data", "seed");
    static final Path SOURCE_TEXT = Path.of("data", "source", "mhlw-betten6.txt");

    static final String PREFIXES = """
            PREFIX kk:    <https://w3id.org/kakaritsuke/ontology#>
            PREFIX kkres: <https://w3id.org/kakaritsuke/resource/>
            PREFIX kkact: <https://w3id.org/kakaritsuke/actor/>
            PREFIX rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:  <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:  <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov:  <http://www.w3.org/ns/prov#>
            """;

    private static final long QUERY_TIMEOUT_SECONDS = 30;

    private SeedData() {}

    /** A fresh in-memory TDB2 store holding every {@code data/seed/*.trig} file and the ontology graph. */
    static DatasetGraph load() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        ShippedRdf.load(dsg, files(SEED_DIR, ".trig"));
        return dsg;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("no *" + suffix + " file in " + dir.toAbsolutePath());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
    }

    static Node iri(String relative) {
        return NodeFactory.createURI(BASE + relative);
    }

    static Node kk(String localName) {
        return NodeFactory.createURI(KK.NS + localName);
    }

    static Node worksheetGraph(String slug) {
        return iri("graph/worksheet/" + slug);
    }

    static Node worksheet(String slug) {
        return iri("id/worksheet/" + slug);
    }

    /** Runs a SELECT (text after {@link #PREFIXES}, relative IRIs against {@link #BASE}) with bindings and timeout. */
    static ResultSetRewindable select(DatasetGraph dsg, String queryBody, QuerySolution bindings) {
        Query query = QueryFactory.create(PREFIXES + queryBody, BASE);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(dsg))
                    .query(query)
                    .substitution(bindings)
                    .timeout(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .build()) {
                return ResultSetFactory.copyResults(exec.execSelect());
            }
        });
    }

    static ResultSetRewindable select(DatasetGraph dsg, String queryBody) {
        return select(dsg, queryBody, new QuerySolutionMap());
    }
}
