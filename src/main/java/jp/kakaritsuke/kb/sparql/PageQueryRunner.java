package jp.kakaritsuke.kb.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.rdf.Prefixes;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdf.model.StmtIterator;
import org.apache.jena.shared.PrefixMapping;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Runs the queries of the query page against the knowledge store, with the same limits as the public endpoint:
 * the {@link RowCap} and the query timeout {@code kb.query.timeout} (a timeout ends as 503 through the error
 * advice).
 */
@Component
class PageQueryRunner {

    private static final List<String> TRIPLE_COLUMNS = List.of("subject", "predicate", "object");

    private final KnowledgeStore store;
    private final Duration timeout;
    private final long maxRows;
    private final long maxResultBytes;
    private final String baseIri;

    PageQueryRunner(KnowledgeStore store, SparqlProperties properties, StoreProperties kb) {
        this.store = store;
        this.timeout = kb.query().timeout();
        this.maxRows = properties.maxRows();
        this.maxResultBytes = properties.maxResultSize().toBytes();
        this.baseIri = kb.baseIri();
    }

    long maxRows() {
        return maxRows;
    }

    /** The byte cap as people write it (16MB, 256KB). */
    String maxResultSize() {
        DataSize size = DataSize.ofBytes(maxResultBytes);
        return size.toKilobytes() >= 1024 && size.toBytes() % (1024 * 1024) == 0
                ? size.toMegabytes() + "MB"
                : size.toBytes() % 1024 == 0 ? size.toKilobytes() + "KB" : size.toBytes() + "B";
    }

    /**
     * Runs {@code query} with {@code bindings} (which may be empty) under the row cap, the byte cap and the timeout.
     * The whole answer is read before the page is rendered, so a timeout is a 503 before the first byte.
     *
     * @throws ResultTooLargeException if the text of the result table is larger than {@code kb.sparql.max-result-size}
     */
    QueryOutcome run(Query query, QuerySolution bindings) {
        Query capped = RowCap.apply(query, maxRows);
        // IRIs and datatypes are shown by the query's prefixes, else by the site's and the usual ones (kk:, xsd: …).
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefixes(Prefixes.standard())
                .setNsPrefixes(query.getPrefixMapping());
        QuerySolution given = bindings == null ? new QuerySolutionMap() : bindings;
        if (query.isAskType()) {
            boolean answer = store.ask(capped, given, timeout);
            return new QueryOutcome(QueryOutcome.Form.ASK, List.of(), List.of(), answer, false);
        }
        if (query.isSelectType()) {
            ResultSetRewindable results = store.select(capped, given, timeout);
            List<String> columns = results.getResultVars();
            List<List<ResultCell>> rows = new ArrayList<>();
            long bytes = 0;
            while (results.hasNext()) {
                QuerySolution row = results.next();
                List<ResultCell> cells = columns.stream()
                        .map(c -> ResultCell.of(row.get(c), baseIri, prefixes))
                        .toList();
                bytes = withinCap(bytes, cells);
                rows.add(cells);
            }
            return new QueryOutcome(
                    QueryOutcome.Form.SELECT, columns, rows, false, RowCap.reached(query, rows.size(), maxRows));
        }
        Model model = store.construct(capped, given, timeout);
        List<List<ResultCell>> rows = new ArrayList<>();
        long bytes = 0;
        for (StmtIterator it = model.listStatements(); it.hasNext(); ) {
            Statement s = it.next();
            List<ResultCell> cells = List.of(
                    ResultCell.of(s.getSubject(), baseIri, prefixes),
                    ResultCell.of(s.getPredicate(), baseIri, prefixes),
                    ResultCell.of(s.getObject(), baseIri, prefixes));
            bytes = withinCap(bytes, cells);
            rows.add(cells);
        }
        return new QueryOutcome(
                QueryOutcome.Form.GRAPH, TRIPLE_COLUMNS, rows, false, RowCap.reached(query, rows.size(), maxRows));
    }

    /** {@code bytes} plus the text of {@code cells}, as long as the sum stays within the byte cap. */
    private long withinCap(long bytes, List<ResultCell> cells) {
        long sum = bytes;
        for (ResultCell cell : cells) {
            sum += cell.textLength();
        }
        if (sum > maxResultBytes) {
            throw new ResultTooLargeException(maxResultSize());
        }
        return sum;
    }
}
