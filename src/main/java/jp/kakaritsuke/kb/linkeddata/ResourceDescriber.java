package jp.kakaritsuke.kb.linkeddata;

import java.time.Duration;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.rdf.Prefixes;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.stereotype.Component;

/**
 * Reads what the store says about one resource (named query {@code linkeddata/describe.rq}) and the ontology graph.
 * Everything returned is detached from the store and carries the shared prefixes.
 */
@Component
class ResourceDescriber {

    private static final Query DESCRIBE = NamedQueryCatalog.query("linkeddata/describe");

    private final KnowledgeStore store;
    private final Duration timeout;

    ResourceDescriber(KnowledgeStore store, StoreProperties properties) {
        this.store = store;
        this.timeout = properties.query().timeout();
    }

    /** The description of {@code iri}; it has no statement about {@code iri} when the store knows nothing of it. */
    Model describe(String iri) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("resource", ResourceFactory.createResource(iri));
        Model model = store.construct(DESCRIBE, bindings, timeout);
        model.setNsPrefixes(Prefixes.standard());
        return model;
    }

    /** True when the description says something about {@code iri} itself. */
    static boolean isAbout(Model description, String iri) {
        return description.contains(description.createResource(iri), null);
    }

    /** The whole ontology graph (classes, properties, concept schemes); empty when the ontology is not loaded. */
    Model ontology() {
        Model model = ModelFactory.createModelForGraph(store.graph(KK.ONTOLOGY));
        model.setNsPrefixes(Prefixes.standard());
        return model;
    }
}
