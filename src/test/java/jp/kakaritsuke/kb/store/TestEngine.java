package jp.kakaritsuke.kb.store;

/** A SPARQL engine run as a child process for tests: where it is, and stopping and restarting it on its data. */
public interface TestEngine extends AutoCloseable {

    /** The dataset URL, the application's {@code kb.store.remote.destination}. */
    String destination();

    /** The URL of its SPARQL query endpoint. */
    String queryUrl();

    /** Stops the server, keeping its data. */
    void stop();

    /** Starts the server again on the same port and data (after {@link #stop()}, or stopping it first). */
    void restart();

    @Override
    void close();
}
