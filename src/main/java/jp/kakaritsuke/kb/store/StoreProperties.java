package jp.kakaritsuke.kb.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kb.*} settings: the base of minted IRIs, where the data to load lives, which store to use and how
 * long a query may run.
 *
 * @param baseIri base against which the relative IRIs of the data files resolve; ends with {@code /}
 * @param data the data directory and what to load from it
 * @param store the kind of store and its connection settings
 * @param query limits on query execution
 */
@ConfigurationProperties("kb")
public record StoreProperties(
        @DefaultValue("http://localhost:8080/") String baseIri,
        @DefaultValue Data data,
        @DefaultValue Store store,
        @DefaultValue Query query) {

    public StoreProperties {
        if (!baseIri.endsWith("/")) {
            throw new IllegalArgumentException("kb.base-iri must end with '/': " + baseIri);
        }
        if (!URI.create(baseIri).isAbsolute()) {
            throw new IllegalArgumentException("kb.base-iri must be an absolute IRI: " + baseIri);
        }
    }

    /**
     * @param dir directory holding the TriG data files
     * @param includeDemo whether {@code data/demo/} (synthetic worksheets) is loaded
     * @param reload whether to reload the shipped graphs even if the store records an earlier load
     * @param includeEvidence whether {@code data/evidence/} (the regional evidence: population, demand,
     *        facilities) is loaded
     */
    public record Data(
            @DefaultValue("data") Path dir,
            @DefaultValue("true") boolean includeDemo,
            @DefaultValue("false") boolean reload,
            @DefaultValue("true") boolean includeEvidence) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Data {}

        /** Settings that load the regional evidence. */
        public Data(Path dir, boolean includeDemo, boolean reload) {
            this(dir, includeDemo, reload, true);
        }
    }

    /**
     * @param kind embedded TDB2 or a remote SPARQL 1.1 store
     * @param tdb2 settings of the embedded store
     * @param remote settings of the remote store
     */
    public record Store(
            @DefaultValue("tdb2") Kind kind,
            @DefaultValue Tdb2 tdb2,
            @DefaultValue Remote remote) {}

    /** Which implementation of {@link KnowledgeStore} the application uses. */
    public enum Kind {
        TDB2,
        REMOTE
    }

    /** @param location directory of the TDB2 database; created if missing */
    public record Tdb2(@DefaultValue("var/tdb2") Path location) {}

    /**
     * A remote dataset reached over the SPARQL 1.1 protocols. Endpoints are resolved against {@code destination}
     * (so they may be relative names such as {@code sparql}). The dataset must present the union of its named graphs
     * as its default graph for queries (Fuseki: {@code tdb2:unionDefaultGraph true}; Virtuoso does so by default).
     *
     * @param destination the dataset URL, e.g. {@code http://localhost:3030/kb}
     * @param queryEndpoint SPARQL Query endpoint
     * @param updateEndpoint SPARQL Update endpoint ({@code update}, the default, means {@code sparql} on Virtuoso)
     * @param gspEndpoint Graph Store Protocol endpoint ({@code data}, the default, means {@code sparql-graph-crud}
     *     on Virtuoso)
     * @param username user for HTTP basic authentication; none when blank
     * @param password password for HTTP basic authentication
     * @param connectTimeout how long to wait for a connection to the remote store
     * @param engine which SPARQL engine serves the dataset: decides the form of the server-side timeout and how
     *     incomplete answers are recognised; {@code auto} asks the server (its {@code Server} header)
     * @param resultCap the most rows or triples the store returns for one query, when it cuts answers silently
     *     (Virtuoso's {@code ResultSetMaxRows}); 0 when it has no such cap or flags cut answers itself. An answer that
     *     reaches the cap is refused as possibly cut, never used as data
     * @param pageSize how many rows a page of a paged read asks for (graph listings, graph reads that the store cut)
     * @param loadBatch how many triples one request of a load carries at most: smaller graphs go together in one
     *     Update request, a larger graph alone through the Graph Store Protocol (in several requests when it has no
     *     blank nodes)
     * @param retries how often an idempotent request (a graph read, a graph written whole) is repeated after a
     *     transient failure (connection refused or reset, 502, 503, 504)
     */
    public record Remote(
            String destination,
            @DefaultValue("sparql") String queryEndpoint,
            @DefaultValue("update") String updateEndpoint,
            @DefaultValue("data") String gspEndpoint,
            String username,
            String password,
            @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("auto") Engine engine,
            @DefaultValue("-1") int resultCap,
            @DefaultValue("5000") int pageSize,
            @DefaultValue("5000") int loadBatch,
            @DefaultValue("3") int retries) {

        /** The settings of a store at {@code destination} with the engine found out by asking it. */
        public Remote(
                String destination,
                String queryEndpoint,
                String updateEndpoint,
                String gspEndpoint,
                String username,
                String password,
                Duration connectTimeout) {
            this(
                    destination,
                    queryEndpoint,
                    updateEndpoint,
                    gspEndpoint,
                    username,
                    password,
                    connectTimeout,
                    Engine.AUTO,
                    -1,
                    5000,
                    5000,
                    3);
        }

        @ConstructorBinding
        public Remote {
            if (pageSize <= 0) {
                throw new IllegalArgumentException("kb.store.remote.page-size must be positive: " + pageSize);
            }
            if (loadBatch <= 0) {
                throw new IllegalArgumentException("kb.store.remote.load-batch must be positive: " + loadBatch);
            }
            if (retries < 0) {
                throw new IllegalArgumentException("kb.store.remote.retries must not be negative: " + retries);
            }
        }

        /** These settings for another engine (as found out by asking the server). */
        public Remote withEngine(Engine detected) {
            return with(detected, resultCap);
        }

        /** These settings with another result cap. */
        public Remote withResultCap(int cap) {
            return with(engine, cap);
        }

        private Remote with(Engine otherEngine, int otherCap) {
            return new Remote(
                    destination,
                    queryEndpoint,
                    updateEndpoint,
                    gspEndpoint,
                    username,
                    password,
                    connectTimeout,
                    otherEngine,
                    otherCap,
                    pageSize,
                    loadBatch,
                    retries);
        }

        @Override
        public String toString() {
            // Never print the password into logs.
            return "Remote[destination=" + destination + ", queryEndpoint=" + queryEndpoint + ", updateEndpoint="
                    + updateEndpoint + ", gspEndpoint=" + gspEndpoint + ", username=" + username + ", engine="
                    + engine + "]";
        }
    }

    /**
     * The SPARQL engines remote mode knows. {@code FUSEKI} takes the protocol's {@code timeout} parameter in whole
     * seconds; {@code VIRTUOSO} takes {@code timeout} in milliseconds, answers a query that ran out of time with a
     * partial result flagged by {@code X-SQL-State}, and cuts answers at {@code ResultSetMaxRows} (10,000 unless
     * configured otherwise); {@code GENERIC} gets no server-side timeout, only the client's.
     */
    public enum Engine {
        AUTO,
        FUSEKI,
        VIRTUOSO,
        GENERIC
    }

    /** @param timeout how long any query the application runs may take */
    public record Query(@DefaultValue("PT10S") Duration timeout) {}
}
