package jp.kakaritsuke.kb.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which labels are the ones the form prints for an item: the same place on every worksheet, in either language, and
 * nothing for IRIs that are no worksheet item's (the answers are kept per place, so the order of the questions must
 * not matter).
 */
class WorksheetItemTest {

    private static final String BASE = "http://localhost:8080/";
    private static final String WS = BASE + "id/worksheet/";

    @Test
    void aPrintedLabelIsKnownByItsPlaceOnEveryWorksheetAndInEachLanguage() {
        record Case(String iri, String text, String lang, boolean printed) {}
        List<Case> cases = List.of(
                new Case(WS + "a-2026-f1/cause/1", "原因①", "ja", true),
                new Case(WS + "b-2035-f2-i/cause/1", "原因①", "ja", true),
                new Case(WS + "b-2035-f2-i/cause/1", "Cause 1", "en", true),
                new Case(WS + "b-2035-f2-i/cause/1", "原因①", "en", false),
                new Case(WS + "a-2026-f1/cause/1", "原因①（北極圏の担い手）", "ja", false),
                new Case(WS + "a-2026-f1/measure/2/role/3", "方策②の役割分担3", "ja-JP", true),
                new Case(WS + "c-2030-f3/measure/2/role/3", "Measure 2, role 3", "en", true),
                new Case(WS + "c-2030-f3/measure/2/role/3", "Measure 2, role 4", "en", false),
                new Case(WS + "a-2026-f1/cause/x", "原因①", "ja", false),
                new Case(WS + "a-2026-f1", "協議シート", "ja", false),
                new Case(BASE + "id/area/kousou/R7/0101/cause/1", "原因①", "ja", false),
                new Case("http://elsewhere.example/id/worksheet/a-2026-f1/cause/1", "原因①", "ja", false));
        // Twice, in turns, so that an answer kept from one worksheet or language is checked on the others.
        for (int round = 0; round < 2; round++) {
            for (Case c : cases) {
                assertEquals(
                        c.printed(), WorksheetItem.isPrintedLabel(BASE, c.iri(), c.text(), c.lang()), c.toString());
            }
        }
    }
}
