package jp.kakaritsuke.kb.store;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Wraps the embedded TDB2 dataset before {@link TdbKnowledgeStore} uses it, so that something beside the store (the
 * full-text index) sees every change: all reads, queries and writes of the store then go through the wrapped
 * dataset, and {@link TdbKnowledgeStore#datasetGraph()} hands out the wrapped one.
 */
public interface DatasetDecorator {

    /**
     * Wraps the dataset; called once, when the store opens.
     *
     * @param tdb2 the TDB2 dataset
     * @param location the TDB2 directory, or null for an in-memory store
     * @param inStep true when the TDB2 directory and the decoration's {@link #directories} are as the application
     *     left them when it last closed them cleanly with the decoration {@link #inStep in step}: nothing to check
     * @return the dataset the store works through
     */
    DatasetGraph decorate(DatasetGraph tdb2, Path location, boolean inStep);

    /** The directories the decoration keeps beside the TDB2 directory {@code location}: none by default. */
    default List<Path> directories(Path location) {
        return List.of();
    }

    /**
     * Whether the decoration is known to be in step with the dataset; asked when the store closes, and passed to
     * {@link #decorate} on the next start if nothing changed the files meanwhile.
     */
    default boolean inStep(DatasetGraph decorated) {
        return false;
    }

    /**
     * What the decoration holds, named; a new name when the rule of what it holds changes. A close record written
     * under another name does not count as {@link #inStep in step}: the next start checks the decoration again.
     */
    default String definition() {
        return "1";
    }

    /** Releases what {@link #decorate} acquired; called when the store closes, before the TDB2 dataset is released. */
    void release(DatasetGraph decorated);

    /**
     * What a bulk load into the empty TDB2 dataset underneath must also be given, since it writes past the
     * decoration: every quad loaded, in the same pass. Null when the decoration needs nothing.
     *
     * @param decorated what {@link #decorate} returned
     */
    default BulkSink bulkSink(DatasetGraph decorated) {
        return null;
    }

    /**
     * Receives the quads of one bulk load. {@link #finish} is called, on a thread of its own, once every quad has been
     * given, while the store builds its own indexes; {@link #abort} if the load failed, before or after
     * {@link #finish}.
     */
    interface BulkSink {

        void quad(Quad quad);

        /** Completes and commits what the quads made; the load waits for it before it reports success. */
        void finish();

        /** Undoes what the quads made: the store underneath is empty again. */
        void abort();
    }
}
