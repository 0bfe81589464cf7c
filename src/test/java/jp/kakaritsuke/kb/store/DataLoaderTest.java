package jp.kakaritsuke.kb.store;

import static jp.kakaritsuke.kb.store.KnowledgeStoreContract.EX;
import static jp.kakaritsuke.kb.store.KnowledgeStoreContract.fixtureDataDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the shipped RDF: what is read, how IRIs resolve, what is skipped, and how bad files are reported. */
class DataLoaderTest {

    @TempDir
    Path temp;

    @Test
    void relativeIrisResolveAgainstTheBaseIri() {
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            new DataLoader(EX, fixtureDataDir(), true).load(store);
            Graph expected = GraphFactory.createDefaultGraph();
            RDFParser.source(fixtureDataDir().resolveSibling("expected/alpha.ttl"))
                    .parse(expected);
            KnowledgeStoreContract.assertIsomorphic(expected, store.graph(EX + "graph/worksheet/alpha"));
        }
    }

    @Test
    void ontologyGraphHoldsEveryOntologyFileExceptTheShapes() throws IOException {
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            DataLoader.LoadReport report = new DataLoader(EX, fixtureDataDir(), true).load(store);
            Graph expected = GraphFactory.createDefaultGraph();
            List<Path> ontologyFiles;
            try (Stream<Path> files = Files.list(Path.of("ontology"))) {
                ontologyFiles = files.filter(f -> f.toString().endsWith(".ttl"))
                        .filter(f -> !f.getFileName().toString().equals("shapes.ttl"))
                        .toList();
            }
            ontologyFiles.forEach(f -> RDFParser.source(f).parse(expected));
            assertFalse(ontologyFiles.isEmpty());
            KnowledgeStoreContract.assertIsomorphic(expected, store.graph(KK.ONTOLOGY));
            assertFalse(report.files().contains("ontology/shapes.ttl"));
        }
    }

    @Test
    void demoDataIsSkippedWhenNotIncludedAndNonRdfDirectoriesAlways() {
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            DataLoader.LoadReport report = new DataLoader(EX, fixtureDataDir(), false).load(store);
            assertEquals(
                    List.of("data/worksheets/alpha.trig", "data/worksheets/beta.trig"),
                    report.files().stream().filter(f -> f.startsWith("data/")).toList());
            assertEquals(
                    Set.of(
                            KK.ONTOLOGY,
                            EX + "graph/worksheet/alpha",
                            EX + "graph/worksheet/beta",
                            DataLoader.systemGraph(EX)),
                    store.graphNames());
        }
    }

    @Test
    void theShippedDataLoadsIntoOneGraphPerWorksheet() {
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            DataLoader.LoadReport report = new DataLoader(EX, Path.of("data"), true).load(store);
            assertTrue(
                    report.files().contains("data/seed/mhlw-2025-f1.trig"),
                    report.files().toString());
            assertTrue(report.files().stream().noneMatch(f -> f.startsWith("data/source/")));
            for (String slug : List.of(
                    "mhlw-2025-f1", "mhlw-2025-f2-i", "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni")) {
                assertTrue(
                        store.ask(
                                KnowledgeStoreContract.query("""
                        ASK { GRAPH ?g { ?w a <https://w3id.org/kakaritsuke/ontology#Worksheet> } }"""),
                                bindGraphAndWorksheet(slug),
                                KnowledgeStoreContract.TIMEOUT),
                        slug);
            }
        }
    }

    private static QuerySolutionMap bindGraphAndWorksheet(String slug) {
        QuerySolutionMap map = KnowledgeStoreContract.bind("g", NodeFactory.createURI(EX + "graph/worksheet/" + slug));
        map.addAll(KnowledgeStoreContract.bind("w", NodeFactory.createURI(EX + "id/worksheet/" + slug)));
        return map;
    }

    @Test
    void aRestartFindsTheRecordedLoadAndSkipsIt() {
        Path db = temp.resolve("db");
        DataLoader loader = new DataLoader(EX, fixtureDataDir(), true);
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            assertTrue(loader.loadIfNeeded(store, false));
        }
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            assertFalse(loader.loadIfNeeded(store, false));
            assertTrue(store.graphNames().contains(EX + "graph/worksheet/alpha"));
        }
    }

    @Test
    void aParseErrorNamesFileLineAndColumnAndLeavesTheStoreUntouched() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("worksheets"));
        Files.writeString(data.resolve("worksheets/good.trig"), "GRAPH <graph/good> { <id/a> <id/p> <id/b> . }\n");
        Files.writeString(data.resolve("worksheets/broken.trig"), """
                PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>
                GRAPH <graph/broken> {
                    <id/a> kk:text ?oops .
                }
                """);
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            DataLoadException e = assertThrows(
                    DataLoadException.class, () -> new DataLoader(EX, data, true).loadIfNeeded(store, false));
            assertTrue(e.getMessage().startsWith("data/worksheets/broken.trig:3:"), e.getMessage());
            assertTrue(store.isEmpty(), "nothing is written when a file is broken");
        }
    }

    @Test
    void triplesOutsideANamedGraphAreRejectedNamingTheFile() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("loose.trig"), "<id/a> <id/p> <id/b> .\n");
        try (TdbKnowledgeStore store = TdbKnowledgeStore.inMemory()) {
            DataLoadException e =
                    assertThrows(DataLoadException.class, () -> new DataLoader(EX, data, true).load(store));
            assertTrue(e.getMessage().startsWith("data/loose.trig:"), e.getMessage());
        }
    }

    @Test
    void aBulkLoadThatNeverCompletedIsRefusedAtTheNextStartNamingWhatToDelete() throws IOException {
        Path db = temp.resolve("db");
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            new DataLoader(EX, fixtureDataDir(), true).load(store);
        }
        Path mark = db.resolve(TdbKnowledgeStore.BULK_LOAD_MARK);
        assertFalse(Files.exists(mark), "a completed load leaves no mark");
        // As a load that was stopped after writing part of its quads leaves the store.
        Files.writeString(mark, "2026-12-06T09:00:00Z\n");
        DataLoadException e = assertThrows(DataLoadException.class, () -> TdbKnowledgeStore.open(db));
        assertTrue(e.getMessage().contains("began at 2026-12-06T09:00:00Z never completed"), e.getMessage());
        assertTrue(e.action().startsWith("Delete " + db + " and start again"), e.action());
    }

    @Test
    void aBrokenFileLeavesAPersistentStoreEmptyAndWithoutAMark() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("good.trig"), "GRAPH <graph/good> { <id/a> <id/p> <id/b> . }\n");
        Files.writeString(data.resolve("later.trig"), "GRAPH <graph/later> { <id/a> <id/p> ?oops . }\n");
        Path db = temp.resolve("db");
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            assertThrows(DataLoadException.class, () -> new DataLoader(EX, data, true).load(store));
        }
        assertFalse(Files.exists(db.resolve(TdbKnowledgeStore.BULK_LOAD_MARK)));
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            assertTrue(store.isEmpty());
        }
    }

    @Test
    void aMarkLeftByALoadThatWroteNothingIsRemovedAtOpen() throws IOException {
        Path db = temp.resolve("db");
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            assertTrue(store.isEmpty());
        }
        Path mark = db.resolve(TdbKnowledgeStore.BULK_LOAD_MARK);
        Files.writeString(mark, "2026-12-06T09:00:00Z\n");
        try (TdbKnowledgeStore store = TdbKnowledgeStore.open(db)) {
            assertTrue(store.isEmpty());
        }
        assertFalse(Files.exists(mark));
    }
}
