package jp.kakaritsuke.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import jp.kakaritsuke.kb.web.BadRequestException;
import org.junit.jupiter.api.Test;

/** How what a reader types becomes a Lucene query, and how a text is split for highlighting. */
class SearchQueryTest {

    @Test
    void wordsAreSplitOnSpacesAndQuotesKeepPhrasesTogether() {
        assertEquals(List.of("輪番", "ICT", "tool kit"), SearchQuery.words("輪番\u3000ICT  \"tool kit\""));
        assertEquals(List.of("a\"b"), SearchQuery.words("a\"b"));
        assertEquals(List.of(), SearchQuery.words("  \"\"  "));
    }

    @Test
    void wordsBecomePhrasesThatMustAllOccurInEitherLanguage() {
        SearchQuery q = SearchQuery.parse(" 輪番体制 (ICT) ", false);
        assertEquals("text_ja:(\"輪番体制\" AND \"(ICT)\") OR text_en:(\"輪番体制\" AND \"(ICT)\")", q.lucene());
        assertEquals(Set.of("輪番", "体制", "ict"), q.terms("ja"));
        assertTrue(q.terms("en").contains("ict"));
        // Lucene's special characters are text here, so nothing typed is a syntax error.
        assertEquals(
                List.of("AND", "(", "\\"), SearchQuery.parse("AND ( \\", false).words());
    }

    @Test
    void luceneSyntaxIsCheckedAndAnErrorNamesTheParameter() {
        assertEquals(
                "text_ja:(輪番 OR ICT*) OR text_en:(輪番 OR ICT*)",
                SearchQuery.parse("輪番 OR ICT*", true).lucene());
        BadRequestException e = assertThrows(BadRequestException.class, () -> SearchQuery.parse("輪番 AND (", true));
        assertEquals("q", e.parameter());
    }

    @Test
    void highlightingMarksMatchedTokensAndKeepsTheRestAsText() {
        List<Highlighting.Segment> segments = Highlighting.byTerms("地域の輪番体制の構築<b>", "ja", Set.of("輪番", "体制"));
        assertEquals(
                List.of(
                        new Highlighting.Segment("地域の", false),
                        new Highlighting.Segment("輪番体制", true),
                        new Highlighting.Segment("の構築<b>", false)),
                segments);
        assertEquals(
                List.of(
                        new Highlighting.Segment("An ", false),
                        new Highlighting.Segment("ICT", true),
                        new Highlighting.Segment(" tool; ", false),
                        new Highlighting.Segment("ict", true)),
                Highlighting.bySubstring("An ICT tool; ict", "Ict"));
    }
}
