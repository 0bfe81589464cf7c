package jp.kakaritsuke.kb.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.main.LoaderMain;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: an Apache Jena TDB2 dataset in a directory, or in memory for tests.
 *
 * <p>Every read runs in a read transaction and hands back a copy, so nothing returned refers to the database after
 * the transaction ends. Queries and the WHERE part of updates see the union of the named graphs as the default graph.
 */
public final class TdbKnowledgeStore implements KnowledgeStore {

    private static final Logger log = LoggerFactory.getLogger(TdbKnowledgeStore.class);
    /** How long closing waits for transactions still running to end. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** The TDB2 dataset itself, released on close. */
    private final DatasetGraph tdb2;
    /** What every operation goes through: the TDB2 dataset, or its decoration (such as the text index). */
    private final DatasetGraph dsg;

    private final Dataset dataset;
    private final DatasetDecorator decorator;
    private final String description;
    /** The TDB2 directory, or null in memory. */
    private final Path location;

    private final boolean persistent;
    /** What the last clean close recorded, if the files are still as it left them ({@link CloseRecord}). */
    private volatile Map<String, String> fromLastRun;
    /** What the next clean close records, asked for then. */
    private final Map<String, Supplier<String>> forNextRun = new ConcurrentHashMap<>();

    private TdbKnowledgeStore(
            DatasetGraph tdb2,
            Path location,
            DatasetDecorator decorator,
            String description,
            Optional<Map<String, String>> lastRun) {
        this.tdb2 = tdb2;
        this.decorator = decorator;
        this.location = location;
        boolean inStep = lastRun.map(r -> inStepMark(decorator).equals(r.get(DECORATION_IN_STEP)))
                .orElse(false);
        // What the last run kept may hang on the decoration (the answers of text searches): with the decoration not
        // in step, it is checked and perhaps rebuilt below, and nothing of the last run is trusted.
        this.fromLastRun = inStep ? lastRun.orElse(Map.of()) : Map.of();
        this.dsg = decorator == null ? tdb2 : decorator.decorate(tdb2, location, inStep);
        this.dataset = DatasetFactory.wrap(dsg);
        this.description = description;
        this.persistent = location != null;
    }

    /** The entry of the close record saying the decoration (the text index) was in step with the store. */
    private static final String DECORATION_IN_STEP = "store.decoration-in-step";

    /** What the close record says of a decoration in step: its {@link DatasetDecorator#definition} included. */
    private static String inStepMark(DatasetDecorator decorator) {
        return decorator == null ? "true" : "true " + decorator.definition();
    }

    /** Opens (creating if needed) the TDB2 database in {@code directory}. */
    public static TdbKnowledgeStore open(Path directory) {
        return open(directory, null);
    }

