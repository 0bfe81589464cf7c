package jp.kakaritsuke.kb.linkeddata;

import java.time.Duration;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.rdf.Prefixes;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.stereotype.Component;

/**
 * Reads what the store says about one resource (named query {@code linkeddata/describe.rq}) and the ontology graph.
 * A description is detached from the store; the ontology is a read-only view of the graph read once until the next
 * write ({@link OntologyModel}). Both carry the shared prefixes.
 */
@Component
class ResourceDescriber {

    private static final Query DESCRIBE = NamedQueryCatalog.query("linkeddata/describe");

    private final KnowledgeStore store;
    private final Duration timeout;
    private final OntologyModel ontology;

    ResourceDescriber(KnowledgeStore store, StoreProperties properties, OntologyModel ontology) {
        this.store = store;
        this.timeout = properties.query().timeout();
        this.ontology = ontology;
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

    /**
     * The whole ontology graph (classes, properties, concept schemes), read-only; empty when the ontology is not
     * loaded.
     */
    Model ontology() {
        Model model = ontology.model();
        model.setNsPrefixes(Prefixes.standard());
        return model;
    }
}
