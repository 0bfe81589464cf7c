package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.springframework.stereotype.Component;

/**
 * The map of the 47 prefectures on the home page, each shaded by an indicator the reader picks and linked to its
 * prefecture page: worksheets per prefecture (those of its 構想区域 and municipalities included, as
 * {@code queries/prefecture-counts.rq} counts them; synthetic ones may be left out), the 65+ share of the 2020 census
 * or the growth of home-visit demand FY2024 → FY2040 (both {@code queries/prefecture-profiles.rq}, sums over the
 * prefecture's zones as on its area page). The outlines come from {@link PrefectureOutlines#country}; the values from
 * the named queries, whose answers the store's cache keeps until the next write.
 */
@Component
class PrefectureMap {

    /** What the map shades, with its key in URLs ({@code ?indicator=over65}) and in the message bundles. */
    enum Indicator {
        WORKSHEETS("worksheets"),
        OVER65("over65"),
        HOME_VISIT_GROWTH("home-visit-growth");

        private final String key;

        Indicator(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The key for the templates' property syntax ({@code i.key}). */
        public String getKey() {
            return key;
        }

        /** The indicator of {@code key}; the default (worksheets) when the key is missing, null when unknown. */
        static Indicator of(String key) {
            if (key == null || key.isBlank()) {
                return WORKSHEETS;
            }
            return Arrays.stream(values())
                    .filter(i -> i.key.equals(key))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The number of shades the legend uses for prefectures with a value (quintiles). */
    static final int SHADES = 5;

    /**
     * One prefecture on the map.
     *
     * @param shade 0 when it has no value (or no worksheet), else its quintile 1 (lowest) to {@link #SHADES}
     * @param value the value as shown, null when there is none
     */
    record Prefecture(String code, String href, String label, String value, int shade, String outline) {}

    /** One shade of the legend: the values of the prefectures that have it, from and to as shown. */
    record Shade(int shade, String from, String to, int prefectures) {}

    /**
     * What the home page draws.
     *
     * @param inset x, y, width and height of the Nansei islands' box
     * @param omitted whether some remote islands lie outside the map
     */
    record View(
            Indicator indicator,
            List<Indicator> indicators,
            boolean hideSynthetic,
            String viewBox,
            double[] inset,
            List<Prefecture> prefectures,
            List<Shade> legend,
            int withoutValue,
            boolean omitted) {

        /** The message key of a value of this view's indicator ({@code browse.home.map.value.over65}). */
        public String valueKey() {
            return "browse.home.map.value." + indicator.key();
        }
    }

    private final BrowseQueries queries;
    private final PrefectureOutlines outlines;

    PrefectureMap(BrowseQueries queries, PrefectureOutlines outlines) {
        this.queries = queries;
        this.outlines = outlines;
    }

    /** The map shaded by {@code indicator}; null when the outlines are not shipped. */
    View of(Indicator indicator, boolean hideSynthetic) {
        PrefectureOutlines.CountryMap country = outlines.country();
        if (country == null) {
            return null;
        }
        Map<String, Double> values = values(indicator, hideSynthetic);
        double[] sorted = values.values().stream()
                .filter(v -> indicator != Indicator.WORKSHEETS || v > 0)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        List<Prefecture> prefectures = new ArrayList<>();
        List<List<Double>> byShade = new ArrayList<>();
        for (int i = 0; i <= SHADES; i++) {
            byShade.add(new ArrayList<>());
        }
        int withoutValue = 0;
        for (QuerySolution row : queries.select("prefectures", Map.of())) {
            String code = Rows.string(row, "prefectureCode");
            String outline = code == null ? null : country.outlines().get(code);
            if (outline == null) {
                continue;
            }
            Double value = values.get(code);
            int shade = shade(indicator, value, sorted);
            byShade.get(shade).add(value);
            if (value == null) {
                withoutValue++;
            }
            prefectures.add(new Prefecture(
                    code,
                    localPage(Rows.href(row, "prefecture", queries.baseIri())),
                    Rows.localized(row, "prefectureLabel", "prefecture"),
                    value == null ? null : format(indicator, value),
                    shade,
                    outline));
        }
        List<Shade> legend = new ArrayList<>();
        for (int i = 1; i <= SHADES; i++) {
            List<Double> members = byShade.get(i);
            if (!members.isEmpty()) {
                double min =
                        members.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double max =
                        members.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                legend.add(new Shade(i, format(indicator, min), format(indicator, max), members.size()));
            }
        }
        return new View(
                indicator,
                List.of(Indicator.values()),
                hideSynthetic,
                country.viewBox(),
                country.inset(),
                prefectures,
                legend,
                withoutValue,
                !country.omitted().isEmpty());
    }

    /**
     * {@code href} when it is a page of this site (a path from the root), else null. The map writes its 47 links
     * with {@code th:attr} rather than {@code th:href}, which would send each through the static-resource URL lookup (a
     * class-path search per link, most of the page's time); only a local path is written, so no scheme the site's link
     * builder would refuse can get in.
     */
    static String localPage(String href) {
        return href != null && href.startsWith("/") && !href.startsWith("//") ? href : null;
    }

    /** The value of each prefecture with one, by 2-digit code. */
    private Map<String, Double> values(Indicator indicator, boolean hideSynthetic) {
        Map<String, Double> values = new HashMap<>();
        if (indicator == Indicator.WORKSHEETS) {
            for (var count : HomeController.prefectureCounts(queries)) {
                if (count.key() != null) {
                    values.put(count.key(), (double) (count.sourced() + (hideSynthetic ? 0 : count.synthetic())));
                }
            }
            return values;
        }
        String column = indicator == Indicator.OVER65 ? "share65" : "growth";
        for (QuerySolution row : queries.select("prefecture-profiles", Map.of())) {
            String code = Rows.string(row, "prefectureCode");
            if (code != null && row.contains(column)) {
                values.put(code, row.getLiteral(column).getDouble());
            }
        }
        return values;
    }

    /**
     * The shade of {@code value} among {@code sorted} (the values that take a shade, ascending): its quintile by the
     * number of values below it, so that equal values share a shade. No value, and no worksheet, is shade 0.
     */
    static int shade(Indicator indicator, Double value, double[] sorted) {
        if (value == null || (indicator == Indicator.WORKSHEETS && value <= 0) || sorted.length == 0) {
            return 0;
        }
        int below = 0;
        while (below < sorted.length && sorted[below] < value) {
            below++;
        }
        return Math.min(SHADES, 1 + below * SHADES / sorted.length);
    }

    /** A value as the map and its legend show it: a count, a share or a signed growth rate, in per cent. */
    static String format(Indicator indicator, double value) {
        return switch (indicator) {
            case WORKSHEETS -> String.format(Locale.ROOT, "%,.0f", value);
            case OVER65 -> String.format(Locale.ROOT, "%.1f%%", 100 * value);
            case HOME_VISIT_GROWTH -> String.format(Locale.ROOT, "%+.1f%%", 100 * value);
        };
    }
}
