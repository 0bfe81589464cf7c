package jp.kakaritsuke.kb.browse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The prefecture outlines of the regional evidence ({@code data/evidence/source/prefecture-boundaries.geojson},
 * simplified outlines for display, derived from MLIT 国土数値情報 A38-20), drawn as SVG paths, each prefecture in a
 * frame of its own ({@link #frame}) or all of them on one map of the country ({@link #country}). Read once, in the
 * background from start-up; no tiles, no outside service. Coordinates are projected equirectangularly with the longitude scaled by the cosine of the middle
 * latitude, which is close enough at the size of a prefecture.
 */
@Component
class PrefectureOutlines {

    static final String FILE = "evidence/source/prefecture-boundaries.geojson";
    static final double SIZE = 400;

    /** One prefecture's rings: lists of [longitude, latitude]. */
    private record Shape(List<double[][]> rings, double minLon, double maxLon, double minLat, double maxLat) {}

    /** A projection into a SIZE × SIZE (or narrower) box. */
    record Frame(String viewBox, String outline, double minLon, double maxLat, double cos, double scale) {

        double x(double lon) {
            return (lon - minLon) * cos * scale;
        }

        double y(double lat) {
            return (maxLat - lat) * scale;
        }
    }

    private final Path file;
    private final CompletableFuture<Void> drawnAtStart = new CompletableFuture<>();
    private volatile Map<String, Shape> shapes;

    PrefectureOutlines(StoreProperties properties) {
        this.file = properties.data().dir().resolve(FILE);
        // Read and drawn while the rest of the application starts, not on the first home page's request: on a cold
        // JVM the 2.4 MB of outlines take 1–1.5 s. A request arriving before they are drawn waits for this drawing.
        Thread drawing = new Thread(
                () -> {
                    try {
                        country();
                    } catch (RuntimeException e) {
                        // Left to the first page that needs them: it reads them again and reports the failure.
                    } finally {
                        drawnAtStart.complete(null);
                    }
                },
                "prefecture-outlines");
        drawing.setDaemon(true);
        drawing.start();
    }

    /** The frame of the prefecture {@code code} (2 digits), or null when the outlines are not shipped. */
    Frame frame(String code) {
        Shape shape = shapes().get(code);
        return shape == null ? null : frame(List.of(shape), null);
    }

    /** The width of the country map in SVG units; its height follows from the projection. */
    static final double COUNTRY_WIDTH = 600;

    /** The main frame of the country map: 本州・北海道・四国・九州 and the islands near them (longitude, latitude). */
    private static final double MAIN_WEST = 128.3, MAIN_EAST = 146.5, MAIN_SOUTH = 29.0, MAIN_NORTH = 45.6;

    /** The inset of the Nansei islands: 沖縄県 and the Amami islands of 鹿児島県 south of {@code MAIN_SOUTH}. */
    private static final double INSET_WEST = 122.9, INSET_EAST = 131.4, INSET_SOUTH = 24.0, INSET_NORTH = 28.6;

    /** The inset's scale against the main frame's, and its margin from the map's corner and inner padding. */
    private static final double INSET_SCALE = 1, INSET_MARGIN = 4, INSET_PADDING = 6;

    /**
     * The country map: every prefecture in one frame, with 沖縄県 and the Amami islands in an inset at the top left (the
     * usual place on Japanese maps). Islands outside both frames (東京都's 小笠原諸島, 沖ノ鳥島 and 南鳥島) are left out,
     * which {@code omitted} says.
     *
     * @param viewBox the SVG viewBox of the whole map
     * @param inset the inset's box in the map's units: x, y, width, height
     * @param outlines the path of each prefecture by its 2-digit code: its rings in the main frame and in the inset
     * @param omitted the codes of prefectures some of whose islands are not drawn
     */
    record CountryMap(String viewBox, double[] inset, Map<String, String> outlines, List<String> omitted) {}

    private volatile CountryMap country;

    /** Whether the country map is drawn already. */
    boolean drawn() {
        return country != null;
    }

    /** Complete once the drawing started with the bean has ended (tests). */
    CompletableFuture<Void> drawingAtStart() {
        return drawnAtStart;
    }

    /** The country map, computed once; null when the outlines are not shipped. */
    CountryMap country() {
        CountryMap read = country;
        if (read == null) {
            synchronized (this) {
                if (country == null) {
                    country = country(shapes());
                }
                read = country;
            }
        }
        return read.outlines().isEmpty() ? null : read;
    }

    private static CountryMap country(Map<String, Shape> shapes) {
        Frame main = countryFrame(MAIN_WEST, MAIN_EAST, MAIN_SOUTH, MAIN_NORTH, 1, 0);
        Frame inset = countryFrame(
                INSET_WEST, INSET_EAST, INSET_SOUTH, INSET_NORTH, INSET_SCALE, INSET_MARGIN + INSET_PADDING);
        Map<String, String> outlines = new java.util.TreeMap<>();
        List<String> omitted = new ArrayList<>();
        for (Map.Entry<String, Shape> e : new java.util.TreeMap<>(shapes).entrySet()) {
            List<double[][]> inMain = new ArrayList<>();
            List<double[][]> inInset = new ArrayList<>();
            boolean left = false;
            for (double[][] ring : e.getValue().rings()) {
                double[] c = centre(ring);
                if (within(c, INSET_WEST, INSET_EAST, INSET_SOUTH, INSET_NORTH)
                        && (e.getKey().equals("47") || c[1] < MAIN_SOUTH)) {
                    inInset.add(ring);
                } else if (within(c, MAIN_WEST, MAIN_EAST, MAIN_SOUTH, MAIN_NORTH)) {
                    inMain.add(ring);
                } else {
                    left = true;
                }
            }
            if (left) {
                omitted.add(e.getKey());
            }
            outlines.put(e.getKey(), path(inMain, main, 1.2, 1.5) + path(inInset, inset, 1.2, 1.5));
        }
        double height = (MAIN_NORTH - MAIN_SOUTH) * main.scale();
        double insetWidth = (INSET_EAST - INSET_WEST) * inset.cos() * inset.scale() + 2 * INSET_PADDING;
        double insetHeight = (INSET_NORTH - INSET_SOUTH) * inset.scale() + 2 * INSET_PADDING;
        return new CountryMap(
                String.format(Locale.ROOT, "0 0 %.0f %.0f", COUNTRY_WIDTH, height),
                new double[] {INSET_MARGIN, INSET_MARGIN, Math.round(insetWidth), Math.round(insetHeight)},
                Map.copyOf(outlines),
                List.copyOf(omitted));
    }

    /**
     * An equirectangular frame of a box, at the main frame's scale times {@code factor} (the main frame is
     * {@code COUNTRY_WIDTH} wide), its north-west corner {@code offset} units right of and below the map's.
     */
    private static Frame countryFrame(
            double west, double east, double south, double north, double factor, double offset) {
        double mainCos = Math.cos(Math.toRadians((MAIN_SOUTH + MAIN_NORTH) / 2));
        double scale = COUNTRY_WIDTH / ((MAIN_EAST - MAIN_WEST) * mainCos) * factor;
        double cos = Math.cos(Math.toRadians((south + north) / 2));
        return new Frame("", "", west - offset / (cos * scale), north + offset / scale, cos, scale);
    }

    private static boolean within(double[] c, double west, double east, double south, double north) {
        return c[0] >= west && c[0] <= east && c[1] >= south && c[1] <= north;
    }

    private Frame frame(List<Shape> list, String outlineOverride) {
        double minLon = list.stream().mapToDouble(Shape::minLon).min().orElse(0);
        double maxLon = list.stream().mapToDouble(Shape::maxLon).max().orElse(1);
        double minLat = list.stream().mapToDouble(Shape::minLat).min().orElse(0);
        double maxLat = list.stream().mapToDouble(Shape::maxLat).max().orElse(1);
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double width = (maxLon - minLon) * cos;
        double height = maxLat - minLat;
        double scale = SIZE / Math.max(width, height);
        String viewBox = String.format(Locale.ROOT, "-4 -4 %.0f %.0f", width * scale + 8, height * scale + 8);
        Frame frame = new Frame(viewBox, "", minLon, maxLat, cos, scale);
        if (outlineOverride != null) {
            return frame;
        }
        return new Frame(viewBox, path(list.get(0), frame), minLon, maxLat, cos, scale);
    }

    /** The SVG path of {@code shape} in {@code frame}, dropping points less than two units apart. */
    private static String path(Shape shape, Frame frame) {
        return path(shape.rings(), frame, 2, 0);
    }

    /**
     * The SVG path of {@code rings} in {@code frame}: points rounded to whole units and written relative to the one
     * before, a point less than {@code tolerance} units from the last one written dropped, a ring smaller than
     * {@code minExtent} units both ways left out (an island too small to see).
     */
    private static String path(List<double[][]> rings, Frame frame, double tolerance, double minExtent) {
        StringBuilder d = new StringBuilder();
        for (double[][] ring : rings) {
            if (ring.length < 4 || extent(ring, frame) < minExtent) {
                continue;
            }
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            long penX = 0;
            long penY = 0;
            int written = 0;
            StringBuilder r = new StringBuilder();
            for (double[] point : ring) {
                double x = frame.x(point[0]);
                double y = frame.y(point[1]);
                if (written > 0 && Math.abs(x - lastX) < tolerance && Math.abs(y - lastY) < tolerance) {
                    continue;
                }
                long rx = Math.round(x);
                long ry = Math.round(y);
                if (written == 0) {
                    r.append('M').append(rx).append(' ').append(ry);
                } else if (rx != penX || ry != penY) {
                    r.append(written == 1 ? 'l' : ' ');
                    r.append(rx - penX).append(' ').append(ry - penY);
                } else {
                    continue;
                }
                penX = rx;
                penY = ry;
                lastX = x;
                lastY = y;
                written++;
            }
            if (written >= 3) {
                d.append(r).append('z');
            }
        }
        return d.toString();
    }

    /** The larger of a ring's width and height in {@code frame} units. */
    private static double extent(double[][] ring, Frame frame) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] p : ring) {
            minX = Math.min(minX, frame.x(p[0]));
            maxX = Math.max(maxX, frame.x(p[0]));
            minY = Math.min(minY, frame.y(p[1]));
            maxY = Math.max(maxY, frame.y(p[1]));
        }
        return Math.max(maxX - minX, maxY - minY);
    }

    /** The middle of a ring's bounding box: [longitude, latitude]. */
    private static double[] centre(double[][] ring) {
        double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
        for (double[] p : ring) {
            minLon = Math.min(minLon, p[0]);
            maxLon = Math.max(maxLon, p[0]);
            minLat = Math.min(minLat, p[1]);
            maxLat = Math.max(maxLat, p[1]);
        }
        return new double[] {(minLon + maxLon) / 2, (minLat + maxLat) / 2};
    }

    private Map<String, Shape> shapes() {
        Map<String, Shape> read = shapes;
        if (read == null) {
            synchronized (this) {
                if (shapes == null) {
                    shapes = read(file);
                }
                read = shapes;
            }
        }
        return read;
    }

    private static Map<String, Shape> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            Map<String, Shape> map = new HashMap<>();
            for (JsonNode feature : root.path("features")) {
                String code = feature.path("properties").path("pref_code").asString();
                JsonNode geometry = feature.path("geometry");
                List<double[][]> rings = new ArrayList<>();
                JsonNode polygons =
                        geometry.path("type").asString().equals("MultiPolygon") ? geometry.path("coordinates") : null;
                if (polygons == null) {
                    addPolygon(geometry.path("coordinates"), rings);
                } else {
                    for (JsonNode polygon : polygons) {
                        addPolygon(polygon, rings);
                    }
                }
                double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
                for (double[][] ring : rings) {
                    for (double[] p : ring) {
                        minLon = Math.min(minLon, p[0]);
                        maxLon = Math.max(maxLon, p[0]);
                        minLat = Math.min(minLat, p[1]);
                        maxLat = Math.max(maxLat, p[1]);
                    }
                }
                map.put(code, new Shape(rings, minLon, maxLon, minLat, maxLat));
            }
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void addPolygon(JsonNode polygon, List<double[][]> rings) {
        JsonNode outer = polygon.path(0);
        double[][] ring = new double[outer.size()][];
        for (int i = 0; i < outer.size(); i++) {
            ring[i] = new double[] {
                outer.path(i).path(0).asDouble(), outer.path(i).path(1).asDouble()
            };
        }
        rings.add(ring);
    }
}
