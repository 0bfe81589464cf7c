package jp.kakaritsuke.kb.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.sparql.core.DatasetGraph;

/** Which area gets a worksheet on which function, for each scale of {@link DemoWorksheetGenerator}. */
final class DemoPlan {

    /** One worksheet to generate per fiscal year. */
    record Entry(TargetArea area, String functionIri) {}

    private static final int DEMO_ZONES = 12;
    private static final int DEMO_PREFECTURES = 2;
    private static final int FUNCTIONS_PER_ZONE = 2;
    private static final int FUNCTIONS_PER_PREFECTURE = 3;

    private DemoPlan() {}

    /** The entries of {@code scale} over the areas of {@code input}, for the given functions. */
    static List<Entry> entries(
            DemoWorksheetGenerator.Scale scale, DatasetGraph input, String base, List<String> functions, long seed) {
        List<Entry> entries = switch (scale) {
            case DEMO -> demoSpread(input, base, functions, new SplittableRandom(seed));
            case PREFECTURES -> everyFunction(TargetArea.read(input, base, KK.Prefecture), functions);
            case ZONES -> everyFunction(TargetArea.read(input, base, KK.VisionZone), functions);
            case MUNICIPALITIES -> everyFunction(TargetArea.read(input, base, KK.Municipality), functions);
        };
        if (entries.isEmpty()) {
            throw new DemoDataException("No target areas for scale " + scale + ": is data/areas loaded?");
        }
        return entries;
    }

    private static List<Entry> everyFunction(List<TargetArea> areas, List<String> functions) {
        List<Entry> entries = new ArrayList<>();
        for (TargetArea area : areas) {
            for (String function : functions) {
                entries.add(new Entry(area, function));
            }
        }
        return entries;
    }

    /**
     * The demo spread: one 構想区域 from each of twelve bands of prefectures taken in code order (so from north to
     * south), two functions each, and two other prefectures as a whole with three functions each. Functions are
     * dealt round a shuffled cycle so that each appears equally often.
     */
    private static List<Entry> demoSpread(
            DatasetGraph input, String base, List<String> functions, SplittableRandom random) {
        Map<String, List<TargetArea>> zonesByPrefecture = new TreeMap<>();
        for (TargetArea zone : TargetArea.read(input, base, KK.VisionZone)) {
            zonesByPrefecture
                    .computeIfAbsent(zone.prefectureCode(), c -> new ArrayList<>())
                    .add(zone);
        }
        List<String> codes = new ArrayList<>(zonesByPrefecture.keySet());
        List<TargetArea> zones = new ArrayList<>();
        int bands = Math.min(DEMO_ZONES, codes.size());
        for (int b = 0; b < bands; b++) {
            List<String> band = codes.subList(b * codes.size() / bands, (b + 1) * codes.size() / bands);
            List<TargetArea> inPrefecture = zonesByPrefecture.get(band.get(random.nextInt(band.size())));
            zones.add(inPrefecture.get(random.nextInt(inPrefecture.size())));
        }
        List<TargetArea> others = new ArrayList<>(TargetArea.read(input, base, KK.Prefecture));
        others.removeIf(p -> zones.stream().anyMatch(z -> z.prefectureCode().equals(p.prefectureCode())));
        List<TargetArea> prefectures = new ArrayList<>();
        for (int p = 0; p < DEMO_PREFECTURES && !others.isEmpty(); p++) {
            prefectures.add(others.remove(random.nextInt(others.size())));
        }
        List<String> cycle = new ArrayList<>(functions);
        for (int i = cycle.size() - 1; i > 0; i--) {
            cycle.set(i, cycle.set(random.nextInt(i + 1), cycle.get(i)));
        }
        List<Entry> entries = new ArrayList<>();
        deal(zones, Math.min(FUNCTIONS_PER_ZONE, cycle.size()), cycle, entries);
        deal(prefectures, Math.min(FUNCTIONS_PER_PREFECTURE, cycle.size()), cycle, entries);
        return entries;
    }

    /** Gives each area the next {@code perArea} functions of the cycle, carrying on where the last deal stopped. */
    private static void deal(List<TargetArea> areas, int perArea, List<String> cycle, List<Entry> entries) {
        for (TargetArea area : areas) {
            for (int k = 0; k < perArea; k++) {
                entries.add(new Entry(area, cycle.get(entries.size() % cycle.size())));
            }
        }
    }
}
