package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import jp.kakaritsuke.kb.search.FullTextIndex;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The answer cache keeps the store contract, answers repeated questions from memory, and never serves an answer older
 * than the last write through it — also when a write lands while a query is being answered.
 */
class CachingKnowledgeStoreTest extends KnowledgeStoreContract {

    private static final Query LABELS = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s""");
    private static final Query LABEL_OF = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label WHERE { ?s rdfs:label ?label }""");
    private static final Query DESCRIBE_ALL = QueryFactory.create("CONSTRUCT WHERE { ?s ?p ?o }");

    private TdbKnowledgeStore tdb;
    private CachingKnowledgeStore store;

    @BeforeEach
    void open() {
        tdb = TdbKnowledgeStore.inMemory();
        store = new CachingKnowledgeStore(tdb, 10_000, Duration.ZERO);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected KnowledgeStore store() {
        return store;
    }

    private void labels() {
        store.replaceGraphs(trig("""
                GRAPH ex:g1 { ex:a rdfs:label "A" . ex:b rdfs:label "B" . }
                GRAPH ex:g2 { ex:c rdfs:label "C" . }"""));
    }

    @Test
    void aRepeatedQueryIsAnsweredFromMemoryWithTheStoresAnswer() {
        labels();
        ResultSetRewindable first = store.select(LABELS, null, TIMEOUT);
        first.forEachRemaining(row -> {});
        ResultSetRewindable second = store.select(LABELS, null, TIMEOUT);
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), second);
        assertEquals(3, second.size());
        assertEquals(1, store.stats().hits());

        QuerySolutionMap a = new QuerySolutionMap();
        a.add("s", ResourceFactory.createResource(EX + "a"));
        QuerySolutionMap c = new QuerySolutionMap();
        c.add("s", ResourceFactory.createResource(EX + "c"));
        assertSameResults(tdb.select(LABEL_OF, a, TIMEOUT), store.select(LABEL_OF, a, TIMEOUT));
        assertSameResults(tdb.select(LABEL_OF, c, TIMEOUT), store.select(LABEL_OF, c, TIMEOUT));
        assertSameResults(tdb.select(LABEL_OF, a, TIMEOUT), store.select(LABEL_OF, a, TIMEOUT));
        assertEquals(2, store.stats().hits(), "different bindings are different questions");
    }

    @Test
    void callersGetCopiesTheyMayChange() {
        labels();
        Model model = store.construct(DESCRIBE_ALL, null, TIMEOUT);
        model.removeAll();
        assertTrue(store.construct(DESCRIBE_ALL, null, TIMEOUT)
                .isIsomorphicWith(tdb.construct(DESCRIBE_ALL, null, TIMEOUT)));
        Graph graph = store.graph(EX + "g1");
        graph.clear();
        assertIsomorphic(tdb.graph(EX + "g1"), store.graph(EX + "g1"));
        Set<String> names = store.graphNames();
        names.clear();
        assertEquals(Set.of(EX + "g1", EX + "g2"), store.graphNames());
        assertTrue(store.stats().hits() >= 3);
    }

    @Test
    void everyKindOfWriteIsSeenByTheNextRead() {
        labels();
        Query ask = QueryFactory.create("ASK { <" + EX + "d> ?p ?o }");
        assertFalse(store.ask(ask, null, TIMEOUT));
        store.select(LABELS, null, TIMEOUT);
        store.graph(EX + "g1");
        store.graphNames();

        store.update(UpdateFactory.create("INSERT DATA { GRAPH <" + EX + "g3> { <" + EX + "d> <"
                + "http://www.w3.org/2000/01/rdf-schema#label> \"D\" } }"));
        assertTrue(store.ask(ask, null, TIMEOUT));
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), store.select(LABELS, null, TIMEOUT));
        assertEquals(Set.of(EX + "g1", EX + "g2", EX + "g3"), store.graphNames());

        store.replaceGraphs(trig("GRAPH ex:g1 { ex:a rdfs:label \"A2\" . }"));
        assertIsomorphic(turtle("ex:a rdfs:label \"A2\" ."), store.graph(EX + "g1"));
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), store.select(LABELS, null, TIMEOUT));

        store.deleteGraph(EX + "g3");
        assertFalse(store.ask(ask, null, TIMEOUT));
        assertEquals(Set.of(EX + "g1", EX + "g2"), store.graphNames());
    }

    @Test
    void aWriteCommittedOnTheDatasetItselfEmptiesTheCache() {
        labels();
        Query ask = QueryFactory.create("ASK { <" + EX + "d> ?p ?o }");
        assertFalse(store.ask(ask, null, TIMEOUT));
        store.graph(EX + "g1");
        // As the administrators' SPARQL endpoint and a restore write: on the TDB2 dataset, past the store's methods.
        DatasetGraph dsg = tdb.datasetGraph();
        Txn.executeWrite(
                dsg,
                () -> dsg.add(
                        NodeFactory.createURI(EX + "g1"),
                        NodeFactory.createURI(EX + "d"),
                        NodeFactory.createURI(EX + "p"),
                        NodeFactory.createURI(EX + "e")));
        assertTrue(store.ask(ask, null, TIMEOUT));
        assertIsomorphic(tdb.graph(EX + "g1"), store.graph(EX + "g1"));
        // A read transaction does not throw the answers away.
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {}));
        long hits = store.stats().hits();
        store.ask(ask, null, TIMEOUT);
        assertEquals(hits + 1, store.stats().hits());
    }

    @Test
    void writesThroughTheFullTextIndexOfTheApplicationAreSeenToo() {
        try (TdbKnowledgeStore indexed = TdbKnowledgeStore.inMemory(new FullTextIndex(null, EX));
                CachingKnowledgeStore cached = new CachingKnowledgeStore(indexed, 10_000, Duration.ZERO)) {
            Query ask = QueryFactory.create("ASK { <" + EX + "d> ?p ?o }");
            assertFalse(cached.ask(ask, null, TIMEOUT));
            DatasetGraph dsg = indexed.datasetGraph();
            Txn.executeWrite(
                    dsg,
                    () -> dsg.add(
                            NodeFactory.createURI(EX + "g1"),
                            NodeFactory.createURI(EX + "d"),
                            NodeFactory.createURI(EX + "p"),
                            NodeFactory.createURI(EX + "e")));
            assertTrue(cached.ask(ask, null, TIMEOUT));
        }
    }

    @Test
    void anAnswerComputedWhileAWriteLandedIsNotKept() {
        labels();
        // A store that, in the middle of answering, lets a write through the cache complete.
        AtomicLong writes = new AtomicLong();
        AtomicReference<CachingKnowledgeStore> cache = new AtomicReference<>();
        KnowledgeStore racing = new Forwarding(tdb) {
            @Override
            public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
                ResultSetRewindable answer = super.select(query, bindings, timeout);
                if (writes.getAndIncrement() == 0) {
                    cache.get().replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C2\" . }"));
                }
                return answer;
            }
        };
        cache.set(new CachingKnowledgeStore(racing, 10_000, Duration.ZERO));
        ResultSetRewindable stale = cache.get().select(LABELS, null, TIMEOUT);
        assertEquals(3, stale.size());
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), cache.get().select(LABELS, null, TIMEOUT));
        assertEquals(0, cache.get().stats().hits(), "the answer from before the write was not cached");
    }

    @Test
    void answersOfAStoreWhoseWritesTheCacheCannotSeeExpireAfterTheirTimeToLive() {
        labels();
        AtomicLong now = new AtomicLong();
        // Seen through a plain KnowledgeStore, as a remote store is: its commits are not reported to the cache.
        CachingKnowledgeStore expiring =
                new CachingKnowledgeStore(new Forwarding(tdb) {}, 10_000, Duration.ofSeconds(60), now::get);
        expiring.select(LABELS, null, TIMEOUT);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        expiring.select(LABELS, null, TIMEOUT);
        assertEquals(1, expiring.stats().hits());
        // A write by another client of the store, which the cache cannot see.
        tdb.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C2\" . }"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), expiring.select(LABELS, null, TIMEOUT));
        assertEquals(1, expiring.stats().hits());
    }

    @Test
    void answersOfTheEmbeddedStoreNeverExpireByTime() {
        labels();
        AtomicLong now = new AtomicLong();
        CachingKnowledgeStore embedded = new CachingKnowledgeStore(tdb, 10_000, Duration.ofSeconds(60), now::get);
        embedded.select(LABELS, null, TIMEOUT);
        now.addAndGet(Duration.ofDays(2).toNanos());
        embedded.select(LABELS, null, TIMEOUT);
        assertEquals(1, embedded.stats().hits(), "every write is seen, so nothing expires");
    }

    @Test
    void afterAWriteTheRecentQuestionsAreAnsweredAgainInTheBackground() throws Exception {
        labels();
        AtomicLong asked = new AtomicLong();
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        try (CachingKnowledgeStore refreshing = new CachingKnowledgeStore(
                new Forwarding(tdb) {
                    @Override
                    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
                        asked.incrementAndGet();
                        return super.select(query, bindings, timeout);
                    }
                },
                10_000,
                Duration.ZERO,
                true)) {
            refreshing.onChange(changed::countDown);
            refreshing.select(LABELS, null, TIMEOUT);
            refreshing.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C2\" . }"));
            assertTrue(changed.await(5, java.util.concurrent.TimeUnit.SECONDS), "the write was reported");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (asked.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, asked.get(), "asked again without a reader");
            long hits = refreshing.stats().hits();
            assertSameResults(tdb.select(LABELS, null, TIMEOUT), refreshing.select(LABELS, null, TIMEOUT));
            assertEquals(hits + 1, refreshing.stats().hits(), "the reader after the write got the refreshed answer");
            assertEquals(2, asked.get());
        }
    }

    /**
     * A costly answer (one the store took {@link CachingKnowledgeStore#COSTLY} or longer to give) is served as it was
     * before a write while the fresh one is computed, once the reader has waited {@link
     * CachingKnowledgeStore#WAIT_FOR_FRESH}, and at once to the readers after it; the reader is told; the fresh one
     * takes its place. A quick answer is always fresh.
     */
    @Test
    void afterAWriteACostlyAnswerIsServedAsBeforeUntilTheFreshOneIsThere() throws Exception {
        labels();
        AtomicReference<java.util.concurrent.CountDownLatch> held = new AtomicReference<>();
        try (CachingKnowledgeStore refreshing = new CachingKnowledgeStore(
                new Forwarding(tdb) {
                    @Override
                    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
                        if (query.equals(LABELS)) {
                            // Slower than COSTLY for this question before the write; after it, held until the
                            // test lets it go.
                            slowOrHeldBy(held.get());
                        }
                        return super.select(query, bindings, timeout);
                    }
                },
                10_000,
                Duration.ZERO,
                true)) {
            ResultSetRewindable before = tdb.select(LABELS, null, TIMEOUT);
            CachingKnowledgeStore.startRequest();
            assertSameResults(before, refreshing.select(LABELS, null, TIMEOUT));
            QuerySolutionMap c = new QuerySolutionMap();
            c.add("s", ResourceFactory.createResource(EX + "c"));
            refreshing.select(LABEL_OF, c, TIMEOUT);
            assertFalse(CachingKnowledgeStore.servedEarlierAnswers(), "fresh answers before any write");

            java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
            held.set(hold);
            refreshing.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C2\" . }"));
            ResultSetRewindable after = tdb.select(LABELS, null, TIMEOUT);

            long started = System.nanoTime();
            before.reset();
            assertSameResults(before, refreshing.select(LABELS, null, TIMEOUT));
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertTrue(CachingKnowledgeStore.servedEarlierAnswers(), "the reader is told it got an earlier answer");
            assertTrue(
                    waited >= CachingKnowledgeStore.WAIT_FOR_FRESH.toMillis() && waited < 5_000,
                    "waited for the fresh answer, then took the earlier one: " + waited + " ms");

            CachingKnowledgeStore.startRequest();
            started = System.nanoTime();
            before.reset();
            assertSameResults(before, refreshing.select(LABELS, null, TIMEOUT));
            waited = (System.nanoTime() - started) / 1_000_000;
            assertTrue(CachingKnowledgeStore.servedEarlierAnswers(), "the next reader gets the earlier answer too");
            assertTrue(
                    waited < CachingKnowledgeStore.WAIT_FOR_FRESH.toMillis(),
                    "without waiting again for the fresh answer a reader waited for in vain: " + waited + " ms");

            CachingKnowledgeStore.startRequest();
            assertSameResults(tdb.select(LABEL_OF, c, TIMEOUT), refreshing.select(LABEL_OF, c, TIMEOUT));
            assertFalse(CachingKnowledgeStore.servedEarlierAnswers(), "a quick answer is fresh after the write");

            hold.countDown();
            // A caller that is not a reader's request always waits for the fresh answer.
            CachingKnowledgeStore.endRequest();
            assertSameResults(after, refreshing.select(LABELS, null, TIMEOUT));
            CachingKnowledgeStore.startRequest();
            after.reset();
            assertSameResults(after, refreshing.select(LABELS, null, TIMEOUT));
            assertFalse(CachingKnowledgeStore.servedEarlierAnswers(), "the fresh answer took the earlier one's place");
        } finally {
            CachingKnowledgeStore.endRequest();
        }
    }

    /**
     * A fresh answer queued for computation after a reader took the earlier one is not computed once a later write
     * has outdated it (its answer could not be kept): the store is not asked for it. A caller that joined it without
     * an earlier answer to take asks again and gets the data as the later write left it, kept for the next reader.
     */
    @Test
    void aQueuedFreshAnswerThatALaterWriteOutdatedIsNotComputed() throws Exception {
        labels();
        AtomicLong asked = new AtomicLong();
        java.util.concurrent.CountDownLatch refreshes = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch queue = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService refresher = held(refreshes);
        java.util.concurrent.ExecutorService answering = held(queue);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (CachingKnowledgeStore refreshing = new CachingKnowledgeStore(
                new Forwarding(tdb) {
                    @Override
                    public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
                        if (query.equals(LABELS)) {
                            asked.incrementAndGet();
                            slowOrHeldBy(null);
                        }
                        return super.select(query, bindings, timeout);
                    }
                },
                10_000,
                refresher,
                answering)) {
            CachingKnowledgeStore.startRequest();
            ResultSetRewindable before = refreshing.select(LABELS, null, TIMEOUT);
            refreshing.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C2\" . }"));

            // A reader takes the earlier answer; its fresh one waits behind the held queue.
            CachingKnowledgeStore.startRequest();
            before.reset();
            assertSameResults(before, refreshing.select(LABELS, null, TIMEOUT));
            assertTrue(CachingKnowledgeStore.servedEarlierAnswers());
            // A caller that is not a reader's request joins that computation and waits for it.
            java.util.concurrent.Future<ResultSetRewindable> joined =
                    other.submit(() -> refreshing.select(LABELS, null, TIMEOUT));
            assertStillWaiting(joined);

            refreshing.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C3\" . }"));
            queue.countDown();
            ResultSetRewindable now = tdb.select(LABELS, null, TIMEOUT);
            assertSameResults(now, joined.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(
                    2,
                    asked.get(),
                    "asked before the writes, then once by the caller asking again; not for the"
                            + " outdated computation");

            CachingKnowledgeStore.startRequest();
            now.reset();
            assertSameResults(now, refreshing.select(LABELS, null, TIMEOUT));
            assertFalse(CachingKnowledgeStore.servedEarlierAnswers(), "the answer asked again was kept");
            assertEquals(2, asked.get());
        } finally {
            CachingKnowledgeStore.endRequest();
            refreshes.countDown();
            other.shutdownNow();
        }
    }

    /** A single thread that runs what it is given only once {@code gate} is counted down. */
    private static java.util.concurrent.ExecutorService held(java.util.concurrent.CountDownLatch gate) {
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        executor.execute(() -> slowOrHeldBy(gate));
        return executor;
    }

    @Test
    void memoryIsBoundedByCellsKeepingWhatIsUsedOften() {
        labels();
        CachingKnowledgeStore small = new CachingKnowledgeStore(tdb, 8, Duration.ZERO);
        small.graph(EX + "g2");
        small.graph(EX + "g1");
        assertEquals(3, small.stats().cells(), "1 + 2 triples");
        small.graph(EX + "g2");
        // 3 rows × 2 columns more would make 9 cells: something goes (Caffeine decides what, by use).
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), small.select(LABELS, null, TIMEOUT));
        assertTrue(small.stats().cells() <= 8, "the budget of 8 cells holds: " + small.stats());
        assertTrue(small.stats().entries() < 3, "not every answer was kept: " + small.stats());
        small.graph(EX + "g2");
        assertEquals(2, small.stats().hits(), "g2, used most, was kept and served twice");

        CachingKnowledgeStore tiny = new CachingKnowledgeStore(tdb, 5, Duration.ZERO);
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), tiny.select(LABELS, null, TIMEOUT));
        assertEquals(0, tiny.stats().cells(), "an answer larger than the whole budget is not kept");
        assertSameResults(tdb.select(LABELS, null, TIMEOUT), tiny.select(LABELS, null, TIMEOUT));
    }

    @Test
    void unwrapFindsTheStoreUnderTheCache() {
        assertSame(tdb, CachingKnowledgeStore.unwrap(store));
        assertSame(tdb, CachingKnowledgeStore.unwrap(tdb));
    }

    /**
     * A close soon after a write, before the fresh answer to a costly question is there, keeps the earlier answer
     * beside the fresh ones: after the restart a reader gets it at once (and is told), as before the close, while the
     * fresh one is computed; a caller that is not a reader's request gets the fresh one.
     */
    @Test
    void anEarlierAnswerStillWaitingAtACloseIsServedAsEarlierAfterTheRestart(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path location = dir.resolve("tdb2");
        java.util.concurrent.CountDownLatch firstRunsRefresh = new java.util.concurrent.CountDownLatch(1);
        ResultSetRewindable before;
        try (CachingKnowledgeStore first = new CachingKnowledgeStore(
                new HeldAfterAWrite(TdbKnowledgeStore.open(location), firstRunsRefresh), 10_000, Duration.ZERO, true)) {
            first.closeWaitsForRefresh(Duration.ofMillis(100));
            first.replaceGraphs(trig("GRAPH ex:g1 { ex:a rdfs:label \"A\" . ex:b rdfs:label \"B\" . }"));
            before = first.select(LABELS, null, TIMEOUT);
            first.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C\" . }"));
            CachingKnowledgeStore.startRequest();
            before.reset();
            assertSameResults(before, first.select(LABELS, null, TIMEOUT));
            assertTrue(CachingKnowledgeStore.servedEarlierAnswers());
        } finally {
            CachingKnowledgeStore.endRequest();
            firstRunsRefresh.countDown();
        }
        java.util.concurrent.CountDownLatch fresh = new java.util.concurrent.CountDownLatch(1);
        try (CachingKnowledgeStore second = new CachingKnowledgeStore(
                new HeldAfterAWrite(TdbKnowledgeStore.open(location), fresh), 10_000, Duration.ZERO, true)) {
            CachingKnowledgeStore.startRequest();
            before.reset();
            assertSameResults(before, second.select(LABELS, null, TIMEOUT));
            assertTrue(CachingKnowledgeStore.servedEarlierAnswers(), "the reader is told, as before the restart");
            fresh.countDown();
            CachingKnowledgeStore.endRequest();
            assertEquals(3, second.select(LABELS, null, TIMEOUT).size(), "the fresh answer, with the write's label");
        } finally {
            CachingKnowledgeStore.endRequest();
        }
    }

    /**
     * A close soon after a write waits for the recent questions being asked again, so that the next start has their
     * fresh answers: the reader after the restart gets the rows with the write, at once and not told of earlier ones.
     */
    @Test
    void aCloseWaitsForTheRefreshAfterAWriteAndKeepsItsAnswers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path location = dir.resolve("tdb2");
        java.util.concurrent.CountDownLatch refresh = new java.util.concurrent.CountDownLatch(1);
        Thread releaser = new Thread(() -> {
            try {
                // Let the refresh go while the close waits for it.
                new java.util.concurrent.CountDownLatch(1).await(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refresh.countDown();
        });
        try (CachingKnowledgeStore first = new CachingKnowledgeStore(
                new HeldAfterAWrite(TdbKnowledgeStore.open(location), refresh), 10_000, Duration.ZERO, true)) {
            first.replaceGraphs(trig("GRAPH ex:g1 { ex:a rdfs:label \"A\" . ex:b rdfs:label \"B\" . }"));
            first.select(LABELS, null, TIMEOUT);
            first.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C\" . }"));
            releaser.start();
        }
        releaser.join();
        try (CachingKnowledgeStore second = new CachingKnowledgeStore(
                new HeldAfterAWrite(TdbKnowledgeStore.open(location), new java.util.concurrent.CountDownLatch(0)),
                10_000,
                Duration.ZERO,
                true)) {
            CachingKnowledgeStore.startRequest();
            assertEquals(
                    3, second.select(LABELS, null, TIMEOUT).size(), "the refreshed answer, with the write's label");
            assertFalse(CachingKnowledgeStore.servedEarlierAnswers());
            assertEquals(1, second.stats().hits(), "kept from the last run, not asked again");
        } finally {
            CachingKnowledgeStore.endRequest();
        }
    }

    /**
     * Answers {@link #LABELS} more slowly than {@link CachingKnowledgeStore#COSTLY} while its store holds one graph,
     * and only once {@code release} is counted down after that; under an answer cache it is looked through to the
     * database underneath.
     */
    static final class HeldAfterAWrite extends Forwarding implements Wrapping {

        private final KnowledgeStore target;
        private final java.util.concurrent.CountDownLatch release;

        HeldAfterAWrite(KnowledgeStore target, java.util.concurrent.CountDownLatch release) {
            super(target);
            this.target = target;
            this.release = release;
        }

        @Override
        public KnowledgeStore delegate() {
            return target;
        }

        @Override
        public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
            if (query.equals(LABELS)) {
                slowOrHeldBy(target.graphNames().size() < 2 ? null : release);
            }
            return super.select(query, bindings, timeout);
        }
    }

    /**
     * What a slow store does for a question: without {@code hold}, takes a little longer than {@link
     * CachingKnowledgeStore#COSTLY}; with it, waits until it is counted down (30 s at most).
     */
    static void slowOrHeldBy(java.util.concurrent.CountDownLatch hold) {
        try {
            if (hold == null) {
                // Never counted down: a store slower than COSTLY.
                new java.util.concurrent.CountDownLatch(1)
                        .await(
                                CachingKnowledgeStore.COSTLY.toMillis() + 50,
                                java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes everything on to another store; tests override what they need. */
    static class Forwarding implements KnowledgeStore {

        private final KnowledgeStore target;

        Forwarding(KnowledgeStore target) {
            this.target = target;
        }

        @Override
        public ResultSetRewindable select(Query query, QuerySolution bindings, Duration timeout) {
            return target.select(query, bindings, timeout);
        }

        @Override
        public boolean ask(Query query, QuerySolution bindings, Duration timeout) {
            return target.ask(query, bindings, timeout);
        }

        @Override
        public Model construct(Query query, QuerySolution bindings, Duration timeout) {
            return target.construct(query, bindings, timeout);
        }

        @Override
        public Set<String> graphNames() {
            return target.graphNames();
        }

        @Override
        public Graph graph(String graphName) {
            return target.graph(graphName);
        }

        @Override
        public void replaceGraphs(DatasetGraph changes) {
            target.replaceGraphs(changes);
        }

        @Override
        public void deleteGraph(String graphName) {
            target.deleteGraph(graphName);
        }

        @Override
        public void update(UpdateRequest update) {
            target.update(update);
        }

        @Override
        public void forEachQuad(Consumer<Quad> sink) {
            target.forEachQuad(sink);
        }

        @Override
        public String describe() {
            return "forwarding to " + target.describe();
        }

        @Override
        public void close() {
            target.close();
        }
    }
    /**
     * A clean close keeps the SELECT and ASK answers for the next start on the same files: the same questions are
     * then answered from memory, with the same rows (bindings and blank nodes included), also after a run in between
     * that was asked none of them. Files changed meanwhile —
     * here a write straight into TDB2 — and nothing is kept.
     */
    @Test
    void answersAreKeptAcrossACleanRestartOfUnchangedFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path location = dir.resolve("tdb2");
        Query ask = QueryFactory.create("ASK { ?s ?p \"B\" }");
        // An aggregate: parsed again, such a query is not equal to the original (the answers go by its text).
        Query count = QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        ResultSetRewindable before;
        ResultSetRewindable boundBefore;
        try (CachingKnowledgeStore first =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO)) {
            first.replaceGraphs(trig("""
                    GRAPH ex:g1 { ex:a rdfs:label "A"@ja . ex:b rdfs:label "B" . _:x rdfs:label "x"^^ex:type . }"""));
            before = first.select(LABELS, null, TIMEOUT);
            boundBefore = first.select(LABEL_OF, bind("s", ex("a")), TIMEOUT);
            assertTrue(first.ask(ask, null, TIMEOUT));
            assertEquals(
                    3, first.select(count, null, TIMEOUT).next().getLiteral("n").getInt());
        }
        try (CachingKnowledgeStore idle =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO)) {
            assertEquals(0, idle.stats().hits() + idle.stats().misses(), "a run that is asked nothing keeps them on");
        }
        try (CachingKnowledgeStore second =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO)) {
            assertSameResults(before, second.select(LABELS, null, TIMEOUT));
            assertSameResults(boundBefore, second.select(LABEL_OF, bind("s", ex("a")), TIMEOUT));
            assertTrue(second.ask(ask, null, TIMEOUT));
            assertEquals(
                    3,
                    second.select(count, null, TIMEOUT).next().getLiteral("n").getInt());
            assertEquals(4, second.stats().hits());
            assertEquals(0, second.stats().misses());
        }
        DatasetGraph raw = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(location.toString());
        Txn.executeWrite(
                raw,
                () -> raw.add(Quad.create(
                        NodeFactory.createURI("http://example.org/g1"),
                        NodeFactory.createURI("http://example.org/d"),
                        NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
                        NodeFactory.createLiteralString("D"))));
        org.apache.jena.tdb2.sys.TDBInternal.expel(raw);
        try (CachingKnowledgeStore third =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO)) {
            ResultSetRewindable after = third.select(LABELS, null, TIMEOUT);
            assertEquals(4, after.size(), "the files changed: nothing kept");
            assertEquals(1, third.stats().misses());
        }
    }

    /**
     * The answers kept from the last run are read beside the rest of the start-up. A question asked before they are
     * read waits for them and is answered from them; a write before they are read waits for them too, and drops them:
     * the question after it gets the written label.
     */
    @Test
    void aQuestionOrAWriteBeforeTheKeptAnswersAreReadWaitsForThem(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path location = dir.resolve("tdb2");
        ResultSetRewindable before;
        try (CachingKnowledgeStore first =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO)) {
            first.replaceGraphs(trig("GRAPH ex:g1 { ex:a rdfs:label \"A\" . ex:b rdfs:label \"B\" . }"));
            before = first.select(LABELS, null, TIMEOUT);
        }
        HeldReading reading = new HeldReading();
        try (CachingKnowledgeStore second =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO, false, reading)) {
            java.util.concurrent.CompletableFuture<ResultSetRewindable> asked =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> second.select(LABELS, null, TIMEOUT));
            assertStillWaiting(asked);
            reading.release();
            before.reset();
            assertSameResults(before, asked.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, second.stats().hits(), "answered from the kept answers");
            assertEquals(0, second.stats().misses());
        }
        HeldReading again = new HeldReading();
        try (CachingKnowledgeStore third =
                new CachingKnowledgeStore(TdbKnowledgeStore.open(location), 10_000, Duration.ZERO, false, again)) {
            java.util.concurrent.CompletableFuture<Void> write = java.util.concurrent.CompletableFuture.runAsync(
                    () -> third.replaceGraphs(trig("GRAPH ex:g2 { ex:c rdfs:label \"C\" . }")));
            assertStillWaiting(write);
            again.release();
            write.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(3, third.select(LABELS, null, TIMEOUT).size(), "the written label: the kept answer dropped");
            assertEquals(0, third.stats().hits());
            assertEquals(1, third.stats().misses());
        }
    }

    private static void assertStillWaiting(java.util.concurrent.Future<?> future) {
        org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.TimeoutException.class,
                () -> future.get(300, java.util.concurrent.TimeUnit.MILLISECONDS),
                "still waiting");
    }

    /** Holds back the reading of the kept answers until released, then runs it on a thread of its own. */
    private static final class HeldReading implements java.util.concurrent.Executor {
        private final java.util.concurrent.CompletableFuture<Runnable> task =
                new java.util.concurrent.CompletableFuture<>();

        @Override
        public void execute(Runnable command) {
            task.complete(command);
        }

        void release() {
            new Thread(task.join(), "held-kept-answers-read").start();
        }
    }
}
