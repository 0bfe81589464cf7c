package jp.kakaritsuke.kb.store;

/** Told after each graph a load has written: for progress reports on long loads. */
@FunctionalInterface
public interface LoadProgress {

    /** Nothing to report to. */
    LoadProgress NONE = (index, graphs, graph, triplesDone, triplesTotal) -> {};

    /**
     * @param index how many graphs are written now (1 for the first)
     * @param graphs how many graphs the load writes
     * @param graph the graph just written
     * @param triplesDone triples written so far
     * @param triplesTotal triples the load writes
     */
    void graphWritten(int index, int graphs, String graph, long triplesDone, long triplesTotal);
}
