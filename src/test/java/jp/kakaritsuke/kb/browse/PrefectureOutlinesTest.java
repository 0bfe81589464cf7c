package jp.kakaritsuke.kb.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.junit.jupiter.api.Test;

class PrefectureOutlinesTest {

    @Test
    void theCountryMapIsDrawnFromTheShippedOutlinesBeforeAnyPageAsksForIt() throws InterruptedException {
        PrefectureOutlines outlines = new PrefectureOutlines(new StoreProperties(
                "http://localhost:8080/",
                new StoreProperties.Data(Path.of("data"), false, false),
                new StoreProperties.Store(StoreProperties.Kind.TDB2, new StoreProperties.Tdb2(Path.of("unused")), null),
                new StoreProperties.Query(Duration.ofSeconds(10))));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!outlines.drawn() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(outlines.drawn()).isTrue();
        PrefectureOutlines.CountryMap country = outlines.country();
        assertThat(country.outlines()).hasSize(47).containsKeys("01", "13", "47");
        assertThat(country.omitted()).contains("13");
    }
}
