package jp.kakaritsuke.kb.sparql;

import java.util.List;

/**
 * What the query page shows for one query: a table (SELECT; CONSTRUCT and DESCRIBE as subject, predicate, object)
 * or a boolean (ASK).
 *
 * @param form the query form
 * @param columns the table's column names (variables without {@code ?})
 * @param rows the table rows, each as long as {@code columns}
 * @param answer the ASK answer; false for the other forms
 * @param capped true when the row cap may have cut the result (as many rows as the cap)
 */
record QueryOutcome(Form form, List<String> columns, List<List<ResultCell>> rows, boolean answer, boolean capped) {

    /** The query forms, as far as the page is concerned. */
    enum Form {
        SELECT,
        ASK,
        GRAPH
    }

    QueryOutcome {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** True for the forms shown as a table (all but ASK). */
    public boolean isTable() {
        return form != Form.ASK;
    }
}
