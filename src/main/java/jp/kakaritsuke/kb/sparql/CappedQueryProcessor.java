package jp.kakaritsuke.kb.sparql;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.springframework.util.unit.DataSize;

/**
 * Fuseki's standard query processor (dataset description by protocol and by FROM, every result format, timeouts
 * from the endpoint context), with one change: every query runs under the {@link RowCap}, and an answer the cap may
 * have cut says so in the {@link RowCap#HEADER} response header. The rows of a SELECT are read completely before the
 * first byte is written, so a timeout is Fuseki's clean 503 and never a result cut short; a result whose text alone
 * is larger than the byte cap is a 413. {@link WholeResultFilter} holds the written answer back until it is
 * complete.
 */
class CappedQueryProcessor extends SPARQL_QueryDataset {

    private final long maxRows;
    private final DataSize maxResultSize;

    CappedQueryProcessor(long maxRows, DataSize maxResultSize) {
        this.maxRows = maxRows;
        this.maxResultSize = maxResultSize;
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        return super.createQueryExec(action, RowCap.apply(query, maxRows), dataset);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        QueryExecResult result = super.executeQuery(action, exec, query, queryStringLog);
        if (result.isRowSet()) {
            return new QueryExecResult(whole(action, query, result.rowSet()));
        }
        long triples = result.isDataset()
                ? result.dataset().stream().count()
                : result.isGraph() ? result.graph().size() : 0;
        if (RowCap.reached(query, triples, maxRows)) {
            markCapped(action);
        }
        return result;
    }

    /**
     * All rows of {@code rows}, read before the first byte is written: a timeout strikes here, while Fuseki can still
     * answer 503, and not while the rows stream out. The rows are bounded by the row cap, and their text by the byte
     * cap (a lower bound of their serialized size; {@link WholeResultFilter} checks the serialized answer itself).
     */
    private RowSet whole(HttpAction action, Query query, RowSet rows) {
        List<Binding> all = new ArrayList<>();
        long chars = 0;
        while (rows.hasNext()) {
            Binding row = rows.next();
            for (Iterator<Var> vars = row.vars(); vars.hasNext(); ) {
                chars += length(row.get(vars.next()));
            }
            if (chars > maxResultSize.toBytes()) {
                ServletOps.error(
                        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        WholeResultFilter.tooLargeMessage(maxResultSize));
            }
            all.add(row);
        }
        if (RowCap.reached(query, all.size(), maxRows)) {
            markCapped(action);
        }
        return RowSetStream.create(rows.getResultVars(), all.iterator());
    }

    private static long length(Node node) {
        if (node == null) {
            return 0;
        }
        if (node.isURI()) {
            return node.getURI().length();
        }
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm().length();
        }
        return node.toString().length();
    }

    private void markCapped(HttpAction action) {
        action.getResponse().setHeader(RowCap.HEADER, Long.toString(maxRows));
    }
}
