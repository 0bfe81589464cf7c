package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.vocabulary.RDF;
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

    @Test
    void severalValuesOfOneParameterAreAnsweredInOneQuery() {
        DatasetGraph data = DatasetGraphFactory.create();
        Node graph = NodeFactory.createURI(QueryFixtures.BASE + "graph/areas");
        Node tokyo = NodeFactory.createURI(QueryFixtures.BASE + "id/area/pref/13");
        Node osaka = NodeFactory.createURI(QueryFixtures.BASE + "id/area/pref/27");
        Node ward = NodeFactory.createURI(QueryFixtures.BASE + "id/area/muni/27128");
        for (Node area : List.of(tokyo, osaka, ward)) {
            data.add(graph, area, RDF.type.asNode(), KK.Area.asNode());
        }
        store.replaceGraphs(data);

        List<Node> typed = new ArrayList<>();
        runner.selectEach("authoring/types-of-resources", "resource", List.of(tokyo, ward))
                .forEachRemaining(row -> typed.add(row.get("resource").asNode()));
        assertThat(typed).containsExactlyInAnyOrder(tokyo, ward);

        assertThatThrownBy(() -> runner.selectEach("authoring/types-of-resources", "area", List.of(tokyo)))
                .isInstanceOf(BadParameterException.class);
    }

    @Test
    void aQuestionAskedAheadIsAnsweredOnceAndThePagesOwnAskFindsItHeld() throws Exception {
        DatasetGraph data = DatasetGraphFactory.create();
        Node graph = NodeFactory.createURI(QueryFixtures.BASE + "graph/areas");
        for (String code : List.of("13", "27")) {
            Node prefecture = NodeFactory.createURI(QueryFixtures.BASE + "id/area/pref/" + code);
            data.add(graph, prefecture, RDF.type.asNode(), KK.Prefecture.asNode());
            data.add(graph, prefecture, KK.prefectureCode.asNode(), NodeFactory.createLiteralString(code));
        }
        store.replaceGraphs(data);
        ResultSetRewindable uncached = runner.select("prefectures", Map.of());
        assertThat(uncached.size()).isEqualTo(2);
        // Closed by close() below with the store it wraps.
        CachingKnowledgeStore cached = new CachingKnowledgeStore(store, 10_000, Duration.ZERO);
        try (NamedQueryRunner ahead =
                new NamedQueryRunner(new NamedQueryCatalog(), cached, Duration.ofSeconds(10), QueryFixtures.BASE)) {
            ahead.prefetch("prefectures", Map.of()).get(10, TimeUnit.SECONDS);
            ResultSetRewindable asked = ahead.select("prefectures", Map.of());
            CachingKnowledgeStore.Stats stats = cached.stats();
            assertThat(stats.misses()).isEqualTo(1);
            assertThat(stats.hits()).isEqualTo(1);
            uncached.reset();
            assertThat(ResultSetCompare.equalsByTerm(asked, uncached)).isTrue();
            // Held now: asking ahead again asks nothing, not even the cache.
            ahead.prefetch("prefectures", Map.of()).get(10, TimeUnit.SECONDS);
            assertThat(cached.stats().hits()).isEqualTo(1);
            assertThat(cached.stats().misses()).isEqualTo(1);
        }
    }

    @Test
    void askingAheadChecksTheQueryAndItsValuesAtOnce() {
        assertThatThrownBy(() -> runner.prefetch("no-such-query", Map.of()))
                .isInstanceOf(NamedQueryNotFoundException.class);
        assertThatThrownBy(() -> runner.prefetch("measures-for-cause", Map.of("cause", "http://a b")))
                .isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> runner.prefetch("worksheet-chain", Map.of("worksheet", "id/worksheet/x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONSTRUCT");
    }
}
