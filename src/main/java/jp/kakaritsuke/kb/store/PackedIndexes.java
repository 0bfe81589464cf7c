package jp.kakaritsuke.kb.store;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a bulk load into an empty TDB2 database: the quad table's secondary indexes, each built from the
 * primary index by sorting its records into the index's order and writing the B+tree bottom up, full page after full
 * page, with Jena's {@link BPlusTreeRewriter} (as Jena's {@code tdb2.xloader} builds its indexes). The phased loader
 * inserts tuple by tuple instead, splitting pages all over each index: on two processors that was most of a load's
 * time.
 *
 * <p>The data phase is the phased loader's own ({@link #DATA_PHASE}): parsing, the node table and the primary indexes
 * on threads of their own, then the triple table's secondary indexes. What it leaves empty — the quad table's
 * secondary indexes — is built here.
 */
final class PackedIndexes {

    private static final Logger log = LoggerFactory.getLogger(PackedIndexes.class);

    private static final LoaderPlan PHASED = LoaderPlans.loaderPlanPhased;

    /** The phased loader's plan ({@code tdb2.tdbloader}'s default) without the quad indexes this class builds. */
    static final LoaderPlan DATA_PHASE = new LoaderPlan(
            PHASED.dataInputType(),
            PHASED.primaryLoad3(),
            PHASED.primaryLoad4(),
            PHASED.secondaryIndex3(),
            new String[0][]);

    /** The primary quad index, whose order the others are sorted from. */
    private static final String PRIMARY = PHASED.primaryLoad4()[0];

    /** The quad indexes the phased loader builds after its data phase, in its order. */
    static final List<String> SECONDARY =
            Stream.of(PHASED.secondaryIndex4()).flatMap(Stream::of).toList();

    private PackedIndexes() {}

    /**
     * Builds the secondary quad indexes of {@code tdb2} from its primary one, holding every other transaction off
     * meanwhile. The secondary indexes must be empty (a bulk load into an empty database, {@link #DATA_PHASE} just
     * finished). Between the end of the data phase, which lets other transactions in again, and this, a reader of the
     * store could see the primary index without the others: the store must not be in use yet (the first start loads
     * before it serves; the generator's {@code --into-store} runs alone).
     */
    static void build(DatasetGraph tdb2) {
        build(tdb2, PackedIndexes::freeHeap);
    }

    /**
     * As {@link #build(DatasetGraph)}, sorting an index only if {@code memory} says there is heap enough for its
     * records ({@value #BYTES_PER_RECORD} bytes a quad); any other index is filled quad by quad.
     */
    static void build(DatasetGraph tdb2, LongSupplier memory) {
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb2);
        long started = System.nanoTime();
        storage.getTxnSystem().getTxnMgr().startExclusiveMode();
        try {
            TupleIndex source = TDBInternal.findIndex(tdb2, PRIMARY);
            Keys primary;
            try {
                primary = read(source);
            } catch (OutOfMemoryError e) {
                primary = null;
            }
            for (String name : SECONDARY) {
                TupleIndex index = TDBInternal.findIndex(tdb2, name);
                if (primary == null || (long) primary.count() * BYTES_PER_RECORD > memory.getAsLong()) {
                    log.warn(
                            "Not enough heap to sort {} quads for the index {}; inserting them one by one",
                            primary == null ? "the" : primary.count(),
                            name);
                    insert(index, source);
                    continue;
                }
                try {
                    pack(index, primary);
                } catch (OutOfMemoryError e) {
                    // The estimate was short. The index is still empty (its tree is written only after the sort):
                    // insert quad by quad as the phased loader does.
                    log.warn(
                            "Ran out of heap sorting {} quads for the index {}; inserting them one by one",
                            primary.count(),
                            name);
                    insert(index, source);
                }
            }
            log.info(
                    "Built the indexes {} from {}: {} ms",
                    SECONDARY,
                    PRIMARY,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            storage.getTxnSystem().getTxnMgr().finishExclusiveMode();
        }
    }

