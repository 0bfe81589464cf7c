package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.kb.store.KeptUntilWrite;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.stereotype.Component;

/**
 * The two analyses that put the evidence beside the worksheets: the gap analysis of a function (the answer of
 * {@code queries/gap-analysis.rq}) and the zones like a given one with the measures they chose. Both read every
 * zone's profile in one fast query ({@code queries/zone-profiles.rq}) and rank it here ({@link #ranked},
 * {@link #nearest}), because ranking every zone against every other takes seconds in SPARQL.
 */
@Component
class EvidenceAnalysis {

    /** One zone that signals need for a function and falls short on it: no worksheet, or causes left unaddressed. */
    record Gap(Zone zone, boolean noWorksheet, Links.Link worksheet, boolean synthetic, long unaddressedCauses) {}

    /** What every gap of one zone says about the zone, whatever the worksheet. */
    record Zone(
            Links.Link area,
            String areaCode,
            String share65,
            long share65Rank,
            boolean topShare65,
            String growth,
            Long growthRank,
            boolean topGrowth) {}

    /** The gaps of a function, with the number of zones ranked and the last rank inside the top quarter. */
    record Gaps(List<Gap> gaps, long zones, long topQuarterRank) {}

    /** A measure a worksheet chose, with its label (方策①) and wording. */
    record ChosenMeasure(String label, String text, String href) {}

    /** A worksheet of a neighbouring zone with the measures it chose. */
    record ChosenWorksheet(Links.Link worksheet, boolean synthetic, List<ChosenMeasure> measures) {}

    /** A zone near the given one by evidence profile. */
    record Neighbour(
            Links.Link area,
            String share65,
            String density,
            String growth,
            String distance,
            List<ChosenWorksheet> worksheets) {}

    /** The zone's own profile and its nearest zones. */
    record Neighbours(String share65, String density, String growth, List<Neighbour> areas) {}

    private final BrowseQueries queries;

    EvidenceAnalysis(BrowseQueries queries, KnowledgeStore store) {
        this.queries = queries;
        this.zones = new KeptUntilWrite<>(store);
    }

    /** Every zone's evidence profile and the row it was read from, by zone IRI. */
    private record Zones(Map<String, QuerySolution> rows, List<Profile> profiles) {}

    /** The zones' profiles, read once per state of the store: every area page and gap analysis needs all of them. */
    private final KeptUntilWrite<Zones> zones;

    /** A zone's ranks among all zones (1 the highest 65+ share or fastest growth; null without the indicator). */
    record Ranked(Profile profile, long share65Rank, Long growthRank) {}

    /**
     * Every zone with its ranks: 1 + the number of zones with a larger value, as {@code queries/gap-analysis.rq}
     * ranks them. Zones without a 65+ share take no part.
     */
    static List<Ranked> ranked(List<Profile> profiles) {
        List<Profile> withShare =
                profiles.stream().filter(p -> Double.isFinite(p.share65())).toList();
        double[] shares =
                withShare.stream().mapToDouble(Profile::share65).sorted().toArray();
        double[] growths = withShare.stream()
                .mapToDouble(Profile::growth)
                .filter(Double::isFinite)
                .sorted()
                .toArray();
        List<Ranked> ranked = new ArrayList<>();
        for (Profile p : withShare) {
            long shareRank = shares.length - upperBound(shares, p.share65()) + 1;
            Long growthRank =
                    Double.isFinite(p.growth()) ? (long) (growths.length - upperBound(growths, p.growth()) + 1) : null;
            ranked.add(new Ranked(p, shareRank, growthRank));
        }
        return ranked;
    }

    /** How many values of {@code sorted} are at most {@code v}. */
    private static int upperBound(double[] sorted, double v) {
        return bound(sorted, v, true);
    }

