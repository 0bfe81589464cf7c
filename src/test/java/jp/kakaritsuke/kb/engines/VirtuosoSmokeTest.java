package jp.kakaritsuke.kb.engines;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.kakaritsuke.kb.store.TestEngine;
import jp.kakaritsuke.kb.store.VirtuosoServerProcess;

/**
 * The smoke suite on Virtuoso 7 (Debian's virtuoso-opensource) with Debian's settings (a 10,000-row cap) and the
 * repository's setup script; the application is configured with nothing but the store's address.
 */
class VirtuosoSmokeTest extends EngineSmokeSuite {

    @TempDir
    static Path virtuosoDir;

    static VirtuosoServerProcess virtuoso;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        virtuoso = VirtuosoServerProcess.start(virtuosoDir);
        remoteStore(registry, virtuoso);
    }

    @AfterAll
    static void stopVirtuoso() {
        virtuoso.close();
    }

    @Override
    TestEngine engine() {
        return virtuoso;
    }
}
