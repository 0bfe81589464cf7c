package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a TDB2 database in a temporary directory. */
class TdbKnowledgeStoreTest extends KnowledgeStoreContract {

    @TempDir
    Path directory;

    private TdbKnowledgeStore store;

    @BeforeEach
    void open() {
        store = TdbKnowledgeStore.open(directory);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected KnowledgeStore store() {
        return store;
    }

    @Test
    void dataSurvivesClosingAndReopeningTheDirectory() {
        store.replaceGraphs(trig("GRAPH ex:g1 { ex:a ex:p ex:b . }"));
        store.close();
        store = TdbKnowledgeStore.open(directory);
        assertEquals(Set.of(EX + "g1"), store.graphNames());
        assertIsomorphic(turtle("ex:a ex:p ex:b ."), store.graph(EX + "g1"));
    }
}
