package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-ahead hands on exactly what the store streams, and a failure on either side ends both sides. */
class ReadAheadTest {

    /** More quads than the batches that may wait between reader and writer, so both sides wait on each other. */
    private static final int QUADS = ReadAhead.BATCH * (ReadAhead.BATCHES_IN_FLIGHT + 2) + 17;

    private TdbKnowledgeStore store;

    @BeforeEach
    void fill() {
        store = TdbKnowledgeStore.inMemory();
        DatasetGraph quads = DatasetGraphFactory.createTxnMem();
        Node p = NodeFactory.createURI("https://example.org/p");
        for (int i = 0; i < QUADS; i++) {
            Node graph = NodeFactory.createURI("https://example.org/g/" + (i % 97));
            quads.add(
                    graph,
                    NodeFactory.createURI("https://example.org/s/" + i),
                    p,
                    NodeFactory.createLiteralString("本文 " + i));
        }
        store.replaceGraphs(quads);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theSinkGetsEveryQuadInTheStoresOrderOnTheCallingThread() {
        List<Quad> direct = new ArrayList<>();
        store.forEachQuad(direct::add);
        List<Quad> ahead = new ArrayList<>();
        Thread caller = Thread.currentThread();
        ReadAhead.forEachQuad(store, quad -> {
            assertSame(caller, Thread.currentThread());
            ahead.add(quad);
        });
        assertEquals(QUADS, direct.size());
        assertEquals(direct, ahead);
        assertNoTransactionOpen();
    }

    @Test
    void aSinkThatFailsStopsTheReaderAndItsTransactionEndsBeforeTheCallReturns() {
        AtomicInteger taken = new AtomicInteger();
        IllegalStateException gone = new IllegalStateException("the client went away");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ReadAhead.forEachQuad(store, q -> {
                    if (taken.incrementAndGet() == ReadAhead.BATCH + 5) {
                        throw gone;
                    }
                }));
        assertSame(gone, thrown);
        assertEquals(ReadAhead.BATCH + 5, taken.get());
        assertNoTransactionOpen();
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("read-ahead") && t.isAlive()),
                "no reader left running");
    }

    @Test
    void aReadingFailureReachesTheCallerAfterTheBatchesReadWholeBeforeIt() {
        int readable = ReadAhead.BATCH * 2 + 3;
        IllegalStateException broken = new IllegalStateException("the store's connection broke");
        KnowledgeStore failing = new CachingKnowledgeStoreTest.Forwarding(store) {
            @Override
            public void forEachQuad(Consumer<Quad> sink) {
                AtomicInteger read = new AtomicInteger();
                store.forEachQuad(quad -> {
                    if (read.incrementAndGet() > readable) {
                        throw broken;
                    }
                    sink.accept(quad);
                });
            }
        };
        AtomicInteger written = new AtomicInteger();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class, () -> ReadAhead.forEachQuad(failing, q -> written.incrementAndGet()));
        assertSame(broken, thrown);
        assertEquals(ReadAhead.BATCH * 2, written.get());
        assertNoTransactionOpen();
    }

    private void assertNoTransactionOpen() {
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(store.datasetGraph());
        assertEquals(0, coordinator.countActive(), "transactions left open");
    }
}
