package jp.kakaritsuke.kb.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.junit.jupiter.api.Test;

class PrefectureOutlinesTest {

    @Test
    void theCountryMapIsDrawnFromTheShippedOutlinesBeforeAnyPageAsksForIt() throws Exception {
        PrefectureOutlines outlines = new PrefectureOutlines(new StoreProperties(
                "http://localhost:8080/",
                new StoreProperties.Data(Path.of("data"), false, false),
                new StoreProperties.Store(StoreProperties.Kind.TDB2, new StoreProperties.Tdb2(Path.of("unused")), null),
                new StoreProperties.Query(Duration.ofSeconds(10))));
        outlines.drawingAtStart().get(60, TimeUnit.SECONDS);
        assertThat(outlines.drawn()).isTrue();
        PrefectureOutlines.CountryMap country = outlines.country();
        assertThat(country.outlines()).hasSize(47).containsKeys("01", "13", "47");
        assertThat(country.omitted()).contains("13");
    }
}
