package jp.kakaritsuke.kb.cross;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The named queries of {@code queries/} that the cross-region views run, through the application's
 * {@link NamedQueryRunner} (values bound by name, the configured timeout). That every one of them is in the catalogue
 * is checked when the application starts.
 */
@Component
class CrossQueries {

    static final String FUNCTIONS = "functions-to-compare";
    static final String TYPES = "comparison-types";
    static final String TYPE_ROWS = "cause-type-rows";
    static final String TYPE_COLUMNS = "measure-type-columns";
    static final String TYPE_MATRIX = "cause-type-matrix";
    static final String CAUSES_OF_TYPE = "causes-of-type";
    static final String TYPE_CELL = "cause-type-cell";
    static final String FISCAL_YEARS = "fiscal-years";
    static final String PREFECTURES = "prefectures";
    static final String SIMILAR_ITEM = "similar-item";
    static final String CAUSE_CONTEXT = "cause-context";
    static final String SIMILAR_MEASURES = "similar-measures-for-cause";
    static final String MEASURE_HEADINGS = "measure-headings";
    static final String RESOURCE_RANKING = "resource-ranking";
    static final String RESOURCE_CONCEPT = "resource-concept";
    static final String RESOURCE_USE = "resource-use";
    static final String COMPARE_WORKSHEET = "compare/worksheet";
    static final String COMPARE_ITEMS = "compare/items";

    private static final List<String> NAMES = List.of(
            FUNCTIONS,
            TYPES,
            TYPE_ROWS,
            TYPE_COLUMNS,
            TYPE_MATRIX,
            CAUSES_OF_TYPE,
            TYPE_CELL,
            FISCAL_YEARS,
            PREFECTURES,
            SIMILAR_ITEM,
            CAUSE_CONTEXT,
            SIMILAR_MEASURES,
            MEASURE_HEADINGS,
            RESOURCE_RANKING,
            RESOURCE_CONCEPT,
            RESOURCE_USE,
            COMPARE_WORKSHEET,
            COMPARE_ITEMS);

    private final NamedQueryRunner runner;

    CrossQueries(NamedQueryCatalog catalog, NamedQueryRunner runner) {
        NAMES.forEach(catalog::get);
        this.runner = runner;
    }

    /**
     * Asks, in the background once the application is up, the two questions every cross-region page asks first
     * whatever its parameters: the fiscal years with their counts (the year selector) and the functions with
     * worksheets. On a JVM just started each takes 0.3–0.5 s at 構想区域 × 10 years, which the first reader of such a
     * page would otherwise wait for. Held already (kept from the last run), they are not asked again; after a write the
     * answer cache asks them again by itself.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onceUp() {
        askAhead();
    }

    /** Asks the two first questions ahead; complete once both are answered (or nothing was to be asked). */
    CompletableFuture<Void> askAhead() {
        return CompletableFuture.allOf(Stream.of(FISCAL_YEARS, FUNCTIONS)
                .map(name -> runner.prefetch(name, Map.of()))
                .toArray(CompletableFuture[]::new));
    }

    /** Runs a SELECT query with no parameter. */
    ResultSetRewindable select(String name) {
        return runner.select(name, Map.of());
    }

    /** Runs a SELECT query with no other parameter, narrowed to one fiscal year when {@code fiscalYear} is not null. */
    ResultSetRewindable selectForYear(String name, String fiscalYear) {
        return select(name, params(null, null, fiscalYear));
    }

    /** Runs a SELECT query with one IRI parameter. */
    ResultSetRewindable select(String name, String parameter, String iri) {
        return runner.select(name, Map.of(parameter, iri));
    }

    /** Runs a SELECT query with one IRI parameter, narrowed to one fiscal year when {@code fiscalYear} is not null. */
    ResultSetRewindable select(String name, String parameter, String iri, String fiscalYear) {
        return select(name, params(parameter, iri, fiscalYear));
    }

    /**
     * Starts answering {@link #select(String, String, String, String)} in the background, for a page that asks it
     * after others ({@link NamedQueryRunner#prefetch}).
     */
    void prefetch(String name, String parameter, String iri, String fiscalYear) {
        runner.prefetch(name, params(parameter, iri, fiscalYear));
    }

    private static Map<String, String> params(String parameter, String iri, String fiscalYear) {
        Map<String, String> params = new java.util.HashMap<>();
        if (parameter != null) {
            params.put(parameter, iri);
        }
        if (fiscalYear != null) {
            params.put("fiscalYear", fiscalYear);
        }
        return params;
    }

    /** Runs a SELECT query with the given parameters (IRIs and literals by name). */
    ResultSetRewindable select(String name, Map<String, String> params) {
        return runner.select(name, params);
    }

    /** Runs a SELECT query once for several IRIs of its parameter, in one request ({@code VALUES}). */
    ResultSetRewindable selectEach(String name, String parameter, Collection<Node> iris) {
        return runner.selectEach(name, parameter, iris);
    }

    /** Runs a CONSTRUCT query with one IRI parameter. */
    Model construct(String name, String parameter, String iri) {
        return runner.construct(name, Map.of(parameter, iri));
    }
}
