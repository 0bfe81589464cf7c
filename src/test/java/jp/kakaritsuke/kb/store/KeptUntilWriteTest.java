package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How long a value computed from the store is kept: until a write, for its key, as long as the answer cache. */
class KeptUntilWriteTest {

    private final TdbKnowledgeStore tdb = TdbKnowledgeStore.inMemory();
    private final CachingKnowledgeStore store = new CachingKnowledgeStore(tdb, 10_000, Duration.ZERO);
    private final AtomicInteger computed = new AtomicInteger();

    @AfterEach
    void close() {
        store.close();
    }

    private String compute(Object key) {
        return key + "#" + computed.incrementAndGet();
    }

    private void write() {
        DatasetGraph graphs = DatasetGraphFactory.create();
        graphs.add(
                NodeFactory.createURI("http://example.org/g"),
                NodeFactory.createURI("http://example.org/s"),
                RDFS.label.asNode(),
                NodeFactory.createLiteralString("v" + computed.get()));
        store.replaceGraphs(graphs);
    }

    @Test
    void aValueIsComputedOnceUntilAWrite() {
        KeptUntilWrite<String> kept = new KeptUntilWrite<>(store);
        assertEquals("x#1", kept.get(() -> compute("x")));
        assertEquals("x#1", kept.get(() -> compute("x")));
        write();
        assertEquals("x#2", kept.get(() -> compute("x")), "a write is seen by the next reader");
        assertEquals("x#2", kept.get(() -> compute("x")));
    }

    @Test
    void aValueBelongsToItsKey() {
        KeptUntilWrite<String> kept = new KeptUntilWrite<>(store);
        assertEquals("a#1", kept.get("a", this::compute));
        assertEquals("b#2", kept.get("b", this::compute));
        assertEquals("b#2", kept.get("b", this::compute));
        assertEquals("a#3", kept.get("a", this::compute), "the last key's value is the one kept");
    }

    @Test
    void theValuesOfSeveralKeysAreKeptUntilAWrite() {
        KeptUntilWrite<String> kept = new KeptUntilWrite<>(store, 10);
        assertEquals("a#1", kept.get("a", this::compute));
        assertEquals("b#2", kept.get("b", this::compute));
        assertEquals("a#1", kept.get("a", this::compute), "a's value is kept beside b's");
        assertEquals("b#2", kept.get("b", this::compute));
        write();
        assertEquals("a#3", kept.get("a", this::compute), "a write empties every key");
        assertEquals("b#4", kept.get("b", this::compute));
    }

    @Test
    void aValueComputedWhileAWriteHappenedIsNotKept() {
        KeptUntilWrite<String> kept = new KeptUntilWrite<>(store);
        assertEquals("x#1", kept.get(() -> {
            String value = compute("x");
            write();
            return value;
        }));
        assertEquals("x#2", kept.get(() -> compute("x")));
        assertEquals("x#2", kept.get(() -> compute("x")));
    }

    @Test
    void withoutTheAnswerCacheEveryCallComputes() {
        KeptUntilWrite<String> kept = new KeptUntilWrite<>(tdb);
        assertEquals("x#1", kept.get(() -> compute("x")));
        assertEquals("x#2", kept.get(() -> compute("x")));
    }

    @Test
    void overARemoteStoreAValueLivesNoLongerThanTheAnswersItIsMadeOf() {
        try (CachingKnowledgeStore remote = new CachingKnowledgeStore(
                new CachingKnowledgeStoreTest.Forwarding(TdbKnowledgeStore.inMemory()) {},
                10_000,
                Duration.ofMillis(200))) {
            AtomicLong clock = new AtomicLong();
            KeptUntilWrite<String> kept = new KeptUntilWrite<>(remote, 1, clock::get);
            assertEquals("x#1", kept.get(() -> compute("x")));
            clock.addAndGet(Duration.ofMillis(199).toNanos());
            assertEquals("x#1", kept.get(() -> compute("x")));
            clock.addAndGet(Duration.ofMillis(2).toNanos());
            assertEquals("x#2", kept.get(() -> compute("x")), "other clients' writes are seen after the time to live");
        }
    }
}
