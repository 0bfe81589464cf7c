package jp.kakaritsuke.kb.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ranking behind "zones like this one", on the seven zones of the fixture
 * {@code src/test/resources/queries/zone-profiles/seven-zones} (whose profiles that query case checks), where the
 * answer is worked out by hand in the fixture's comment.
 */
class EvidenceAnalysisTest {

    private static final List<EvidenceAnalysis.Profile> SEVEN = List.of(
            new EvidenceAnalysis.Profile("0101", 0.30, 1000.0 / 100, 0.50),
            new EvidenceAnalysis.Profile("0102", 0.31, 1000.0 / 80, 0.55),
            new EvidenceAnalysis.Profile("0103", 0.40, 1000.0 / 50, 0.20),
            new EvidenceAnalysis.Profile("0104", 0.20, 1000.0 / 10, 1.00),
            new EvidenceAnalysis.Profile("0201", 0.29, 1000.0 / 90, 0.40),
            new EvidenceAnalysis.Profile("0202", 0.25, 1000.0 / 20, 0.80),
            new EvidenceAnalysis.Profile("0203", 0.35, 1000.0 / 200, 0.30));

    @Test
    void theFiveNearestByMeanPercentileDifferenceLeaveTheFarthestOut() {
        List<EvidenceAnalysis.Near> near = EvidenceAnalysis.nearest(SEVEN, "0101", 5);
        assertEquals(
                List.of("0201", "0102", "0203", "0202", "0103"),
                near.stream().map(n -> n.profile().area()).toList());
        // Scores are sixths; the mean of three differences is in eighteenths: 3, 4, 5, 8, 9 (0104 would be 11).
        assertEquals(
                List.of(3L, 4L, 5L, 8L, 9L),
                near.stream().map(n -> Math.round(n.distance() * 18)).toList());
    }

    @Test
    void aZoneWithoutAFullProfileHasNoNeighboursAndOthersIgnoreIt() {
        List<EvidenceAnalysis.Profile> withGap = new java.util.ArrayList<>(SEVEN);
        withGap.add(new EvidenceAnalysis.Profile("0301", 0.30, Double.NaN, 0.50));
        assertTrue(EvidenceAnalysis.nearest(withGap, "0301", 5).isEmpty());
        assertEquals(
                EvidenceAnalysis.nearest(SEVEN, "0101", 5).stream()
                        .map(n -> n.profile().area())
                        .toList(),
                EvidenceAnalysis.nearest(withGap, "0101", 5).stream()
                        .map(n -> n.profile().area())
                        .toList());
    }

    @Test
    void ranksCountTheZonesAboveAsTheGapQueryDoes() {
        // The eight zones of src/test/resources/queries/gap-analysis/home-care-top-quarter (shares and growths).
        double[][] values = {
            {.40, .10}, {.35, .20}, {.30, .30}, {.25, .40}, {.20, .50}, {.15, .60}, {.10, 1.0}, {.12, .80}
        };
        String[] codes = {"0101", "0102", "0103", "0104", "0201", "0202", "0203", "0204"};
        List<EvidenceAnalysis.Profile> profiles = new java.util.ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            profiles.add(new EvidenceAnalysis.Profile(codes[i], values[i][0], 1, values[i][1]));
        }
        java.util.Map<String, String> ranks = new java.util.TreeMap<>();
        EvidenceAnalysis.ranked(profiles)
                .forEach(r -> ranks.put(r.profile().area(), r.share65Rank() + "/" + r.growthRank()));
        assertEquals(
                java.util.Map.of(
                        "0101", "1/8", "0102", "2/7", "0103", "3/6", "0104", "4/5", "0201", "5/4", "0202", "6/3",
                        "0203", "8/1", "0204", "7/2"),
                ranks);
    }

    @Test
    void theTopQuarterEndsAtTheRankFewerThanAQuarterOfTheZonesAreAbove() {
        assertEquals(85, EvidenceAnalysis.topQuarterRank(339));
        assertEquals(2, EvidenceAnalysis.topQuarterRank(8));
        assertEquals(1, EvidenceAnalysis.topQuarterRank(4));
    }
}
