package jp.kakaritsuke.kb.store;

import static jp.kakaritsuke.kb.store.KnowledgeStoreContract.EX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.lib.TupleLib;
import org.apache.jena.tdb2.loader.main.LoaderMain;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk load's quad indexes, the primary one filled by TDB2's loader and the others sorted and packed from it: each
 * holds the same quads, in its own order, and the database takes writes after the load as after any other.
 */
class PackedIndexesTest {

    /** Every quad index of a TDB2 database: the primary one first. */
    private static final List<String> QUAD_INDEXES = indexes();

    @TempDir
    Path temp;

    @Test
    void everyQuadIndexHoldsTheLoadedQuadsInItsOwnOrder() {
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            shippedData().load(store);
            Set<Quad> loaded = quadsOfEveryIndex(store.datasetGraph());
            List<Quad> streamed = new ArrayList<>();
            store.forEachQuad(streamed::add);
            assertTrue(Set.copyOf(streamed).equals(loaded), "the quads the store streams");
            assertTrue(loaded.size() > 20_000, "the shipped data: " + loaded.size() + " quads");
        }
    }

    @Test
    void writesAfterTheLoadLandBesideThePackedPagesAndSurviveAReopen() {
        Path db = temp.resolve("db");
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db, null)) {
            shippedData().load(store);
        }
        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(Location.create(db));
        Set<Quad> expected = quadsOfEveryIndex(reopened);
        // Enough new nodes and quads to split pages of every index; and some of the loaded quads removed.
        List<Quad> added = new ArrayList<>();
        Node graph = NodeFactory.createURI(EX + "graph/after-the-load");
        for (int i = 0; i < 5_000; i++) {
            added.add(Quad.create(
                    graph,
                    NodeFactory.createURI(EX + "after/" + i),
                    NodeFactory.createURI(EX + "after/p" + (i % 7)),
                    NodeFactory.createLiteralString("after the load " + i)));
        }
        List<Quad> removed = expected.stream().limit(500).toList();
        Txn.executeWrite(reopened, () -> {
            added.forEach(reopened::add);
            removed.forEach(reopened::delete);
        });
        expected.addAll(added);
        removed.forEach(expected::remove);
        assertTrue(expected.equals(quadsOfEveryIndex(reopened)), "the quads after the write");
        TDBInternal.expel(reopened);

        DatasetGraph again = DatabaseMgr.connectDatasetGraph(Location.create(db));
        try {
            assertTrue(expected.equals(quadsOfEveryIndex(again)), "the quads after a reopen");
        } finally {
            TDBInternal.expel(again);
        }
    }

    @Test
    void withTooLittleHeapToSortTheIndexesAreFilledQuadByQuadAlike() {
        List<Quad> shipped = new ArrayList<>();
        try (TdbKnowledgeStore files = TdbKnowledgeStore.inMemory()) {
            shippedData().load(files);
            files.forEachQuad(shipped::add);
        }
        DatasetGraph sorted = afterTheDataPhase(shipped);
        DatasetGraph inserted = afterTheDataPhase(shipped);
        try {
            PackedIndexes.build(sorted, () -> Long.MAX_VALUE);
            PackedIndexes.build(inserted, () -> 0L);
            Set<Quad> quads = quadsOfEveryIndex(sorted);
            assertTrue(quads.equals(Set.copyOf(shipped)), "every quad loaded, once");
            assertTrue(quads.equals(quadsOfEveryIndex(inserted)), "the same quads either way");
        } finally {
            TDBInternal.expel(sorted);
            TDBInternal.expel(inserted);
        }
    }

    @Test
    void aLoadStoppedBeforeItsIndexesWereBuiltIsRefusedAtTheNextStart() throws IOException {
        Path db = temp.resolve("db");
        List<Quad> quads = List.of(Quad.create(
                NodeFactory.createURI(EX + "graph/g"),
                NodeFactory.createURI(EX + "id/s"),
                NodeFactory.createURI(EX + "id/p"),
                NodeFactory.createLiteralString("o")));
        // As a bulk load leaves the store when the process stops after the data phase: the primary indexes filled,
        // the others empty, the mark still there.
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(db));
        Files.writeString(db.resolve(TdbKnowledgeStore.BULK_LOAD_MARK), "2026-12-06T12:24:36Z\n");
        LoaderMain loader = new LoaderMain(PackedIndexes.DATA_PHASE, dsg, (format, args) -> {});
        loader.startBulk();
        quads.forEach(loader.stream()::quad);
        loader.finishBulk();
        TDBInternal.expel(dsg);

        DataLoadException e = assertThrows(DataLoadException.class, () -> TdbKnowledgeStore.open(db));
        assertTrue(e.getMessage().contains("began at 2026-12-06T12:24:36Z never completed"), e.getMessage());
    }

    /** The shipped data without the regional evidence: some 30,000 quads, each index a few hundred pages. */
    private static DataLoader shippedData() {
        return new DataLoader(EX, Path.of("data"), true, false);
    }

    /** An in-memory TDB2 database after the data phase of a bulk load of {@code quads}, as a bulk load leaves it. */
    private static DatasetGraph afterTheDataPhase(List<Quad> quads) {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        LoaderMain loader = new LoaderMain(PackedIndexes.DATA_PHASE, dsg, (format, args) -> {});
        loader.startBulk();
        quads.forEach(loader.stream()::quad);
        loader.finishBulk();
        return dsg;
    }

    /**
     * The quads of the database, after checking that every quad index holds exactly them, each in ascending order of
     * its own keys.
     */
    private static Set<Quad> quadsOfEveryIndex(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            NodeTable nodes = TDBInternal.getDatasetGraphTDB(dsg)
                    .getQuadTable()
                    .getNodeTupleTable()
                    .getNodeTable();
            Set<Quad> first = null;
            for (String name : QUAD_INDEXES) {
                TupleIndex index = TDBInternal.findIndex(dsg, name);
                BPlusTree tree = (BPlusTree) ((TupleIndexRecord) index.baseTupleIndex()).getRangeIndex();
                Record previous = null;
                long count = 0;
                for (Iterator<Record> records = tree.iterator(); records.hasNext(); count++) {
                    Record record = records.next();
                    if (previous != null) {
                        assertTrue(Record.compareByKeyValue(previous, record) < 0, name + " out of order at " + count);
                    }
                    previous = record;
                }
                Set<Quad> held = new HashSet<>();
                TupleLib.convertToQuads(nodes, index.all()).forEachRemaining(held::add);
                assertEquals(count, held.size(), name + ": one record per quad");
                if (first == null) {
                    first = held;
                } else {
                    Set<Quad> missing = new HashSet<>(first);
                    missing.removeAll(held);
                    Set<Quad> extra = new HashSet<>(held);
                    extra.removeAll(first);
                    assertTrue(
                            missing.isEmpty() && extra.isEmpty(),
                            name + " against " + QUAD_INDEXES.get(0) + ": " + missing.size() + " quads missing, "
                                    + extra.size() + " extra");
                }
            }
            return first;
        });
    }

    private static List<String> indexes() {
        List<String> names = new ArrayList<>();
        names.add(PackedIndexes.DATA_PHASE.primaryLoad4()[0]);
        names.addAll(PackedIndexes.SECONDARY);
        return List.copyOf(names);
    }
}