    /** How many values of {@code sorted} are below {@code v} (or, with {@code orEqual}, at most {@code v}). */
    private static int bound(double[] sorted, double v, boolean orEqual) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || (orEqual && sorted[mid] == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The gap analysis of {@code function} ({@code hideSynthetic} leaves synthetic worksheets out): the answer of
     * {@code queries/gap-analysis.rq}, computed from the zones' profiles ({@code zone-profiles}) ranked here and the
     * function's worksheets per zone ({@code function-coverage}), because ranking every zone against every other in
     * SPARQL takes seconds. Zones in the top quarter by 65+ share or by home-visit demand growth that have no
     * worksheet for the function, then those whose worksheets have causes no measure addresses.
     */
    Gaps gaps(Resource function, boolean hideSynthetic) {
        Map<String, RDFNode> bindings = new LinkedHashMap<>();
        bindings.put("function", function);
        if (hideSynthetic) {
            bindings.put("hideSynthetic", ResourceFactory.createTypedLiteral(true));
        }
        Map<String, List<QuerySolution>> coverage = new LinkedHashMap<>();
        for (QuerySolution row : queries.select("function-coverage", bindings)) {
            coverage.computeIfAbsent(Rows.iri(row, "zone"), z -> new ArrayList<>())
                    .add(row);
        }
        Map<String, QuerySolution> rows = new LinkedHashMap<>();
        List<Profile> profiles = profiles(rows);
        List<Ranked> ranked = ranked(profiles);
        long zones = ranked.size();
        List<Gap> missing = new ArrayList<>();
        List<Gap> unaddressed = new ArrayList<>();
        for (Ranked r : ranked) {
            boolean topShare = (r.share65Rank() - 1) * 4 < zones;
            boolean topGrowth = r.growthRank() != null && (r.growthRank() - 1) * 4 < zones;
            if (!topShare && !topGrowth) {
                continue;
            }
            QuerySolution zone = rows.get(r.profile().area());
            Links.Link area = new Links.Link(
                    Rows.href(zone, "area", queries.baseIri()), Rows.localized(zone, "areaLabel", "area"));
            String code = Rows.string(zone, "areaCode");
            String growth = Double.isFinite(r.profile().growth())
                    ? signedPercent(r.profile().growth())
                    : null;
            Zone figures = new Zone(
                    area,
                    code,
                    percent(r.profile().share65()),
                    r.share65Rank(),
                    topShare,
                    growth,
                    r.growthRank(),
                    topGrowth);
            List<QuerySolution> worksheets = coverage.getOrDefault(r.profile().area(), List.of());
            if (worksheets.isEmpty()) {
                missing.add(new Gap(figures, true, null, false, 0));
            }
            for (QuerySolution w : worksheets) {
                long causes = Rows.number(w, "unaddressedCauses");
                if (causes > 0) {
                    Links.Link worksheet = new Links.Link(
                            Rows.href(w, "worksheet", queries.baseIri()), Rows.localized(w, "title", "worksheet"));
                    unaddressed.add(new Gap(figures, false, worksheet, Rows.bool(w, "synthetic"), causes));
                }
            }
        }
        java.util.Comparator<Gap> order = java.util.Comparator.comparingLong(
                        (Gap g) -> g.zone().share65Rank())
                .thenComparing(
                        g -> g.zone().areaCode(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(g -> g.worksheet() == null ? "" : g.worksheet().href());
        missing.sort(order);
        unaddressed.sort(order);
        List<Gap> gaps = new ArrayList<>(missing);
        gaps.addAll(unaddressed);
        return new Gaps(gaps, zones, topQuarterRank(zones));
    }

    /** Every zone's profile ({@code queries/zone-profiles.rq}); {@code rows} receives each zone's row by IRI. */
    private List<Profile> profiles(Map<String, QuerySolution> rows) {
        Zones all = zones.get(() -> {
            Map<String, QuerySolution> read = new LinkedHashMap<>();
            List<Profile> profiles = new ArrayList<>();
            for (QuerySolution row : queries.select("zone-profiles", Map.of())) {
                String area = Rows.iri(row, "area");
                read.put(area, row);
                profiles.add(new Profile(area, value(row, "share65"), value(row, "density"), value(row, "growth")));
            }
            return new Zones(Map.copyOf(read), List.copyOf(profiles));
        });
        rows.putAll(all.rows());
        return all.profiles();
    }

    /** The last rank inside the top quarter of {@code zones} (rank r is in it when (r - 1) · 4 &lt; zones). */
    static long topQuarterRank(long zones) {
        return zones <= 0 ? 0 : (zones - 1) / 4 + 1;
    }

    /** How many neighbours the area page shows. */
    static final int NEIGHBOURS = 5;

    /** A zone's evidence profile: one row of {@code queries/zone-profiles.rq}. */
    record Profile(String area, double share65, double density, double growth) {}

    /** A zone near another, with its distance (0 the same profile, 1 the farthest possible). */
    record Near(Profile profile, double distance) {}

    /**
     * The {@code k} zones nearest to {@code zone}: each indicator is turned into a percentile score (the share of the
     * other zones with a smaller value, 0 to 1), so that a density in thousands per km² weighs no more than a share
     * in per cent; the distance is the mean absolute difference of the three scores (Manhattan distance). Ties are
     * broken by IRI. Zones lacking an indicator (NaN) take no part. Empty when {@code zone} has no full profile.
     */
    static List<Near> nearest(List<Profile> profiles, String zone, int k) {
        List<Profile> full = profiles.stream()
                .filter(p ->
                        Double.isFinite(p.share65()) && Double.isFinite(p.density()) && Double.isFinite(p.growth()))
                .toList();
        int n = full.size();
        Profile self =
                full.stream().filter(p -> p.area().equals(zone)).findFirst().orElse(null);
        if (self == null || n < 2) {
            return List.of();
        }
        double[] share = scores(full, Profile::share65);
        double[] density = scores(full, Profile::density);
        double[] growth = scores(full, Profile::growth);
        int me = full.indexOf(self);
        List<Near> near = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == me) {
                continue;
            }
            double distance = (Math.abs(share[i] - share[me])
                            + Math.abs(density[i] - density[me])
                            + Math.abs(growth[i] - growth[me]))
                    / 3;
            near.add(new Near(full.get(i), distance));
        }
        near.sort(java.util.Comparator.comparingDouble(Near::distance)
                .thenComparing(x -> x.profile().area()));
        return List.copyOf(near.subList(0, Math.min(k, near.size())));
    }

    /** The percentile score of every profile on one indicator: the share of the others with a smaller value. */
    private static double[] scores(List<Profile> profiles, java.util.function.ToDoubleFunction<Profile> indicator) {
        double[] values = profiles.stream().mapToDouble(indicator).sorted().toArray();
        double[] scores = new double[profiles.size()];
        for (int i = 0; i < scores.length; i++) {
            double v = indicator.applyAsDouble(profiles.get(i));
            int below = lowerBound(values, v);
            scores[i] = (double) below / (scores.length - 1);
        }
        return scores;
    }

    /** How many values of {@code sorted} are below {@code v}. */
    private static int lowerBound(double[] sorted, double v) {
        return bound(sorted, v, false);
    }

    /**
     * The zones nearest to {@code zone} by evidence profile ({@link #nearest}, over {@code queries/zone-profiles.rq}),
     * with the measures their worksheets chose ({@code queries/zone-measures.rq}); null when the zone has no profile.
     */
    Neighbours like(String zone, Resource function) {
        Map<String, QuerySolution> rows = new LinkedHashMap<>();
        List<Profile> profiles = profiles(rows);
        List<Near> near = nearest(profiles, zone, NEIGHBOURS);
        if (near.isEmpty()) {
            return null;
        }
        String lang = LocalizedText.currentLanguage();
        List<Neighbour> areas = new ArrayList<>();
        for (Near n : near) {
            QuerySolution row = rows.get(n.profile().area());
            Map<String, RDFNode> bindings = new LinkedHashMap<>();
            bindings.put("zone", ResourceFactory.createResource(n.profile().area()));
            if (function != null) {
                bindings.put("function", function);
            }
            Map<String, ChosenWorksheet> worksheets = new LinkedHashMap<>();
            for (QuerySolution m : queries.select("zone-measures", bindings)) {
                ChosenWorksheet w = worksheets.computeIfAbsent(
                        Rows.iri(m, "worksheet"),
                        k -> new ChosenWorksheet(
                                new Links.Link(
                                        Rows.href(m, "worksheet", queries.baseIri()),
                                        Rows.localized(m, "title", "worksheet")),
                                Rows.bool(m, "synthetic"),
                                new ArrayList<>()));
                int ordinal = (int) Rows.number(m, "measureOrdinal");
                String text = Rows.localized(m, "measureText", null);
                w.measures()
                        .add(new ChosenMeasure(
                                ordinal > 0 ? ItemKind.MEASURE.label(lang, 0, ordinal) : "",
                                text == null ? "" : text,
                                Rows.href(m, "measure", queries.baseIri())));
            }
            areas.add(new Neighbour(
                    new Links.Link(Rows.href(row, "area", queries.baseIri()), Rows.localized(row, "areaLabel", "area")),
                    percent(n.profile().share65()),
                    density(n.profile().density()),
                    signedPercent(n.profile().growth()),
                    String.format(Locale.ROOT, "%.2f", n.distance()),
                    List.copyOf(worksheets.values())));
        }
        Profile self =
                profiles.stream().filter(p -> p.area().equals(zone)).findFirst().orElseThrow();
        return new Neighbours(percent(self.share65()), density(self.density()), signedPercent(self.growth()), areas);
    }

    private static double value(QuerySolution row, String var) {
        return row.contains(var) && row.get(var).isLiteral()
                ? row.getLiteral(var).getDouble()
                : Double.NaN;
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    private static String signedPercent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * ratio);
    }

    private static String density(double perKm2) {
        return String.format(Locale.ROOT, "%,.0f", perKm2);
    }
}
