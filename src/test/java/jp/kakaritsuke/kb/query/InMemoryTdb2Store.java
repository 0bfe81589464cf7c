package jp.kakaritsuke.kb.query;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jp.kakaritsuke.kb.store.KnowledgeStore;

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
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;

/**
 * The store contract over an in-memory TDB2 dataset whose default graph is the union of the named graphs, as the
 * application's store presents it. The query tests run every named query through it.
 */
final class InMemoryTdb2Store implements KnowledgeStore {

    private final DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    private final Dataset dataset = DatasetFactory.wrap(dsg);

    InMemoryTdb2Store() {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
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
                Model result = ModelFactory.createDefaultModel();
                result.add(query.isConstructType() ? exec.execConstruct() : exec.execDescribe());
                return result;
            }
        });
    }

    private QueryExecution execution(Query query, QuerySolution bindings, Duration timeout) {
        return QueryExecution.dataset(dataset)
                .query(query)
                .substitution(bindings)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
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
            changes.getGraph(name).find().forEachRemaining(t -> dsg.add(new Quad(name, t)));
        }));
    }

    @Override
    public void deleteGraph(String graphName) {
        Node name = NodeFactory.createURI(graphName);
        Txn.executeWrite(dsg, () -> dsg.removeGraph(name));
    }

    @Override
    public void update(UpdateRequest update) {
        Txn.executeWrite(dsg, () -> UpdateExecution.dataset(dataset).update(update).execute());
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!q.isDefaultGraph()) {
                sink.accept(q);
            }
        }));
    }

    @Override
    public String describe() {
        return "in-memory TDB2";
    }

    @Override
    public void close() {
        dsg.close();
    }
}
