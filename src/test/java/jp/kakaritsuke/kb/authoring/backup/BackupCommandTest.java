package jp.kakaritsuke.kb.authoring.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jp.kakaritsuke.kb.authoring.InputLimits;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code backup} and {@code restore} commands: arguments, exit status, and a round trip through a file. */
class BackupCommandTest {

    @TempDir
    Path temp;

    @Test
    void backupThenRestoreBringsTheStoreBack() {
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            Graph graph = GraphFactory.createDefaultGraph();
            graph.add(
                    NodeFactory.createURI("http://example.org/s"),
                    NodeFactory.createURI("http://example.org/p"),
                    NodeFactory.createLiteralLang("値", "ja"));
            DatasetGraph changes = DatasetGraphFactory.createGeneral();
            changes.addGraph(NodeFactory.createURI("http://example.org/g"), graph);
            store.replaceGraphs(changes);
            BackupCommand command = new BackupCommand(new BackupService(store, InputLimits.defaults()));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            Path file = temp.resolve("b.nq.gz");

            assertEquals(0, command.execute(new String[] {"backup", "--out", file.toString()}, out));
            store.deleteGraph("http://example.org/g");
            assertTrue(store.isEmpty());
            assertEquals(0, command.execute(new String[] {"restore", "--in=" + file}, out));
            assertTrue(graph.isIsomorphicWith(store.graph("http://example.org/g")));

            assertEquals(2, command.execute(new String[] {"backup"}, out));
            assertEquals(
                    1,
                    command.execute(
                            new String[] {
                                "restore", "--in", temp.resolve("none").toString()
                            },
                            out));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("no such file"));
            assertFalse(store.isEmpty(), "a failed restore leaves the store as it was");
        }
    }

    @Test
    void onlyItsOwnCommandsAreRecognised() {
        assertTrue(BackupCommand.ENTRY.isRequested(new String[] {"backup", "--out", "x"}));
        assertTrue(BackupCommand.ENTRY.isRequested(new String[] {"restore", "--in", "x"}));
        assertFalse(BackupCommand.ENTRY.isRequested(new String[] {"export"}));
        assertFalse(BackupCommand.ENTRY.isRequested(new String[] {}));
    }
}
