package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a real standalone Fuseki server, one server for the whole class. */
class RemoteKnowledgeStoreTest extends KnowledgeStoreContract {

    private static final StoreQueries QUERIES = NamedQueryCatalog.classpath().storeQueries();

    @TempDir
    static Path serverDir;

    private static FusekiServerProcess server;

    private RemoteKnowledgeStore store;

    @BeforeAll
    static void startServer() {
        server = FusekiServerProcess.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connectToAnEmptyDataset() {
        store = new RemoteKnowledgeStore(server.remoteSettings(), Duration.ofSeconds(30), QUERIES);
        store.update(UpdateFactory.create("DROP ALL"));
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Override
    protected KnowledgeStore store() {
        return store;
    }

    @Test
    void basicAuthenticationIsAnsweredAndRefusedCredentialsMeanUnavailable(@TempDir Path securedDir) {
        try (FusekiServerProcess secured = FusekiServerProcess.startWithBasicAuth(securedDir, "editor", "s3cret")) {
            try (RemoteKnowledgeStore withCredentials = new RemoteKnowledgeStore(
                    secured.remoteSettings("editor", "s3cret"), Duration.ofSeconds(30), QUERIES)) {
                withCredentials.replaceGraphs(trig("GRAPH ex:g1 { ex:a ex:p ex:b . }"));
                assertEquals(Set.of(EX + "g1"), withCredentials.graphNames());
                assertIsomorphic(turtle("ex:a ex:p ex:b ."), withCredentials.graph(EX + "g1"));
            }
            try (RemoteKnowledgeStore anonymous =
                            new RemoteKnowledgeStore(secured.remoteSettings(), Duration.ofSeconds(30), QUERIES);
                    RemoteKnowledgeStore wrongPassword = new RemoteKnowledgeStore(
                            secured.remoteSettings("editor", "guess"), Duration.ofSeconds(30), QUERIES)) {
                StoreUnavailableException refused =
                        assertThrows(StoreUnavailableException.class, anonymous::graphNames);
                assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());
                assertThrows(
                        StoreUnavailableException.class,
                        () -> wrongPassword.replaceGraphs(trig("GRAPH ex:g2 { ex:a ex:p ex:b . }")));
            }
        }
    }

    @Test
    void aServerThatCannotBeReachedIsReportedAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StoreProperties.Remote nowhere = new StoreProperties.Remote(
                "http://localhost:" + closedPort + "/kb",
                "sparql",
                "update",
                "data",
                null,
                null,
                Duration.ofSeconds(2));
        try (RemoteKnowledgeStore unreachable = new RemoteKnowledgeStore(nowhere, Duration.ofSeconds(2), QUERIES)) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, unreachable::graphNames);
            assertTrue(e.getMessage().contains("localhost:" + closedPort), e.getMessage());
            assertThrows(
                    StoreUnavailableException.class,
                    () -> unreachable.replaceGraphs(trig("GRAPH ex:g1 { ex:a ex:p ex:b . }")));
            assertThrows(StoreUnavailableException.class, () -> unreachable.graph(EX + "g1"));
        }
    }
}
