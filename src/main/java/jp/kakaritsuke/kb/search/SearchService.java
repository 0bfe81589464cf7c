package jp.kakaritsuke.kb.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.area.AreaLabels;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KeptUntilWrite;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.StoredBoolean;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.web.BadRequestException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
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

    /** A worksheet and its matching texts, best first; {@code score} is the relevance of its best text. */
    public record WorksheetHits(Worksheet worksheet, List<Hit> hits, float score) {}

    /**
     * A worksheet's heading and filters.
     *
     * @param prefectureCode the code of the prefecture that is or contains the area (JIS X 0401), or null
     * @param prefectureLabel that prefecture's label
     * @param status the worksheet's status (a concept of kk:statuses), or null
     */
    public record Worksheet(
            String iri,
            Text title,
            String function,
            Text functionLabel,
            String functionNotation,
            String area,
            Text areaLabel,
            boolean synthetic,
            String prefectureCode,
            Text prefectureLabel,
            String fiscalYear,
            String status,
            Text statusLabel) {

        /** The area's label with its prefecture's (「東京都 区中央部」), see {@link AreaLabels}. */
        public String areaLabel(String lang) {
            return AreaLabels.withPrefecture(lang, areaLabel.in(lang), prefectureLabel.in(lang));
        }

        /**
         * Where the worksheet ranks among results of equal relevance: the guideline's worked examples and agreed
         * worksheets first (0), then drafts (1), then synthetic worksheets (2 agreed, 3 draft).
         */
        public int rank() {
            boolean settled = Statuses.EXAMPLE.getURI().equals(status)
                    || Statuses.AGREED.getURI().equals(status);
            return (synthetic ? 2 : 0) + (settled ? 0 : 1);
        }
    }

    /**
     * What the worksheets are narrowed to; a null value does not narrow.
     *
     * @param function worksheets of this function or a narrower one (IRI)
     * @param area worksheets of this area (IRI)
     * @param prefecture worksheets of areas in this prefecture, or of the prefecture itself (IRI)
     * @param status worksheets of this status (IRI of a concept of kk:statuses)
     * @param hideSynthetic whether synthetic worksheets are left out
     */
    public record Filters(String function, String area, String prefecture, String status, boolean hideSynthetic) {}

    /** What a search found: hits grouped by worksheet, then the hits outside any worksheet (vocabulary, sources). */
    public record Result(Mode mode, List<WorksheetHits> worksheets, List<Hit> others, int hitCount, boolean capped) {}

    static final String TEXT_QUERY = "search/text-search";
    static final String SUBSTRING_QUERY = "search/substring-search";
    static final String WORKSHEETS_QUERY = "search/worksheets";
    static final String CHOICES_QUERY = "search/filter-choices";

    /**
     * How many texts the index is asked for before the filters; the filters may drop many of them. Without a filter,
     * twice max-hits (at 構想区域 × 10 years a common word matches thousands of texts: 0.7-1.3 s for 2,000 rows).
     */
    private static final int INDEX_LIMIT = 2000;

    private final KnowledgeStore store;
    private final Duration timeout;
    private final int maxHits;
    private final Mode mode;
    private final Query textQuery;
    private final Query substringQuery;
    private final Query worksheetsQuery;
    private final Query choicesQuery;
    private final KeptUntilWrite<Choices> choices;

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
        this.choicesQuery = NamedQueryCatalog.query(CHOICES_QUERY);
        this.choices = new KeptUntilWrite<>(store);
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The functions, areas and statuses that worksheets have: the choices of the search page's filters (query {@value
     * #CHOICES_QUERY}), kept until the next write.
     *
     * @param functions one entry per function ({@code notation} set; no prefecture)
     * @param areas one entry per area, with the prefecture that is or contains it
     * @param statuses one entry per status
     */
    public record Choices(List<Choice> functions, List<Choice> areas, List<Choice> statuses) {}

    /**
     * A function, area or status that worksheets have.
     *
     * @param notation a function's notation, else null
     * @param prefectureCode an area's prefecture code (JIS X 0401), else null
     * @param prefectureLabel that prefecture's label
     */
    public record Choice(String iri, Text label, String notation, String prefectureCode, Text prefectureLabel) {

        /** An area's label with its prefecture's (「東京都 区中央部」), see {@link AreaLabels}. */
        public String areaLabel(String lang) {
            return AreaLabels.withPrefecture(lang, label.in(lang), prefectureLabel.in(lang));
        }
    }

    /** The choices of the search filters (kept until the next write). */
    public Choices choices() {
        return choices.get(this::readChoices);
    }

    private Choices readChoices() {
        List<Choice> functions = new ArrayList<>();
        List<Choice> areas = new ArrayList<>();
        List<Choice> statuses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ResultSet rows = store.select(choicesQuery, null, timeout);
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String function = iri(row, "function");
            String area = iri(row, "area");
            String status = iri(row, "status");
            if (function != null && seen.add(function)) {
                functions.add(new Choice(
                        function, text(row, "functionJa", "functionEn"), lexical(row, "functionNotation"), null, NONE));
            } else if (area != null && seen.add(area)) {
                areas.add(new Choice(
                        area,
                        text(row, "areaJa", "areaEn"),
                        null,
                        lexical(row, "prefectureCode"),
                        text(row, "prefectureJa", "prefectureEn")));
            } else if (status != null && seen.add(status)) {
                statuses.add(new Choice(status, text(row, "statusJa", "statusEn"), null, null, NONE));
            }
        }
        return new Choices(List.copyOf(functions), List.copyOf(areas), List.copyOf(statuses));
    }

    private static final Text NONE = new Text(null, null);

    /**
     * The headings of the worksheets {@code iris} by IRI (query {@value #WORKSHEETS_QUERY}, all asked at once); an IRI
     * that is no worksheet's is left out.
     */
    private Map<String, Worksheet> headings(Set<String> iris) {
        Map<String, Worksheet> byIri = new HashMap<>();
        if (iris.isEmpty()) {
            return byIri;
        }
        List<Node> values = iris.stream().map(NodeFactory::createURI).toList();
        ResultSet rows = store.select(NamedQueryRunner.forEach(worksheetsQuery, "worksheet", values), null, timeout);
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String iri = row.getResource("worksheet").getURI();
            byIri.computeIfAbsent(
                    iri,
                    w -> new Worksheet(
                            iri,
                            text(row, "titleJa", "titleEn"),
                            iri(row, "function"),
                            text(row, "functionJa", "functionEn"),
                            lexical(row, "functionNotation"),
                            iri(row, "area"),
                            text(row, "areaJa", "areaEn"),
                            StoredBoolean.isTrue(row.get("synthetic")),
                            lexical(row, "prefectureCode"),
                            text(row, "prefectureJa", "prefectureEn"),
                            lexical(row, "fiscalYear"),
                            iri(row, "status"),
                            text(row, "statusJa", "statusEn")));
        }
        return byIri;
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
        return search(query, new Filters(function, area, null, null, false));
    }

    /**
     * Runs a search: the worksheets whose texts match, most relevant first and, for equal relevance, by
     * {@link Worksheet#rank()}; then the matching texts outside any worksheet (none when a filter is set).
     *
     * @throws BadRequestException if the index refuses the query
     */
    public Result search(SearchQuery query, Filters filters) {
        if (query.isEmpty()) {
            return new Result(mode, List.of(), List.of(), 0, false);
        }
        String function = filters.function();
        String area = filters.area();
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("anyFunction", ResourceFactory.createTypedLiteral(function == null));
        if (function != null) {
            bindings.add("function", ResourceFactory.createResource(function));
        }
        bindings.add("anyArea", ResourceFactory.createTypedLiteral(area == null));
        if (area != null) {
            bindings.add("area", ResourceFactory.createResource(area));
        }
        if (filters.prefecture() != null) {
            bindings.add("prefecture", ResourceFactory.createResource(filters.prefecture()));
        }
        if (filters.status() != null) {
            bindings.add("status", ResourceFactory.createResource(filters.status()));
        }
        bindings.add("hideSynthetic", ResourceFactory.createTypedLiteral(filters.hideSynthetic()));
        if (mode == Mode.TEXT_INDEX) {
            bindings.add("luceneQuery", ResourceFactory.createStringLiteral(query.lucene()));
            boolean filtered = function != null
                    || area != null
                    || filters.prefecture() != null
                    || filters.status() != null
                    || filters.hideSynthetic();
            // Unfiltered, every text the index returns is at least one hit (one per predicate holding it), so
            // twice max-hits texts give more hits than are shown, and capped still tells whether there were more.
            int limit = filtered ? INDEX_LIMIT : Math.min(INDEX_LIMIT, 2 * maxHits);
            bindings.add("limit", ResourceFactory.createTypedLiteral(limit));
            try {
                return group(store.select(textQuery, bindings, timeout), query);
            } catch (TextIndexParseException e) {
                throw new BadRequestException(
                        SearchQuery.PARAMETER, "the search text is not a valid Lucene query: " + e.getMessage());
            }
        }
        bindings.add("needle", ResourceFactory.createStringLiteral(query.substring()));
        return group(store.select(substringQuery, bindings, timeout), query);
    }

    private Result group(ResultSet rows, SearchQuery query) {
        List<Hit> hits = new ArrayList<>();
        // The relevance of a worksheet is that of its best text.
        Map<String, Float> scores = new HashMap<>();
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
            hits.add(new Hit(
                    item,
                    predicate,
                    lang,
                    segments,
                    text(row, "sectionJa", "sectionEn"),
                    text(row, "itemLabelJa", "itemLabelEn"),
                    worksheet));
            if (worksheet != null) {
                scores.merge(worksheet, score(row), Math::max);
            }
        }
        // The headings of the worksheets found only (at most max-hits of them), asked in one query.
        Set<String> found = new LinkedHashSet<>();
        hits.stream().map(Hit::worksheet).filter(w -> w != null).forEach(found::add);
        Map<String, Worksheet> worksheets = headings(found);
        Map<String, List<Hit>> byWorksheet = new LinkedHashMap<>();
        List<Hit> others = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.worksheet() != null && worksheets.containsKey(hit.worksheet())) {
                byWorksheet
                        .computeIfAbsent(hit.worksheet(), w -> new ArrayList<>())
                        .add(hit);
            } else {
                others.add(hit);
            }
        }
        List<WorksheetHits> groups = new ArrayList<>();
        byWorksheet.forEach(
                (iri, list) -> groups.add(new WorksheetHits(worksheets.get(iri), List.copyOf(list), scores.get(iri))));
        // Stable: worksheets of equal relevance and rank stay in the order the store returned them.
        groups.sort(Comparator.comparing((WorksheetHits g) -> relevance(g.score()))
                .reversed()
                .thenComparingInt(g -> g.worksheet().rank()));
        return new Result(mode, List.copyOf(groups), List.copyOf(others), count, capped);
    }

    /** A text's score: Lucene's for the text index, 1 for a substring match. */
    private static float score(QuerySolution row) {
        RDFNode node = row.get("score");
        return node != null && node.isLiteral() ? node.asLiteral().getFloat() : 0f;
    }

    /**
     * A score as compared between worksheets: to three significant digits, so that texts the index scores alike up
     * to rounding (the same wording on two worksheets) count as equally relevant.
     */
    static BigDecimal relevance(float score) {
        return new BigDecimal(score).round(new MathContext(3));
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
