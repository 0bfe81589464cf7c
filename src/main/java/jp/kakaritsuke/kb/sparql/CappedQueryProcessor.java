package jp.kakaritsuke.kb.sparql;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's standard query processor (dataset description by protocol and by FROM, every result format, timeouts
 * from the endpoint context), with one change: every query runs under the {@link RowCap}.
 */
class CappedQueryProcessor extends SPARQL_QueryDataset {

    private final long maxRows;

    CappedQueryProcessor(long maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        return super.createQueryExec(action, RowCap.apply(query, maxRows), dataset);
    }
}
