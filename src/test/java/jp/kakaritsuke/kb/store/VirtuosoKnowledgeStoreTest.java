package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a real Virtuoso 7 server (Debian's package), one server for the whole class. */
class VirtuosoKnowledgeStoreTest extends KnowledgeStoreContract {

    private static final StoreQueries QUERIES = NamedQueryCatalog.classpath().storeQueries();

    @TempDir
    static Path serverDir;

    private static VirtuosoServerProcess server;

    private RemoteKnowledgeStore store;

    @BeforeAll
    static void startServer() {
        server = VirtuosoServerProcess.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connectToAnEmptyDataset() {
        store = new RemoteKnowledgeStore(server.remoteSettings(), Duration.ofSeconds(120), QUERIES);
        store.graphNames().forEach(store::deleteGraph);
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Override
    protected KnowledgeStore store() {
        return store;
    }

    /**
     * Virtuoso's default graph is the union of all graphs, its own metadata graph virtrdf# included (a documented
     * difference): without that graph, it is the union of the application's named graphs.
     */
    @Override
    @Test
    void selectSeesTheUnionOfAllNamedGraphsAsDefaultGraph() {
        store.replaceGraphs(trig("""
                GRAPH ex:g1 { ex:a ex:p ex:b . }
                GRAPH ex:g2 { ex:c ex:p ex:d . ex:c rdfs:label "C"@en . }
                """));
        ResultSetRewindable actual =
                store.select(query("""
                SELECT * { ?s ?p ?o MINUS { GRAPH <%s> { ?s ?p ?o } } }""".formatted(RemoteKnowledgeStore.VIRTUOSO_SYSTEM_GRAPH)), null, TIMEOUT);
        assertSameResults(
                rows(
                        List.of("s", "p", "o"),
                        new Node[] {ex("a"), ex("p"), ex("b")},
                        new Node[] {ex("c"), ex("p"), ex("d")},
                        new Node[] {
                            ex("c"),
                            NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
                            NodeFactory.createLiteralLang("C", "en")
                        }),
                actual);
    }

    @Test
    void theEngineIsFoundOutByAskingTheServer() {
        assertEquals(StoreProperties.Engine.VIRTUOSO, store.engine());
    }
}
