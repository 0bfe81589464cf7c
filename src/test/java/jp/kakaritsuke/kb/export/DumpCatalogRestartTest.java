package jp.kakaritsuke.kb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

/**
 * The dumps' sizes and checksums survive a clean restart of the same build on unchanged files, so that a restart
 * computes nothing; another build computes them again (its dumps may differ byte for byte).
 */
class DumpCatalogRestartTest {

    private static final String BASE = "http://localhost:8080/";

    @TempDir
    Path dir;

    private static ObjectProvider<BuildProperties> build(String time) {
        Properties entries = new Properties();
        entries.setProperty("time", time);
        return new StaticListableBeanFactory(Map.of("build", new BuildProperties(entries)))
                .getBeanProvider(BuildProperties.class);
    }

    /** One run of the application's store and dump figures on the directory; gives what the run ends with. */
    private DumpCatalog.Snapshot run(String buildTime, boolean expectKept, DumpCatalog.Snapshot expected) {
        try (TdbKnowledgeStore tdb = TdbKnowledgeStore.open(dir.resolve("tdb2"))) {
            if (tdb.isEmpty()) {
                new DataLoader(BASE, Path.of("data"), false, false).load(tdb);
            }
            CachingKnowledgeStore store = new CachingKnowledgeStore(tdb, 10_000, Duration.ZERO);
            DumpCatalog dumps = new DumpCatalog(
                    store,
                    new DatasetExporter(store, BASE, Duration.ofSeconds(30)),
                    Duration.ofMinutes(5),
                    build(buildTime));
            try {
                DumpCatalog.Snapshot atOnce = dumps.ifReady();
                assertEquals(expectKept, atOnce.ready(), "figures known at start");
                if (expected != null && expectKept) {
                    assertEquals(expected, atOnce);
                }
                DumpCatalog.Snapshot current = dumps.current();
                if (expected != null) {
                    assertEquals(expected, current);
                }
                return current;
            } finally {
                dumps.stop();
            }
        }
    }

    @Test
    void aCleanRestartOfTheSameBuildKeepsTheFiguresAnotherBuildComputesThem() {
        DumpCatalog.Snapshot first = run("2026-12-04T10:00:00Z", false, null);
        assertTrue(first.ready());
        assertTrue(first.dumps().get(RdfSyntax.TURTLE).byteSize() > 0);
        assertFalse(first.graphSizes().isEmpty());

        run("2026-12-04T10:00:00Z", true, first);
        // Another build: computed again, to the same figures on the same data.
        run("2026-12-04T11:00:00Z", false, first);
    }
}
