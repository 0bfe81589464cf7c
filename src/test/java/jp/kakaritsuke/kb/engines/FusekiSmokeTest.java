package jp.kakaritsuke.kb.engines;

import java.nio.file.Path;
import jp.kakaritsuke.kb.store.FusekiServerProcess;
import jp.kakaritsuke.kb.store.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The smoke suite on a standalone Fuseki (the jena-fuseki-server jar of the Jena release the application uses). */
class FusekiSmokeTest extends EngineSmokeSuite {

    @TempDir
    static Path fusekiDir;

    static FusekiServerProcess fuseki;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        fuseki = FusekiServerProcess.start(fusekiDir);
        remoteStore(registry, fuseki);
    }

    @AfterAll
    static void stopFuseki() {
        fuseki.close();
    }

    @Override
    TestEngine engine() {
        return fuseki;
    }
}
