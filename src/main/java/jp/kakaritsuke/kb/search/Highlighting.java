package jp.kakaritsuke.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into plain and matched segments, so that the page can wrap the matched ones in {@code <mark>} while
 * Thymeleaf escapes every segment: no markup is ever built from the data.
 */
final class Highlighting {

    /** A piece of a text; {@code marked} when it matches the search. */
    record Segment(String text, boolean marked) {}

    private Highlighting() {}

    /**
     * Marks the tokens of {@code text} (analysed as the index analyses texts in {@code lang}) whose terms the query
     * looks for; neighbouring marked tokens with nothing between them become one segment.
     */
    static List<Segment> byTerms(String text, String lang, Set<String> terms) {
        String field = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en")
                ? FullTextIndex.FIELD_EN
                : FullTextIndex.FIELD_JA;
        List<int[]> ranges = new ArrayList<>();
        for (Tokens.Token token : Tokens.tokens(FullTextIndex.analyzerFor(lang), field, text)) {
            if (terms.contains(token.term())) {
                ranges.add(new int[] {token.start(), token.end()});
            }
        }
        return segments(text, ranges);
    }

    /** Marks every occurrence of {@code needle} in {@code text}, ignoring case. */
    static List<Segment> bySubstring(String text, String needle) {
        List<int[]> ranges = new ArrayList<>();
        if (!needle.isEmpty()) {
            String haystack = text.toLowerCase(Locale.ROOT);
            String lower = needle.toLowerCase(Locale.ROOT);
            // Lower-casing can change lengths outside ASCII; then mark nothing rather than the wrong characters.
            if (haystack.length() == text.length()) {
                for (int i = haystack.indexOf(lower); i >= 0; i = haystack.indexOf(lower, i + lower.length())) {
                    ranges.add(new int[] {i, i + lower.length()});
                }
            }
        }
        return segments(text, ranges);
    }

    private static List<Segment> segments(String text, List<int[]> ranges) {
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else if (r[1] > r[0]) {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        for (int[] r : merged) {
            if (r[0] > pos) {
                segments.add(new Segment(text.substring(pos, r[0]), false));
            }
            segments.add(new Segment(text.substring(r[0], r[1]), true));
            pos = r[1];
        }
        if (pos < text.length()) {
            segments.add(new Segment(text.substring(pos), false));
        }
        return segments;
    }
}
