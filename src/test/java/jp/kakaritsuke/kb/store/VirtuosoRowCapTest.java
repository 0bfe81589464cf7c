package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cuts every answer at 10 rows (Virtuoso with {@code ResultSetMaxRows = 10}): every read is complete
 * or refused, never short. The graph listing and graph reads page through; a query whose answer the store cuts is an
 * error.
 */
class VirtuosoRowCapTest {

    private static final StoreQueries QUERIES = NamedQueryCatalog.classpath().storeQueries();

    private static final int CAP = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;

    private static VirtuosoServerProcess server;
    private static RemoteKnowledgeStore store;
    private static DatasetGraph data;

    @BeforeAll
    static void fill() {
        server = VirtuosoServerProcess.start(serverDir, CAP);
        // An operator who lowers Virtuoso's cap says so (kb.store.remote.result-cap): Virtuoso cuts CONSTRUCT silently.
        store = new RemoteKnowledgeStore(server.remoteSettings().withResultCap(CAP), TIMEOUT, QUERIES);
        data = DatasetGraphFactory.create();
        for (int g = 0; g < 25; g++) {
            Node graph = KnowledgeStoreContract.ex("g" + g);
            for (int i = 0; i < 3 + g; i++) {
                data.add(
                        graph,
                        KnowledgeStoreContract.ex("s" + i),
                        KnowledgeStoreContract.ex("p"),
                        NodeFactory.createLiteralString("value " + g + "/" + i));
            }
        }
        Node withBlankNodes = KnowledgeStoreContract.ex("blank");
        for (int i = 0; i < 30; i++) {
            Node b = NodeFactory.createBlankNode();
            data.add(withBlankNodes, KnowledgeStoreContract.ex("root"), KnowledgeStoreContract.ex("has"), b);
            data.add(withBlankNodes, b, KnowledgeStoreContract.ex("n"), NodeFactory.createLiteralString("" + i));
        }
        store.loadGraphs(data, LoadProgress.NONE);
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    @Test
    void theGraphListingPagesThroughTheCap() {
        Set<String> expected = new TreeSet<>();
        data.listGraphNodes().forEachRemaining(g -> expected.add(g.getURI()));
        assertEquals(26, expected.size());
        assertEquals(expected, store.graphNames());
    }

    @Test
    void graphReadsLargerThanTheCapAreWholeBlankNodesIncluded() {
        Node largest = KnowledgeStoreContract.ex("g24");
        assertEquals(27, store.graph(largest.getURI()).size());
        KnowledgeStoreContract.assertIsomorphic(data.getGraph(largest), store.graph(largest.getURI()));
        Node blank = KnowledgeStoreContract.ex("blank");
        KnowledgeStoreContract.assertIsomorphic(data.getGraph(blank), store.graph(blank.getURI()));
    }

    @Test
    void streamingEveryQuadIsWhole() {
        DatasetGraph streamed = DatasetGraphFactory.create();
        store.forEachQuad(streamed::add);
        data.listGraphNodes()
                .forEachRemaining(g -> KnowledgeStoreContract.assertIsomorphic(data.getGraph(g), streamed.getGraph(g)));
        assertEquals(data.stream().count(), streamed.stream().count());
    }

    @Test
    void aSelectOrConstructTheStoreCutsIsRefusedNotReturnedShort() {
        StoreUnavailableException select = assertThrows(
                StoreAnswerException.class,
                () -> store.select(
                        KnowledgeStoreContract.query("SELECT ?o { GRAPH ex:g24 { ?s ?p ?o } }"), null, TIMEOUT));
        assertTrue(select.getMessage().contains("cut the answer at " + CAP), select.getMessage());
        assertThrows(
                StoreAnswerException.class,
                () -> store.construct(
                        KnowledgeStoreContract.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ex:g24 { ?s ?p ?o } }"),
                        null,
                        TIMEOUT));
        // An answer that fits is used as it is.
        assertEquals(
                5,
                store.select(KnowledgeStoreContract.query("SELECT ?o { GRAPH ex:g2 { ?s ?p ?o } }"), null, TIMEOUT)
                        .size());
    }
}
