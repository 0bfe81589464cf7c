package jp.kakaritsuke.kb.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.stereotype.Service;

/**
 * Searches the worksheet text and groups the matches by worksheet. With the embedded store (or a remote store that
 * has this application's text index, {@code kb.search.remote-text-query=true}) it runs
 * {@code queries/search/text-search.rq}; otherwise {@code queries/search/substring-search.rq}, a substring match.
 * The worksheets' headings come from {@code queries/search/worksheets.rq}.
 */
@Service
public class SearchService {

    /** How the search was answered. */
    public enum Mode {
        /** By the jena-text index. */
        TEXT_INDEX,
        /** By substring matching, the store having no text index. */
        SUBSTRING
    }

    /** A text in Japanese and English; either may be null. */
    public record Text(String ja, String en) {

        /** The text in {@code lang}, else the other one. */
        public String in(String lang) {
            String preferred = "en".equals(lang) ? en : ja;
            return preferred != null ? preferred : "en".equals(lang) ? ja : en;
        }
    }

    /** One matching text. */
    public record Hit(
            String item,
            String predicate,
            String language,
            List<Highlighting.Segment> segments,
            Text section,
            Text itemLabel,
            String worksheet) {}

    /** A worksheet and its matching texts, best first. */
    public record WorksheetHits(Worksheet worksheet, List<Hit> hits) {}

    /** A worksheet's heading and filters. */
    public record Worksheet(
            String iri,
            Text title,
            String function,
            Text functionLabel,
            String area,
            Text areaLabel,
            boolean synthetic) {}

    /** What a search found: hits grouped by worksheet, then the hits outside any worksheet (vocabulary, sources). */
    public record Result(Mode mode, List<WorksheetHits> worksheets, List<Hit> others, int hitCount, boolean capped) {}

    static final String TEXT_QUERY = "search/text-search";
    static final String SUBSTRING_QUERY = "search/substring-search";
    static final String WORKSHEETS_QUERY = "search/worksheets";

    /** How many texts the index is asked for before the filters; the filters may drop many of them. */
    private static final int INDEX_LIMIT = 2000;

    private final KnowledgeStore store;
    private final Duration timeout;
    private final int maxHits;
    private final Mode mode;
    private final Query textQuery;
    private final Query substringQuery;
    private final Query worksheetsQuery;

    public SearchService(KnowledgeStore store, StoreProperties storeProperties, SearchProperties properties) {
        this.store = store;
        this.timeout = storeProperties.query().timeout();
        this.maxHits = properties.maxHits();
        this.mode = storeProperties.store().kind() == StoreProperties.Kind.TDB2 || properties.remoteTextQuery()
                ? Mode.TEXT_INDEX
                : Mode.SUBSTRING;
        this.textQuery = NamedQueryCatalog.query(TEXT_QUERY);
        this.substringQuery = NamedQueryCatalog.query(SUBSTRING_QUERY);
        this.worksheetsQuery = NamedQueryCatalog.query(WORKSHEETS_QUERY);
    }

    public Mode mode() {
        return mode;
    }

    /** Every worksheet, for the filters and the result headings. */
    public List<Worksheet> worksheets() {
        List<Worksheet> worksheets = new ArrayList<>();
        ResultSet rows = store.select(worksheetsQuery, null, timeout);
        Set<String> seen = new HashSet<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String iri = row.getResource("worksheet").getURI();
            if (seen.add(iri)) {
                worksheets.add(new Worksheet(
                        iri,
                        text(row, "titleJa", "titleEn"),
                        iri(row, "function"),
                        text(row, "functionJa", "functionEn"),
                        iri(row, "area"),
                        text(row, "areaJa", "areaEn"),
                        row.contains("synthetic") && row.getLiteral("synthetic").getBoolean()));
            }
        }
        return worksheets;
    }

    /**
     * Runs a search.
     *
     * @param query what to look for
     * @param function only worksheets of this function (or a narrower one); none when null
     * @param area only worksheets of this area; none when null
     * @throws BadRequestException if the index refuses the query
     */
    public Result search(SearchQuery query, String function, String area) {
        if (query.isEmpty()) {
            return new Result(mode, List.of(), List.of(), 0, false);
        }
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("anyFunction", ResourceFactory.createTypedLiteral(function == null));
        if (function != null) {
            bindings.add("function", ResourceFactory.createResource(function));
        }
        bindings.add("anyArea", ResourceFactory.createTypedLiteral(area == null));
        if (area != null) {
            bindings.add("area", ResourceFactory.createResource(area));
        }
        ResultSet rows;
        if (mode == Mode.TEXT_INDEX) {
            bindings.add("luceneQuery", ResourceFactory.createStringLiteral(query.lucene()));
            bindings.add("limit", ResourceFactory.createTypedLiteral(INDEX_LIMIT));
            try {
                rows = store.select(textQuery, bindings, timeout);
            } catch (TextIndexParseException e) {
                throw new BadRequestException(
                        SearchQuery.PARAMETER, "the search text is not a valid Lucene query: " + e.getMessage());
            }
        } else {
            bindings.add("needle", ResourceFactory.createStringLiteral(query.substring()));
            rows = store.select(substringQuery, bindings, timeout);
        }
        return group(rows, query);
    }

    private Result group(ResultSet rows, SearchQuery query) {
        Map<String, Worksheet> worksheets = new LinkedHashMap<>();
        worksheets().forEach(w -> worksheets.put(w.iri(), w));
        Map<String, List<Hit>> byWorksheet = new LinkedHashMap<>();
        List<Hit> others = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
        boolean capped = false;
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            Literal literal = row.getLiteral("literal");
            String item = row.getResource("item").getURI();
            String predicate = row.getResource("predicate").getURI();
            String worksheet = iri(row, "worksheet");
            // One text may come back once per type of its item or per label; keep its first (best) row.
            if (!seen.add(item + '\u0000' + predicate + '\u0000' + literal.toString() + '\u0000' + worksheet)) {
                continue;
            }
            if (count == maxHits) {
                capped = true;
                break;
            }
            count++;
            String lang = literal.getLanguage().isEmpty() ? null : literal.getLanguage();
            List<Highlighting.Segment> segments = mode == Mode.TEXT_INDEX
                    ? Highlighting.byTerms(literal.getLexicalForm(), lang, query.terms(lang))
                    : Highlighting.bySubstring(literal.getLexicalForm(), query.substring());
            Hit hit = new Hit(
                    item,
                    predicate,
                    lang,
                    segments,
                    text(row, "sectionJa", "sectionEn"),
                    text(row, "itemLabelJa", "itemLabelEn"),
                    worksheet);
            if (worksheet != null && worksheets.containsKey(worksheet)) {
                byWorksheet.computeIfAbsent(worksheet, w -> new ArrayList<>()).add(hit);
            } else {
                others.add(hit);
            }
        }
        List<WorksheetHits> groups = new ArrayList<>();
        byWorksheet.forEach((iri, hits) -> groups.add(new WorksheetHits(worksheets.get(iri), List.copyOf(hits))));
        return new Result(mode, List.copyOf(groups), List.copyOf(others), count, capped);
    }

    private static Text text(QuerySolution row, String ja, String en) {
        return new Text(lexical(row, ja), lexical(row, en));
    }

    private static String lexical(QuerySolution row, String var) {
        RDFNode node = row.get(var);
        return node != null && node.isLiteral() ? node.asLiteral().getLexicalForm() : null;
    }

    private static String iri(QuerySolution row, String var) {
        RDFNode node = row.get(var);
        return node != null && node.isURIResource() ? node.asResource().getURI() : null;
    }
}
