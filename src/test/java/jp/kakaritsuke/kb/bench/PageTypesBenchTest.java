package jp.kakaritsuke.kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page-type part of the benchmark ({@link NationalScaleBench#pageTypes}) at demo scale, so that the harness keeps
 * working: every page type cold after start, cold after a write, warm and under a few concurrent readers. It prints
 * the figures and asserts only that every page answered 200 and that every figure was produced; the figures
 * themselves are for {@code src/test/scripts/bench.sh} at the realistic scale, not for a test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PageTypesBenchTest {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> work.resolve("db").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void everyPageTypeAnswersAndItsFiguresAreProduced() {
        ResultTable table = new ResultTable("Page types at demo scale", "–");
        int failures =
                NationalScaleBench.pageTypes("demo", "http://localhost:" + port, 4, Duration.ofMillis(300), table);
        System.out.println(table.markdown());
        assertEquals(0, failures, "every page answered 200");
        assertEquals(PageTypes.PAGES.size() * 9, table.rows().size());
        table.rows().forEach(row -> assertFalse(Double.isNaN(row.ours()), row.metric()));
    }
}
