package jp.kakaritsuke.kb.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
        public Data {
        }

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
            @DefaultValue Remote remote) {
    }

    /** Which implementation of {@link KnowledgeStore} the application uses. */
    public enum Kind { TDB2, REMOTE }

    /** @param location directory of the TDB2 database; created if missing */
    public record Tdb2(@DefaultValue("var/tdb2") Path location) {
    }

    /**
     * A remote dataset reached over the SPARQL 1.1 protocols. Endpoints are resolved against {@code destination}
     * (so they may be relative names such as {@code sparql}). The dataset must present the union of its named graphs
     * as its default graph for queries (Fuseki: {@code tdb2:unionDefaultGraph true}).
     *
     * @param destination the dataset URL, e.g. {@code http://localhost:3030/kb}
     * @param queryEndpoint SPARQL Query endpoint
     * @param updateEndpoint SPARQL Update endpoint
     * @param gspEndpoint Graph Store Protocol endpoint
     * @param username user for HTTP basic authentication; none when blank
     * @param password password for HTTP basic authentication
     * @param connectTimeout how long to wait for a connection to the remote store
     */
    public record Remote(
            String destination,
            @DefaultValue("sparql") String queryEndpoint,
            @DefaultValue("update") String updateEndpoint,
            @DefaultValue("data") String gspEndpoint,
            String username,
            String password,
            @DefaultValue("PT5S") Duration connectTimeout) {

        @Override
        public String toString() {
            // Never print the password into logs.
            return "Remote[destination=" + destination + ", queryEndpoint=" + queryEndpoint + ", updateEndpoint="
                    + updateEndpoint + ", gspEndpoint=" + gspEndpoint + ", username=" + username + "]";
        }
    }

    /** @param timeout how long any query the application runs may take */
    public record Query(@DefaultValue("PT10S") Duration timeout) {
    }
}
