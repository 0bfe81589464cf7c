package jp.kakaritsuke.kb.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.web.BadRequestException;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * What a reader typed into the search box, turned into a Lucene query over the Japanese and English fields of the
 * text index.
 *
 * <p>By default the input is a list of words separated by spaces (ASCII or ideographic); text in double quotes is
 * one word, spaces included. Every word must occur in the same text, and each word is searched as a phrase: its
 * tokens adjacent and in order, so that {@code 輪番体制} finds 輪番体制 and not every text with 体制 in it. Nothing
 * the reader types is Lucene syntax, so no input is an error. With {@code syntax=lucene} the input is Lucene's
 * classic query syntax (AND, OR, NOT, -, "phrases", wildcards); a syntax error answers 400. Either way the query is
 * asked of both language fields: {@code text_ja:(…) OR text_en:(…)}.
 */
public final class SearchQuery {

    /** Longest input accepted. */
    static final int MAX_LENGTH = 500;

    static final String PARAMETER = "q";

    private static final PerFieldAnalyzerWrapper ANALYZER = new PerFieldAnalyzerWrapper(
            FullTextIndex.japaneseAnalyzer(),
            Map.of(
                    FullTextIndex.FIELD_JA,
                    FullTextIndex.japaneseAnalyzer(),
                    FullTextIndex.FIELD_EN,
                    FullTextIndex.englishAnalyzer()));

    private final String input;
    private final boolean luceneSyntax;
    private final List<String> words;
    private final String lucene;
    private final Set<String> termsJa = new HashSet<>();
    private final Set<String> termsEn = new HashSet<>();

    private SearchQuery(String input, boolean luceneSyntax) {
        this.input = input;
        this.luceneSyntax = luceneSyntax;
        this.words = luceneSyntax ? List.of(input) : words(input);
        String inner = luceneSyntax
                ? input
                : String.join(" AND ", words.stream().map(SearchQuery::phrase).toList());
        this.lucene = FullTextIndex.FIELD_JA + ":(" + inner + ") OR " + FullTextIndex.FIELD_EN + ":(" + inner + ")";
        collectTerms();
    }

    /**
     * Reads the search input.
     *
     * @param input what the reader typed; blank means no search
     * @param luceneSyntax whether the input is Lucene query syntax
     * @throws BadRequestException if the input is too long or, in Lucene syntax, does not parse
     */
    public static SearchQuery parse(String input, boolean luceneSyntax) {
        String trimmed = input == null ? "" : input.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new BadRequestException(PARAMETER, "the search text is longer than " + MAX_LENGTH + " characters");
        }
        return new SearchQuery(trimmed, luceneSyntax);
    }

    /** True when there is nothing to search for. */
    public boolean isEmpty() {
        return words.isEmpty() || input.isEmpty();
    }

    /** The input as typed (trimmed). */
    public String input() {
        return input;
    }

    public boolean luceneSyntax() {
        return luceneSyntax;
    }

    /** The words of the input (the whole input in Lucene syntax). */
    public List<String> words() {
        return words;
    }

    /** The Lucene query string given to {@code text:query}. */
    public String lucene() {
        return lucene;
    }

    /** The index terms the query looks for in texts of {@code lang} (for highlighting). */
    Set<String> terms(String lang) {
        return lang != null && lang.toLowerCase().startsWith("en") ? termsEn : termsJa;
    }

    /** The substring a store without text index is asked for: the input without double quotes. */
    String substring() {
        return input.replace("\"", "").replaceAll("[\\s\u3000]+", " ").strip();
    }

    private void collectTerms() {
        if (isEmpty()) {
            return;
        }
        Query query;
        try {
            QueryParser parser = new QueryParser(FullTextIndex.FIELD, ANALYZER);
            parser.setAllowLeadingWildcard(true);
            query = parser.parse(lucene);
        } catch (ParseException | RuntimeException e) {
            throw new BadRequestException(
                    PARAMETER, "the search text is not a valid Lucene query: " + firstLine(e.getMessage()));
        }
        Set<Term> terms = new HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        for (Term t : terms) {
            (FullTextIndex.FIELD_EN.equals(t.field()) ? termsEn : termsJa).add(t.text());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Splits the input on spaces (ASCII or ideographic), keeping text in double quotes together. */
    static List<String> words(String input) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '"') {
                if (quoted || input.indexOf('"', i + 1) >= 0) {
                    flush(word, words);
                    quoted = !quoted;
                    continue;
                }
            }
            if (!quoted && (Character.isWhitespace(c) || c == '\u3000')) {
                flush(word, words);
            } else {
                word.append(c);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        String w = word.toString().strip();
        if (!w.isEmpty()) {
            words.add(w);
        }
        word.setLength(0);
    }

    /** A word as a Lucene phrase: inside double quotes only the backslash and the quote need escaping. */
    private static String phrase(String word) {
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
