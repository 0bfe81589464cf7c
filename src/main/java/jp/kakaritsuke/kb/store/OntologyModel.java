package jp.kakaritsuke.kb.store;

import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.springframework.stereotype.Component;

/**
 * The ontology graph ({@value KK#ONTOLOGY}: classes, properties, concept schemes and their labels) read once from the
 * store and kept until the store reports a write ({@link KeptUntilWrite}), so that the pages that label concepts do
 * not copy it on every request. Where writes are not all reported (no answer cache, a remote store), it is read on
 * every call.
 *
 * <p>Every call returns its own read-only view of the one graph, with a prefix mapping of its own: a caller may set
 * prefixes for its output, or join the view into a union, but cannot change the triples.
 */
@Component
public class OntologyModel {

    private final KnowledgeStore store;
    private final KeptUntilWrite<Graph> ontology;

    public OntologyModel(KnowledgeStore store) {
        this.store = store;
        this.ontology = new KeptUntilWrite<>(store);
    }

    /** The ontology as a read-only model; empty when the ontology is not loaded. */
    public Model model() {
        return ModelFactory.createModelForGraph(graph());
    }

    /** The ontology as a read-only graph with a prefix mapping of its own. */
    public Graph graph() {
        Graph current = ontology.get(() -> store.graph(KK.ONTOLOGY));
        PrefixMapping prefixes = PrefixMapping.Factory.create();
        return new GraphReadOnly(current) {
            @Override
            public PrefixMapping getPrefixMapping() {
                return prefixes;
            }
        };
    }
}