    /**
     * Opens (creating if needed) the TDB2 database in {@code directory}, working through the dataset that
     * {@code decorator} wraps around it (none when null).
     */
    public static TdbKnowledgeStore open(Path directory, DatasetDecorator decorator) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the TDB2 directory " + directory, e);
        }
        // Read before TDB2 opens the files: what the last clean close recorded, if they are as it left them.
        Optional<Map<String, String>> lastRun = CloseRecord.take(directory, directories(directory, decorator));
        DatasetGraph tdb2 = DatabaseMgr.connectDatasetGraph(Location.create(directory.toAbsolutePath()));
        try {
            checkNoBulkLoadLeft(directory, tdb2, directories(directory, decorator));
            return new TdbKnowledgeStore(tdb2, directory, decorator, "TDB2 at " + directory, lastRun);
        } catch (RuntimeException e) {
            TDBInternal.expel(tdb2);
            throw e;
        }
    }

    /**
     * The file beside the TDB2 files while a bulk load writes into them ({@link #bulkLoad}): the time the load began.
     * Found at open, it means that load never completed — the process stopped or failed during it.
     */
    static final String BULK_LOAD_MARK = "kb-bulk-load-incomplete";

    /**
     * Refuses a store that an interrupted bulk load left part-written (its indexes may disagree), naming what to
     * delete; a mark left by a load that wrote nothing is removed.
     */
    private static void checkNoBulkLoadLeft(Path directory, DatasetGraph tdb2, List<Path> directories) {
        Path mark = directory.resolve(BULK_LOAD_MARK);
        if (!Files.exists(mark)) {
            return;
        }
        // Every index asked: stopped half-way, a load may have filled the primary indexes and not the others.
        if (!PackedIndexes.anyIndexHolds(tdb2)) {
            deleteMark(mark);
            return;
        }
        String began;
        try {
            began = Files.readString(mark).strip();
        } catch (IOException e) {
            began = "an unknown time";
        }
        String delete = directories.stream().map(Path::toString).collect(Collectors.joining(" and "));
        throw new DataLoadException(
                "The bulk load into " + directory + " that began at " + began + " never completed (the process stopped "
                        + "or failed during it; see " + mark + "): the store holds part of that load and nothing else, "
                        + "and its indexes may disagree.",
                "Delete " + delete + " and start again: the load then runs anew from its files.",
                null);
    }

    private static void deleteMark(Path mark) {
        try {
            Files.deleteIfExists(mark);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + mark, e);
        }
    }

    /** A fresh, empty TDB2 database held in memory; it vanishes when closed. */
    public static TdbKnowledgeStore inMemory() {
        return inMemory(null);
    }

    /** A fresh, empty in-memory TDB2 database, worked through the dataset {@code decorator} wraps around it. */
    public static TdbKnowledgeStore inMemory(DatasetDecorator decorator) {
        return new TdbKnowledgeStore(
                DatabaseMgr.createDatasetGraph(), null, decorator, "TDB2 in memory", Optional.empty());
    }

    /** The TDB2 directory and the directories its decoration keeps beside it: what the close record covers. */
    private static List<Path> directories(Path directory, DatasetDecorator decorator) {
        List<Path> directories = new ArrayList<>();
        directories.add(directory);
        if (decorator != null) {
            directories.addAll(decorator.directories(directory));
        }
        return directories;
    }

    /** The TDB2 directory; empty for a store in memory. */
    public Optional<Path> directory() {
        return Optional.ofNullable(location);
    }

    /**
     * A value that a component recorded for the next run ({@link #keepForNextRun}) when the application last closed
     * this store cleanly, if the store's files are still as that close left them and nothing has been written since;
     * empty otherwise (in memory, after a crash, after anything else wrote to the files, after a write of this run).
     */
    public Optional<String> fromLastRun(String key) {
        return Optional.ofNullable(fromLastRun.get(key));
    }

    /**
     * Records the value {@code value} gives (none when it gives null) when the store closes cleanly, for
     * {@link #fromLastRun} of the next run on the same files. For what holds of the data as it is when it closes.
     */
    public void keepForNextRun(String key, Supplier<String> value) {
        forNextRun.put(key, value);
    }

    /**
     * The dataset every operation of this store goes through (with the text index, when one is configured), for
     * components that need Jena's dataset itself, such as the SPARQL protocol endpoint. Writes made through it reach
     * the text index too; queries need {@code TDB2.symUnionDefaultGraph} set to see the union default graph.
     */
    public DatasetGraph datasetGraph() {
        return dsg;
    }

    @Override
    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
        requireForm(query.isSelectType(), query, "SELECT");
        return read(() -> {
            try (QueryExecution exec = execution(query, bindings, timeout)) {
                return ResultSetFactory.copyResults(exec.execSelect());
            }
        });
    }

    @Override
    public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
        requireForm(query.isAskType(), query, "ASK");
        return read(() -> {
            try (QueryExecution exec = execution(query, bindings, timeout)) {
                return exec.execAsk();
            }
        });
    }

    @Override
    public Model construct(Query query, QuerySolution bindings, Duration timeout) {
        requireForm(query.isConstructType() || query.isDescribeType(), query, "CONSTRUCT or DESCRIBE");
        return read(() -> {
            try (QueryExecution exec = execution(query, bindings, timeout)) {
                Model result = ModelFactory.createDefaultModel();
                result.add(query.isConstructType() ? exec.execConstruct() : exec.execDescribe());
                return result;
            }
        });
    }

    private QueryExecution execution(Query query, QuerySolution bindings, Duration timeout) {
        QueryExecutionDatasetBuilder builder = QueryExecution.create()
                .query(query)
                .dataset(dataset)
                .set(TDB2.symUnionDefaultGraph, true)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (bindings != null) {
            builder.substitution(bindings);
        }
        return builder.build();
    }

    private static void requireForm(boolean matches, Query query, String expected) {
        if (!matches) {
            throw new IllegalArgumentException("Expected a " + expected + " query, got " + query.queryType());
        }
    }

    @Override
    public Set<String> graphNames() {
        return read(() -> {
            Set<String> names = new TreeSet<>();
            for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node node = it.next();
                if (node.isURI()) {
                    names.add(node.getURI());
                }
            }
            return names;
        });
    }

    /** Whether the named graph holds any triple: a look-up, where {@link #graphNames} lists every graph. */
    public boolean containsGraph(String graphName) {
        return read(() -> dsg.containsGraph(NodeFactory.createURI(graphName)));
    }

    /** The names of the graphs holding a triple with {@code predicate}, by the store's predicate-first index. */
    public Set<String> graphsUsing(Node predicate) {
        return read(() -> {
            Set<String> names = new TreeSet<>();
            dsg.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(q -> {
                if (q.getGraph().isURI()) {
                    names.add(q.getGraph().getURI());
                }
            });
            return names;
        });
    }

    @Override
    public Graph graph(String graphName) {
        Node name = NodeFactory.createURI(graphName);
        return read(() -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(name).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @Override
    public void replaceGraphs(DatasetGraph changes) {
        requireNamedGraphsOnly(changes);
        write(() -> changes.listGraphNodes().forEachRemaining(name -> {
            dsg.removeGraph(name);
            changes.getGraph(name)
                    .find()
                    .forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        }));
    }

    /** Writes go to named graphs only: triples in the default graph would be invisible to the union default graph. */
    static void requireNamedGraphsOnly(DatasetGraph changes) {
        if (!changes.getDefaultGraph().isEmpty()) {
            throw new IllegalArgumentException(
                    "The store keeps data in named graphs only, but the changes have triples in the default graph");
        }
    }

    @Override
    public void deleteGraph(String graphName) {
        Node name = NodeFactory.createURI(graphName);
        write(() -> dsg.removeGraph(name));
    }

    @Override
    public void update(UpdateRequest update) {
        write(() -> UpdateExecution.dataset(dataset)
                .update(update)
                .set(TDB2.symUnionDefaultGraph, true)
                .execute());
    }

    @Override
    public void forEachQuad(Consumer<Quad> sink) {
        read(() -> {
            dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink);
            return null;
        });
    }

    /**
     * Runs {@code action} in a read transaction of its own that ends on every path: normal return, exception, error,
     * query timeout or cancellation. Unlike {@code Txn.calculateRead}, it never joins a transaction that seems to be
     * open on the calling thread (see {@link #clearLeftover}), and it ends a read by {@code end()} alone: aborting a
     * TDB2 read transaction whose query was cancelled by its timeout fails inside TDB2 (Jena 5.6), and
     * {@code Txn}'s clean-up then skips {@code end()}, leaving the worker thread in a half-ended transaction that
     * breaks every later request it serves and blocks shutdown.
     */
    private <T> T read(Supplier<T> action) {
        clearLeftover();
        dsg.begin(TxnType.READ);
        try {
            return action.get();
        } finally {
            try {
                dsg.end();
            } finally {
                clearLeftover();
            }
        }
    }

    /** Runs {@code action} in a write transaction of its own, committed on success and aborted on every other path. */
    private void write(Runnable action) {
        // The last run's record no longer describes the data (a start-up load writing before components read it).
        fromLastRun = Map.of();
        clearLeftover();
        dsg.begin(TxnType.WRITE);
        try {
            action.run();
            dsg.commit();
        } catch (RuntimeException | Error e) {
            try {
                dsg.abort();
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        } finally {
            try {
                dsg.end();
            } finally {
                clearLeftover();
            }
        }
    }

    /**
     * Makes sure the calling thread is in no transaction, neither of the text index's wrapper nor of TDB2 below it.
     * The two keep their state in separate thread-locals; if they ever disagree (a wrapper that believes it is in a
     * transaction TDB2 already ended, or the reverse), every later operation on that thread would fail or read
     * through a stale transaction. The store never nests its own operations, so anything found here is a leftover:
     * it is ended and logged.
     */
    private void clearLeftover() {
        boolean outer = dsg.isInTransaction();
        boolean inner = dsg != tdb2 && tdb2.isInTransaction();
        if (!outer && !inner) {
            return;
        }
        log.warn(
                "A transaction was left open on thread {} (wrapper: {}, TDB2: {}); ending it",
                Thread.currentThread().getName(),
                outer,
                inner);
        if (outer) {
            endQuietly(dsg);
        }
        if (dsg != tdb2 && tdb2.isInTransaction()) {
            endQuietly(tdb2);
        }
    }

    private static void endQuietly(DatasetGraph transactional) {
        try {
            transactional.end();
        } catch (RuntimeException e) {
            log.debug("end of a leftover transaction", e);
        }
        if (transactional.isInTransaction()) {
            try {
                transactional.abort();
                transactional.end();
            } catch (RuntimeException e) {
                log.debug("abort of a leftover transaction", e);
            }
        }
    }

    /** True when the database holds no quad at all (a first start). */
    public boolean isEmpty() {
        return Txn.calculateRead(
                tdb2, () -> !tdb2.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).hasNext());
    }

    /**
     * Loads the quads {@code source} sends into this store, which must be empty, with the data phase of TDB2's phased
     * bulk loader (what {@code tdb2.tdbloader} runs by default), every other transaction held off: if {@code source}
     * throws, nothing is written. The quad indexes other than the primary are then sorted and packed from it
     * ({@link PackedIndexes}) rather than inserted into tuple by tuple. A decoration of the store (the full-text
     * index) gets every quad in the same pass.
     */
    public void bulkLoad(Consumer<StreamRDF> source) {
        fromLastRun = Map.of();
        DatasetDecorator.BulkSink sink = decorator == null ? null : decorator.bulkSink(dsg);
        Path mark = persistent ? location.resolve(BULK_LOAD_MARK) : null;
        if (mark != null) {
            try {
                Files.writeString(mark, Instant.now() + System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + mark, e);
            }
        }
        LoaderMain loader = new LoaderMain(PackedIndexes.DATA_PHASE, tdb2, (format, args) -> {});
        loader.startBulk();
        CompletableFuture<Void> sinkDone = null;
        boolean handedOver = false;
        boolean dataPhaseDone = false;
        try {
            StreamRDF stream = loader.stream();
            source.accept(
                    sink == null
                            ? stream
                            : new StreamRDFWrapper(stream) {
                                @Override
                                public void quad(Quad quad) {
                                    sink.quad(quad);
                                    super.quad(quad);
                                }

                                @Override
                                public void triple(Triple triple) {
                                    quad(Quad.create(Quad.defaultGraphIRI, triple));
                                }
                            });
            handedOver = true;
            // Every quad is handed over: the sink completes its part while TDB2 builds its indexes.
            sinkDone = sink == null ? null : CompletableFuture.runAsync(sink::finish, BULK_SINK_THREAD);
            loader.finishBulk();
            dataPhaseDone = true;
            PackedIndexes.build(tdb2);
        } catch (RuntimeException e) {
            if (!dataPhaseDone) {
                loader.finishException(e);
            }
            if (!handedOver && mark != null) {
                // The source failed (a broken file) before the loader committed anything: the store is as empty as
                // it was. After that, the mark stays; the next open removes it if every index is still empty.
                deleteMark(mark);
            }
            if (sink != null) {
                if (sinkDone != null) {
                    // Its outcome no longer matters: abort undoes it either way.
                    sinkDone.exceptionally(failure -> null).join();
                }
                sink.abort();
            }
            if (dataPhaseDone) {
                throw new DataLoadException(
                        "Building the indexes of " + description + " after its bulk load failed: " + e.getMessage(),
                        "The store is incomplete and will not open again as it is: the next start names the "
                                + "directories to delete before the load can run anew.",
                        e);
            }
            throw e;
        }
        if (mark != null) {
            deleteMark(mark);
        }
        if (sinkDone != null) {
            try {
                sinkDone.join();
            } catch (CompletionException e) {
                // The store is loaded; the sink failed (the decoration stays out of step, the next start checks it).
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Runs a bulk sink's {@link DatasetDecorator.BulkSink#finish} beside the loader's own last phases. */
    private static final Executor BULK_SINK_THREAD = task -> {
        Thread thread = new Thread(task, "bulk-load-sink");
        thread.setDaemon(true);
        thread.start();
    };

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        Map<String, String> record = new TreeMap<>();
        if (persistent) {
            forNextRun.forEach((key, value) -> {
                String v = value.get();
                if (v != null) {
                    record.put(key, v);
                }
            });
            record.put(
                    DECORATION_IN_STEP, decorator == null || decorator.inStep(dsg) ? inStepMark(decorator) : "false");
        }
        // Expelling releases the files and the process-wide connection cache entry, so the same directory can be
        // opened again (a restart within one JVM, as in tests).
        if (decorator != null) {
            decorator.release(dsg);
        }
        if (persistent) {
            // Work still running (a query up to its timeout, a dump being computed in the background) ends within
            // moments; TDB2 refuses to release a database with active transactions.
            TransactionCoordinator transactions = TDBInternal.getTransactionCoordinator(tdb2);
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            while (transactions.countActive() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            boolean idle = transactions.countActive() == 0;
            TDBInternal.expel(tdb2);
            if (idle) {
                CloseRecord.write(location, directories(location, decorator), record);
            } else {
                log.warn("Closed the store with transactions still running; the next start checks everything");
            }
        } else {
            tdb2.close();
        }
    }
}
