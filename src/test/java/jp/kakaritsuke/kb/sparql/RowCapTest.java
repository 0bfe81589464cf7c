package jp.kakaritsuke.kb.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

class RowCapTest {

    private static Query q(String text) {
        return QueryFactory.create(text);
    }

    @Test
    void aQueryWithoutLimitGetsTheCap() {
        Query original = q("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s");
        assertEquals(q("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 100"), RowCap.apply(original, 100));
        assertFalse(original.hasLimit(), "the caller's query is not changed");
    }

    @Test
    void aLargerLimitIsLoweredAndOffsetKept() {
        assertEquals(
                q("SELECT * WHERE { ?s ?p ?o } LIMIT 100 OFFSET 20"),
                RowCap.apply(q("SELECT * WHERE { ?s ?p ?o } LIMIT 5000 OFFSET 20"), 100));
    }

    @Test
    void aSmallerLimitIsKept() {
        Query small = q("SELECT * WHERE { ?s ?p ?o } LIMIT 10");
        assertSame(small, RowCap.apply(small, 100));
    }

    @Test
    void constructAndDescribeAreCappedAskIsNot() {
        assertEquals(q("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3"), RowCap.apply(q("CONSTRUCT WHERE { ?s ?p ?o }"), 3));
        assertEquals(q("DESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 3"), RowCap.apply(q("DESCRIBE ?s WHERE { ?s ?p ?o }"), 3));
        Query ask = q("ASK { ?s ?p ?o }");
        assertSame(ask, RowCap.apply(ask, 3));
    }

    @Test
    void subQueriesAreLeftAlone() {
        assertEquals(
                q("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } } LIMIT 2"),
                RowCap.apply(q("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }"), 2));
    }
}
