package jp.kakaritsuke.kb.sparql;

import org.apache.jena.query.Query;

/**
 * The row cap of the public SPARQL service: a query is rewritten, through Jena's {@link Query} API and never as
 * text, so that it carries a LIMIT no larger than the cap.
 *
 * <p>SELECT, CONSTRUCT and DESCRIBE queries without a LIMIT get {@code LIMIT cap}; those with a larger LIMIT get
 * the cap; those with a smaller LIMIT are left alone. OFFSET, ORDER BY and sub-queries are untouched, so paging with
 * OFFSET still works. ASK answers one boolean and is never changed. The LIMIT lets the engine stop as soon as the
 * cap is reached; a query that must see every solution first (ORDER BY over a huge cross product) is stopped by the
 * query timeout instead.
 *
 * <p>An answer the cap may have cut carries the response header {@link #HEADER} with the cap as its value (and the
 * query page shows a notice).
 */
final class RowCap {

    /** The response header of an answer that the cap may have cut; its value is the cap. */
    static final String HEADER = "KB-Result-Capped";

    private RowCap() {}

    /** The query as it runs under the cap: {@code query} itself when it already obeys it, else a changed copy. */
    static Query apply(Query query, long cap) {
        if (query.isAskType()) {
            return query;
        }
        if (query.hasLimit() && query.getLimit() <= cap) {
            return query;
        }
        Query capped = query.cloneQuery();
        capped.setLimit(cap);
        return capped;
    }

    /**
     * Whether the cap may have cut the answer to {@code query}: the cap changed the query and the answer has as many
     * rows as the cap (for CONSTRUCT and DESCRIBE: at least as many triples, since the cap counts solutions).
     */
    static boolean reached(Query query, long rows, long cap) {
        return apply(query, cap) != query && rows >= cap;
    }
}
