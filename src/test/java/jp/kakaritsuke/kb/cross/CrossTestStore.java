package jp.kakaritsuke.kb.cross;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
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
import org.apache.jena.riot.system.ErrorHandlerFactory;
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
 * The knowledge store of the cross-view tests: an in-memory TDB2 dataset, queried with the union of its named
 * graphs as default graph, holding the ontology, every {@code data/seed/*.trig} file and the cross-view fixture.
 */
final class CrossTestStore implements KnowledgeStore {

    static final String BASE = "http://localhost:8080/";
    static final String ONTOLOGY_GRAPH = "https://w3id.org/kakaritsuke/ontology";

    private final DatasetGraph dsg = DatabaseMgr.createDatasetGraph();

    static CrossTestStore withSeedAndFixture() {
        CrossTestStore store = new CrossTestStore();
        Txn.executeWrite(store.dsg, () -> {
            for (Path file : files(Path.of("ontology"), ".ttl")) {
                if (!file.getFileName().toString().equals("shapes.ttl")) {
                    RDFParser.source(file).lang(Lang.TURTLE).errorHandler(ErrorHandlerFactory.errorHandlerStrict)
                            .parse(store.dsg.getGraph(NodeFactory.createURI(ONTOLOGY_GRAPH)));
                }
            }
            for (Path file : files(Path.of("data", "seed"), ".trig")) {
                RDFParser.source(file).base(BASE).lang(Lang.TRIG)
                        .errorHandler(ErrorHandlerFactory.errorHandlerStrict).parse(store.dsg);
            }
            RDFParser.source(Path.of("src/test/resources/cross/fixture.trig")).base(BASE).lang(Lang.TRIG)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrict).parse(store.dsg);
        });
        return store;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private QueryExecution execution(Query query, QuerySolution bindings, Duration timeout) {
        return QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).substitution(bindings)
                .set(TDB2.symUnionDefaultGraph, true).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution exec = execution(query, bindings, timeout)) {
                return ResultSetFactory.copyResults(exec.execSelect());
            }
        });
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution exec = execution(query, bindings, timeout)) {
                return exec.execAsk();
            }
        });
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution exec = execution(query, bindings, timeout)) {
                Model copy = ModelFactory.createDefaultModel();
                copy.add(exec.execConstruct());
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
        Txn.executeWrite(dsg, () -> changes.listGraphNodes().forEachRemaining(g -> {
            dsg.removeGraph(g);
            changes.getGraph(g).find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(),
                    t.getObject()));
        }));
    }

    @Override
    public void deleteGraph(String graphName) {
        Txn.executeWrite(dsg, () -> dsg.removeGraph(NodeFactory.createURI(graphName)));
    }

    @Override
    public void update(UpdateRequest update) {
        Txn.executeWrite(dsg, () -> UpdateExecution.dataset(DatasetFactory.wrap(dsg)).update(update).execute());
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(sink));
    }

    @Override
    public String describe() {
        return "in-memory TDB2 (cross-view tests)";
    }

    @Override
    public void close() {
        dsg.close();
    }
}
