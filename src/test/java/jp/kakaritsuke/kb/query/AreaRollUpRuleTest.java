package jp.kakaritsuke.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One rule for the areas a worksheet counts under: {@code queries/area-roll-up.rq} states it as a property path, and
 * every query that aggregates or filters worksheets by area spells that path exactly so (SPARQL has no include, so the
 * rule is kept in one place by this check). The older paths, which let a ward reach its city's other zones or left a
 * municipality out of its zone, occur nowhere.
 */
class AreaRollUpRuleTest {

    private static final Path QUERIES = Path.of("queries");

    /** The queries that count, list, export or filter worksheets by area. */
    private static final List<String> ROLL_UPS = List.of(
            "worksheet-list.rq",
            "worksheet-provenance-counts.rq",
            "prefecture-counts.rq",
            "areas-in-prefecture.rq",
            "cause-type-matrix.rq",
            "cause-type-rows.rq",
            "measure-type-columns.rq",
            "cause-type-cell.rq",
            "causes-of-type.rq",
            "function-coverage.rq",
            "gap-analysis.rq",
            "zone-measures.rq",
            "export/worksheet-graphs-in-area.rq",
            "search/text-search.rq",
            "search/substring-search.rq");

    static String rule() throws IOException {
        String text = Files.readString(QUERIES.resolve("area-roll-up.rq"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\?area (\\S+) \\?within \\.").matcher(text);
        assertTrue(m.find(), "area-roll-up.rq states the rule as ?area PATH ?within");
        return m.group(1);
    }

    /**
     * The rule walked the other way, down from a given area to the areas whose worksheets count under it: {@code
     * (^A)?/(B|C)*} read backwards is {@code (^B|^C)*} followed by {@code A?}. Written as {@code ^(rule)}, ARQ took 8 s to walk it from one
     * 構想区域 at 構想区域 × 10 years, against 20–40 ms for the inverse spelled out, so the queries spell it out.
     */
    static String inverse(String rule) {
        Matcher m =
                Pattern.compile("\\(\\^(\\S+)\\)\\?/\\((\\S+)\\|(\\S+)\\)\\*").matcher(rule);
        assertTrue(m.matches(), "the rule has the form (^A)?/(B|C)*: " + rule);
        return "(^" + m.group(2) + "|^" + m.group(3) + ")*/" + m.group(1) + "?";
    }

    @Test
    void theInverseWalksDownTheSameSteps() throws IOException {
        assertEquals("(^kk:partOf|^kk:inPrefecture)*/kk:coversMunicipality?", inverse(rule()));
    }

    @Test
    void everyRollUpSpellsTheRuleOfAreaRollUp() throws IOException {
        String rule = rule();
        String inverse = inverse(rule);
        for (String file : ROLL_UPS) {
            String text = Files.readString(QUERIES.resolve(file), StandardCharsets.UTF_8);
            assertTrue(
                    text.contains(rule) || text.contains(inverse),
                    file + " rolls worksheets up by " + rule + " or walks down by its inverse " + inverse);
        }
    }

    @Test
    void noQueryWalksAreasAnotherWay() throws IOException {
        Pattern old = Pattern.compile("\\^kk:coversMunicipality\\)\\*|kk:area/\\(kk:partOf\\|kk:inPrefecture\\)\\*"
                + "|\\?worksheetArea \\(kk:partOf\\|kk:inPrefecture\\)\\*");
        try (Stream<Path> files = Files.walk(QUERIES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertFalse(old.matcher(text).find(), file + " walks from a worksheet's area by another path");
            }
        }
    }

    /**
     * The path ends in a parameter only where it opens the query's pattern (walked back from the area once): after the
     * worksheet's pattern, bound at both ends for every worksheet, ARQ walks it back from the area each time (a
     * prefecture's worksheet list took 20–50 s at 構想区域 scale). There it ends in a fresh {@code ?within} that a
     * filter compares with the parameter, so the path is walked up from each worksheet's area, a few steps.
     */
    @Test
    void theRuleNeverEndsInAParameter() throws IOException {
        String rule = Pattern.quote(rule());
        Pattern param = Pattern.compile("^# param\\??: (\\w+)", Pattern.MULTILINE);
        for (String file : ROLL_UPS) {
            String text = Files.readString(QUERIES.resolve(file), StandardCharsets.UTF_8);
            Matcher names = param.matcher(text);
            while (names.find()) {
                String endsInParam = rule + " \\?" + names.group(1) + "\\b";
                String opening = "WHERE \\{\\s*\\?\\w+ " + endsInParam;
                long ends = Pattern.compile(endsInParam).matcher(text).results().count();
                long opens = Pattern.compile(opening).matcher(text).results().count();
                assertTrue(
                        ends == opens,
                        file + " ends the roll-up path in its parameter ?" + names.group(1) + " after other patterns");
            }
        }
    }
}
