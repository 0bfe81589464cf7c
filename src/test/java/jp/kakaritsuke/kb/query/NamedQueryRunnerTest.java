package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NamedQueryRunnerTest {

    private final TdbKnowledgeStore store = TdbKnowledgeStore.inMemory();
    private final NamedQueryRunner runner =
            new NamedQueryRunner(new NamedQueryCatalog(), store, Duration.ofSeconds(10), QueryFixtures.BASE);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void unknownQueryAndBadValuesAreTypedErrorsBeforeAnythingRuns() {
        assertThatThrownBy(() -> runner.select("no-such-query", Map.of()))
                .isInstanceOf(NamedQueryNotFoundException.class);
        assertThatThrownBy(() -> runner.select("measures-for-cause", Map.of("cause", "http://a b")))
                .isInstanceOf(BadParameterException.class)
                .satisfies(
                        e -> assertThat(((BadParameterException) e).parameter()).isEqualTo("cause"));
    }

    @Test
    void selectAndConstructAreNotInterchangeable() {
        assertThatThrownBy(() -> runner.construct("worksheet-list", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SELECT");
        assertThatThrownBy(() -> runner.select("worksheet-chain", Map.of("worksheet", "id/worksheet/x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONSTRUCT");
    }

    @Test
    void anEmptyStoreAnswersWithNoRows() {
        assertThat(runner.select("worksheet-list", Map.of()).size()).isZero();
        assertThat(runner.construct("worksheet-chain", Map.of("worksheet", "id/worksheet/x"))
                        .isEmpty())
                .isTrue();
    }
}
