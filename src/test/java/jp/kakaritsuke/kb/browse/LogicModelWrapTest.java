package jp.kakaritsuke.kb.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The logic model's line breaking, on the challenge of the seed worksheet mhlw-2025-f2-i in both languages. */
class LogicModelWrapTest {

    private static final String EN = "When older people and others in the area fall ill on holidays or at night, no";
    private static final String JA = "休日・夜間に地域の高齢者等が体調不良を呈した場合、地域の医療機関に";

    private static int units(String line) {
        return line.codePoints().map(cp -> cp < 0x2E80 ? 1 : 2).sum();
    }

    @Test
    void englishBreaksAtSpacesOnly() {
        List<String> lines = LogicModel.wrap(EN);
        assertEquals(EN, String.join(" ", lines), "no word is cut, no space lost");
        lines.forEach(line -> assertTrue(units(line) <= LogicModel.LINE_UNITS, line));
        lines.forEach(line -> assertEquals(line.strip(), line, "no line starts or ends with a space"));
    }

    @Test
    void japaneseBreaksBetweenCharactersAndFillsTheLine() {
        List<String> lines = LogicModel.wrap(JA);
        assertEquals(JA, String.join("", lines));
        assertEquals(
                List.of(LogicModel.LINE_UNITS, LogicModel.LINE_UNITS),
                lines.subList(0, 2).stream().map(LogicModelWrapTest::units).toList());
    }

    @Test
    void aWordLongerThanALineIsCutAndTooManyLinesEndInAnEllipsis() {
        String word = "x".repeat(LogicModel.LINE_UNITS + 5);
        assertEquals(List.of("x".repeat(LogicModel.LINE_UNITS), "xxxxx"), LogicModel.wrap(word));
        List<String> many = LogicModel.wrap((EN + " ").repeat(3));
        assertEquals(LogicModel.MAX_TEXT_LINES, many.size());
        String last = many.get(LogicModel.MAX_TEXT_LINES - 1);
        assertTrue(last.endsWith("…"), last);
        String kept = String.join(" ", many);
        String shown = kept.substring(0, kept.length() - 1);
        assertTrue((EN + " ").repeat(3).startsWith(shown + " "), "the cut falls between words: " + last);
    }
}
