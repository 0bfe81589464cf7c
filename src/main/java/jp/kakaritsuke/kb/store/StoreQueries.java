package jp.kakaritsuke.kb.store;

import java.util.Objects;
import org.apache.jena.query.Query;

/**
 * The questions a store asks of itself, parsed from the files of {@code queries/store/} by the query catalogue
 * ({@code NamedQueryCatalog#storeQueries()}), which hands them in so that this package needs no catalogue. Their
 * parameters are bound through Jena's syntax classes and their pages set with {@link Query#setLimit} and
 * {@link Query#setOffset}, never by editing text.
 *
 * @param probe {@code store/probe}: a question that reads nothing (the engine probe, the health check)
 * @param graphNames {@code store/graph-names}: the named graphs in order, but {@code ?excluded}
 * @param graphSize {@code store/graph-size}: the number of triples in {@code ?graph}
 * @param graphTriples {@code store/graph-triples}: the triples of {@code ?graph} in a fixed order
 */
public record StoreQueries(Query probe, Query graphNames, Query graphSize, Query graphTriples) {

    public StoreQueries {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(graphNames, "graphNames");
        Objects.requireNonNull(graphSize, "graphSize");
        Objects.requireNonNull(graphTriples, "graphTriples");
    }
}