    /** Whether any index of the triple or quad table of {@code tdb2} holds a record. */
    static boolean anyIndexHolds(DatasetGraph tdb2) {
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb2);
        return Txn.calculateRead(
                tdb2,
                () -> Stream.concat(
                                Stream.of(storage.getTripleTable()
                                        .getNodeTupleTable()
                                        .getTupleTable()
                                        .getIndexes()),
                                Stream.of(storage.getQuadTable()
                                        .getNodeTupleTable()
                                        .getTupleTable()
                                        .getIndexes()))
                        .anyMatch(index -> !index.isEmpty()));
    }

    /** The heap one index's sort takes per quad: a record, its key, its slot in the array and the sort's buffer. */
    static final int BYTES_PER_RECORD = 88;

    /**
     * The heap this JVM may still take: its maximum less what its heap pools held after their last collection
     * (garbage not yet collected does not count; should that be too hopeful, running out while sorting is caught).
     */
    private static long freeHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                live += afterCollection.getUsed();
            }
        }
        return Runtime.getRuntime().maxMemory() - live;
    }

    /** The keys of an index, in its order, one after the other in one array. */
    private record Keys(byte[] bytes, int length, int count) {

        byte[] key(int i, int[] slots, int slotLength) {
            byte[] key = new byte[length];
            int from = i * length;
            for (int slot = 0; slot < slots.length; slot++) {
                System.arraycopy(bytes, from + slots[slot] * slotLength, key, slot * slotLength, slotLength);
            }
            return key;
        }
    }

    /** The keys of {@code index}, or null if they are more than one array holds (some 67 million quads). */
    private static Keys read(TupleIndex index) {
        BPlusTree tree = tree(index);
        int length = tree.getRecordFactory().keyLength();
        return reading(index, () -> {
            byte[] bytes = new byte[length * 1024];
            int count = 0;
            for (Iterator<Record> records = tree.iterator(); records.hasNext(); count++) {
                if ((count + 1) * (long) length > bytes.length) {
                    long grown = Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 8);
                    if (grown < (count + 1) * (long) length) {
                        return null;
                    }
                    bytes = Arrays.copyOf(bytes, (int) grown);
                }
                System.arraycopy(records.next().getKey(), 0, bytes, count * length, length);
            }
            return new Keys(bytes, length, count);
        });
    }

    /** Fills the empty index with the primary's keys, reordered to its column order, sorted and packed. */
    private static void pack(TupleIndex index, Keys primary) {
        String name = index.getName();
        int[] slots = new int[name.length()];
        for (int slot = 0; slot < slots.length; slot++) {
            slots[slot] = PRIMARY.indexOf(name.charAt(slot));
        }
        int slotLength = SystemTDB.SizeOfNodeId;
        BPlusTree tree = tree(index);
        RecordFactory factory = tree.getRecordFactory();
        Record[] records = new Record[primary.count()];
        for (int i = 0; i < records.length; i++) {
            records[i] = factory.create(primary.key(i, slots, slotLength));
        }
        Arrays.parallelSort(records, Record::compareByKeyValue);
        CoLib.executeWrite(
                index,
                () -> BPlusTreeRewriter.packIntoBPlusTree(
                        Arrays.asList(records).iterator(),
                        tree.getParams(),
                        factory,
                        tree.getStateManager().getBufferChannel(),
                        tree.getNodeManager().getBlockMgr(),
                        tree.getRecordsMgr().getBlockMgr()));
    }

    /** Fills the empty index with the primary's tuples one by one (what the phased loader does). */
    private static void insert(TupleIndex index, TupleIndex primary) {
        reading(primary, () -> {
            CoLib.executeWrite(index, () -> primary.all().forEachRemaining(index::add));
            return null;
        });
    }

    /**
     * Runs {@code action} in a read transaction on {@code index} alone (the dataset's own transactions are held off
     * meanwhile), as TDB2's loader reads an index it builds others from.
     */
    private static <T> T reading(TupleIndex index, Supplier<T> action) {
        TransactionCoordinator coordinator = CoLib.newCoordinator();
        CoLib.add(coordinator, index);
        CoLib.start(coordinator);
        Transaction read = coordinator.begin(TxnType.READ);
        try {
            return action.get();
        } finally {
            read.end();
        }
    }

    private static BPlusTree tree(TupleIndex index) {
        if (index.baseTupleIndex() instanceof TupleIndexRecord record
                && record.getRangeIndex() instanceof BPlusTree tree) {
            return tree;
        }
        throw new IllegalStateException("TDB2 index " + index.getName() + " is not a B+tree");
    }
}
