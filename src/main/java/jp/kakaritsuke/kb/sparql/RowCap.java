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
 */
final class RowCap {

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
}
