package jp.kakaritsuke.kb.store;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;

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
     * @return the dataset the store works through
     */
    DatasetGraph decorate(DatasetGraph tdb2, Path location);

    /** Releases what {@link #decorate} acquired; called when the store closes, before the TDB2 dataset is released. */
    void release(DatasetGraph decorated);
}
