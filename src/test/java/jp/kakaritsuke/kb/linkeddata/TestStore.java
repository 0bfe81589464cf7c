package jp.kakaritsuke.kb.linkeddata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;

import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * An in-memory TDB2 store for the tests of this package and of export, loaded the way the application loads its
 * data: ontology/*.ttl (shapes aside) into the ontology graph, data/seed/*.trig and the test fixture resolved
 * against the base IRI. Queries see the union of the named graphs as the default graph, as in the real store.
 */
public final class TestStore implements KnowledgeStore {

    /** The base IRI the tests use (the application's default). */
    public static final String BASE = "http://localhost:8080/";

    private final DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    private final Dataset dataset = DatasetFactory.wrap(dsg);

    /** A store holding the ontology, the seed worksheets and the fixture {@code linkeddata/fixture.trig}. */
    public static TestStore loaded() {
        TestStore store = new TestStore();
        Txn.executeWrite(store.dsg, () -> {
            Graph ontology = store.dsg.getGraph(NodeFactory.createURI(Prefixes.ONTOLOGY));
            for (Path file : files(Path.of("ontology"), ".ttl")) {
                if (!file.getFileName().toString().equals("shapes.ttl")) {
                    RDFParser.source(file).lang(Lang.TURTLE).parse(ontology);
                }
            }
            for (Path file : files(Path.of("data/seed"), ".trig")) {
                RDFParser.source(file).base(BASE).lang(Lang.TRIG).parse(store.dsg);
            }
            RDFParser.source(Path.of("src/test/resources/linkeddata/fixture.trig")).base(BASE).lang(Lang.TRIG)
                    .parse(store.dsg);
        });
        return store;
    }

    private static java.util.List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private QueryExecution exec(Query query, QuerySolution bindings, Duration timeout) {
        var builder = QueryExecution.create().query(query).dataset(dataset).set(TDB2.symUnionDefaultGraph, true)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (bindings != null) {
            builder.substitution(bindings);
        }
        return builder.build();
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = exec(query, bindings, timeout)) {
                return ResultSetFactory.copyResults(qe.execSelect());
            }
        });
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = exec(query, bindings, timeout)) {
                return qe.execAsk();
            }
        });
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = exec(query, bindings, timeout)) {
                Model copy = ModelFactory.createDefaultModel();
                copy.add(query.isConstructType() ? qe.execConstruct() : qe.execDescribe());
                return copy;
            }
        });
    }

    @Override
    public Set<String> graphNames() {
        return Txn.calculateRead(dsg, () -> {
            Set<String> names = new TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            return names;
        });
    }

    @Override
    public Graph graph(String graphName) {
        return Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(NodeFactory.createURI(graphName)).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @Override
    public void replaceGraphs(DatasetGraph changes) {
        Txn.executeWrite(dsg, () -> changes.listGraphNodes().forEachRemaining(name -> {
            dsg.removeGraph(name);
            changes.getGraph(name).find().forEachRemaining(t -> dsg.add(Quad.create(name, t)));
        }));
    }

    @Override
    public void deleteGraph(String graphName) {
        Txn.executeWrite(dsg, () -> dsg.removeGraph(NodeFactory.createURI(graphName)));
    }

    @Override
    public void update(UpdateRequest update) {
        Txn.executeWrite(dsg, () -> UpdateExecution.dataset(dataset).update(update).execute());
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        Txn.executeRead(dsg, () -> dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink));
    }

    @Override
    public String describe() {
        return "TDB2 in memory (test)";
    }

    @Override
    public void close() {
        dsg.close();
    }
}
