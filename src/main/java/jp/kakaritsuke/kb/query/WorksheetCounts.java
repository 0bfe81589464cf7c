package jp.kakaritsuke.kb.query;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.springframework.stereotype.Component;

/**
 * The one way worksheets are counted wherever a page or the dataset description gives their number: by provenance
 * and status (named query {@code worksheet-provenance-counts}) — the guideline's worked examples, the areas' drafts,
 * the areas' agreed worksheets, synthetic ones — optionally of one function, area, reused resource or fiscal year.
 */
@Component
public class WorksheetCounts {

    static final String QUERY = "worksheet-provenance-counts";

    private final NamedQueryRunner runner;

    public WorksheetCounts(NamedQueryRunner runner) {
        this.runner = runner;
    }

    /**
     * Worksheets by provenance and status; {@code worksheets} is their total.
     *
     * @param examples the guideline's worked examples (status example, not synthetic)
     * @param drafts worksheets areas are drafting (status draft, not synthetic)
     * @param agreed worksheets areas agreed (status agreed, not synthetic)
     * @param synthetic synthetic worksheets, whatever their status
     */
    public record ByProvenance(long worksheets, long examples, long drafts, long agreed, long synthetic) {

        /** The worksheets that are not synthetic. */
        public long sourced() {
            return worksheets - synthetic;
        }
    }

    /** All worksheets of the store. */
    public ByProvenance all() {
        return of(null, null, null);
    }

    /**
     * The worksheets of a function (narrower ones included), an area (areas inside it included) and a reused resource;
     * each IRI may be null for "any".
     */
    public ByProvenance of(String function, String area, String resource) {
        return of(function, area, resource, null);
    }

    /** As {@link #of(String, String, String)}, of one fiscal year ({@code 2026}) unless {@code fiscalYear} is null. */
    public ByProvenance of(String function, String area, String resource, String fiscalYear) {
        ResultSet rows = runner.select(QUERY, params(function, area, resource, fiscalYear));
        QuerySolution row = rows.next();
        return new ByProvenance(
                number(row, "worksheets"),
                number(row, "exampleWorksheets"),
                number(row, "draftWorksheets"),
                number(row, "agreedWorksheets"),
                number(row, "syntheticWorksheets"));
    }

    /** Starts counting {@link #of} in the background, for a page that asks other questions first. */
    public void prefetch(String function, String area, String resource) {
        prefetch(function, area, resource, null);
    }

    /** Starts counting {@link #of(String, String, String, String)} in the background. */
    public void prefetch(String function, String area, String resource, String fiscalYear) {
        runner.prefetch(QUERY, params(function, area, resource, fiscalYear));
    }

    private static Map<String, String> params(String function, String area, String resource, String fiscalYear) {
        Map<String, String> params = new HashMap<>();
        put(params, "function", function);
        put(params, "area", area);
        put(params, "resource", resource);
        put(params, "fiscalYear", fiscalYear);
        return params;
    }

    private static void put(Map<String, String> params, String name, String iri) {
        if (iri != null) {
            params.put(name, iri);
        }
    }

    private static long number(QuerySolution row, String column) {
        return row.contains(column) ? row.getLiteral(column).getLong() : 0;
    }
}
