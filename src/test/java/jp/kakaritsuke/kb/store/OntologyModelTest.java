package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OntologyModelTest {

    private static final Node ONTOLOGY = NodeFactory.createURI(KK.ONTOLOGY);
    private static final Node FUNCTION = NodeFactory.createURI(KK.VOCABULARY + "function/f1");

    private final TdbKnowledgeStore tdb = TdbKnowledgeStore.inMemory();
    private final CachingKnowledgeStore store = new CachingKnowledgeStore(tdb, 10_000, Duration.ZERO);
    private final OntologyModel ontology = new OntologyModel(store);

    @AfterEach
    void close() {
        store.close();
    }

    private void label(String text) {
        DatasetGraph graphs = DatasetGraphFactory.create();
        graphs.add(ONTOLOGY, FUNCTION, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(text, "ja"));
        store.replaceGraphs(graphs);
    }

    private String labelIn(Model model) {
        return model.getResource(FUNCTION.getURI()).getProperty(SKOS.prefLabel).getString();
    }

    @Test
    void theOntologyIsReadOnceUntilAWrite() {
        label("1号機能");
        long asked = store.stats().hits() + store.stats().misses();
        assertEquals("1号機能", labelIn(ontology.model()));
        assertEquals("1号機能", labelIn(ontology.model()));
        assertEquals(asked + 1, store.stats().hits() + store.stats().misses(), "one read of the graph for two pages");

        label("1号機能（改）");
        assertEquals("1号機能（改）", labelIn(ontology.model()), "a write is seen by the next page");
    }

    @Test
    void everyCallerGetsAReadOnlyViewWithPrefixesOfItsOwn() {
        label("1号機能");
        Model one = ontology.model();
        Model other = ontology.model();
        one.setNsPrefix("skos", SKOS.getURI());
        assertNull(other.getNsPrefixURI("skos"), "prefixes set by one caller are its own");
        assertThrows(
                AddDeniedException.class, () -> one.add(one.createResource(FUNCTION.getURI()), RDFS.label, "changed"));
        assertTrue(other.contains(other.createResource(FUNCTION.getURI()), SKOS.prefLabel));
    }
}
