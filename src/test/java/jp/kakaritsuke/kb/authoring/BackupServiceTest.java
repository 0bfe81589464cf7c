package jp.kakaritsuke.kb.authoring;

import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.BASE;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.EDITOR_13;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.TOKYO;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.withObject;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.worksheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import jp.kakaritsuke.kb.authoring.backup.BackupFormatException;
import jp.kakaritsuke.kb.authoring.backup.BackupService;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups taken while worksheets are being saved are consistent snapshots, and restore brings one back whole. */
class BackupServiceTest {

    @TempDir
    Path temp;

    @Test
    void aBackupTakenWhileWritingIsOneMomentAndRestoresWhole() throws Exception {
        try (TdbKnowledgeStore store = AuthoringFixtures.lightStore(temp.resolve("data"))) {
            WorksheetRepository repository = AuthoringFixtures.repository(store);
            BackupService backups = new BackupService(store, InputLimits.defaults());
            String slug = "backup-tokyo";
            Graph base = worksheet(store, slug, TOKYO);
            repository.save(slug, base, EDITOR_13, "v1");

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger saves = new AtomicInteger();
            CountDownLatch writing = new CountDownLatch(2);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get() && i < 200; i++) {
                    Graph next = withObject(
                            base,
                            NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/challenge"),
                            KK.text.asNode(),
                            NodeFactory.createLiteralLang("課題 " + i, "ja"));
                    repository.save(slug, next, EDITOR_13, "edit " + i);
                    saves.incrementAndGet();
                    writing.countDown();
                }
            });
            assertTrue(writing.await(60, TimeUnit.SECONDS), "the writer is saving");
            Path file = temp.resolve("snapshot.nq.gz");
            BackupService.Summary summary = backups.backup(file);
            stop.set(true);
            writer.get(60, TimeUnit.SECONDS);
            assertTrue(saves.get() >= 2);

            DatasetGraph snapshot = read(file);
            assertEquals(summary.quads(), snapshot.stream().count());

            backups.restore(file);
            assertSameAs(snapshot, store);
            // One moment: the worksheet is exactly its newest recorded version, and no version is missing.
            List<Version> history = repository.history(slug);
            Version newest = history.get(history.size() - 1);
            assertEquals(newest.number(), history.size());
            assertTrue(repository
                    .version(slug, newest.number())
                    .isIsomorphicWith(repository.get(slug).orElseThrow()));
            assertTrue(
                    history.size() < saves.get() + 1 || saves.get() == 200,
                    "the snapshot was taken while saves were still going on");
        }
    }

    @Test
    void anUnreadableBackupChangesNothing() throws Exception {
        try (TdbKnowledgeStore store = AuthoringFixtures.lightStore(temp.resolve("data"))) {
            BackupService backups = new BackupService(store, InputLimits.defaults());
            Path good = temp.resolve("good.nq.gz");
            backups.backup(good);
            DatasetGraph before = read(good);

            Path broken = temp.resolve("broken.nq.gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(good));
                    GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(broken))) {
                byte[] all = in.readAllBytes();
                out.write(all, 0, all.length / 2);
                out.write("<http://example.org/s> <http://example.org/p> \"unterminated .\n".getBytes());
            }
            assertThrows(BackupFormatException.class, () -> backups.restore(broken));
            assertSameAs(before, store);
        }
    }

    private static DatasetGraph read(Path file) throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dataset);
        }
        return dataset;
    }

    private static void assertSameAs(DatasetGraph expected, TdbKnowledgeStore store) {
        Map<String, Graph> graphs = new TreeMap<>();
        expected.listGraphNodes().forEachRemaining(n -> graphs.put(n.getURI(), expected.getGraph(n)));
        assertEquals(graphs.keySet(), store.graphNames());
        graphs.forEach((name, graph) -> assertTrue(graph.isIsomorphicWith(store.graph(name)), name));
    }
}
