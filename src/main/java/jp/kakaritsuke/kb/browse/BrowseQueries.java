package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.springframework.stereotype.Component;

/**
 * The browse pages' one door to the store: runs the named queries of {@code queries/} ({@link NamedQueryRunner}: the
 * configured timeout, slow answers logged)
 * (they return Japanese and English side by side; {@link Rows#localized} picks the reader's column), and copies named
 * graphs by their IRI relative to the base.
 */
@Component
class BrowseQueries {

    private final KnowledgeStore store;
    private final NamedQueryCatalog catalog;
    private final NamedQueryRunner runner;
    private final String baseIri;
    private final OntologyModel ontology;

    BrowseQueries(
            KnowledgeStore store,
            NamedQueryCatalog catalog,
            NamedQueryRunner runner,
            StoreProperties properties,
            OntologyModel ontology) {
        this.store = store;
        this.ontology = ontology;
        this.catalog = catalog;
        this.runner = runner;
        this.baseIri = properties.baseIri();
    }

    /** Runs the SELECT query {@code name} with {@code bindings}. */
    List<QuerySolution> select(String name, Map<String, ? extends RDFNode> bindings) {
        ResultSet results = runner.select(catalog.get(name), bind(bindings));
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        return rows;
    }

    /**
     * Starts answering the SELECT query {@code name} with {@code bindings} in the background, for a page that asks
     * it after others ({@link NamedQueryRunner#prefetch}).
     */
    void prefetch(String name, Map<String, ? extends RDFNode> bindings) {
        runner.prefetch(catalog.get(name), bind(bindings));
    }

    /** Runs the CONSTRUCT query {@code name} with {@code bindings}. */
    Model construct(String name, Map<String, ? extends RDFNode> bindings) {
        return runner.construct(catalog.get(name), bind(bindings));
    }

    /** A copy of the named graph {@code baseIri + relative} (or of an absolute graph IRI) as a model. */
    Model graph(String graphIri) {
        Graph graph = store.graph(graphIri.contains("://") ? graphIri : baseIri + graphIri);
        return ModelFactory.createModelForGraph(graph);
    }

    /**
     * The ontology and its concept schemes, where the labels of concepts come from: read-only, read once until the
     * next write ({@link OntologyModel}).
     */
    Model ontology() {
        return ontology.model();
    }

    /** The absolute IRI of an instance path such as {@code id/worksheet/x}. */
    String iri(String relative) {
        return baseIri + relative;
    }

    String baseIri() {
        return baseIri;
    }

    private static QuerySolutionMap bind(Map<String, ? extends RDFNode> bindings) {
        QuerySolutionMap map = new QuerySolutionMap();
        bindings.forEach(map::add);
        return map;
    }
}
