package jp.kakaritsuke.kb.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.kakaritsuke.kb.store.VirtuosoServerProcess;

/**
 * Every export against a store that cuts every answer at 500 rows (Virtuoso with {@code ResultSetMaxRows = 500}, the
 * application told so): each download is complete — as many triples per graph as the engine itself counts — or
 * refused, never short. The areas graph alone is many times the cap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VirtuosoRowCapExportTest {

    static final int CAP = 500;

    @TempDir
    static Path virtuosoDir;

    static VirtuosoServerProcess virtuoso;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        virtuoso = VirtuosoServerProcess.start(virtuosoDir, CAP);
        EngineSmokeSuite.remoteStore(registry, virtuoso);
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.store.remote.result-cap", () -> Integer.toString(CAP));
    }

    @AfterAll
    static void stopVirtuoso() {
        virtuoso.close();
    }

    @Test
    void everyFullExportIsCompleteUnderTheCap() throws Exception {
        EngineSmokeSuite.assertExportsComplete(this::get, virtuoso);
    }

    @Test
    void subsetExportsAreTheirGraphsWhole() throws Exception {
        Map<String, Long> engine = EngineSmokeSuite.engineGraphSizes(virtuoso);
        for (String path : List.of("/export/prefecture/13.nq", "/export/function/f2.nq", "/export/area/xxx.nq",
                "/export/worksheet/mhlw-2025-f2-ha.nq")) {
            HttpResponse<byte[]> response = get(path, "*/*");
            assertEquals(200, response.statusCode(), path);
            DatasetGraph dump = DatasetGraphFactory.create();
            RDFParser.source(new ByteArrayInputStream(response.body())).lang(Lang.NQUADS).parse(dump);
            Map<String, Long> actual = new TreeMap<>();
            Map<String, Long> expected = new TreeMap<>();
            dump.listGraphNodes().forEachRemaining(g -> {
                actual.put(g.getURI(), (long) dump.getGraph(g).size());
                expected.put(g.getURI(), engine.get(g.getURI()));
            });
            assertEquals(expected, actual, path + ": each graph whole");
        }
    }

    HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return EngineSmokeSuite.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(180)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
