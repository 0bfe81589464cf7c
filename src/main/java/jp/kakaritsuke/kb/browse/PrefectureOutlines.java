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
import jp.kakaritsuke.kb.store.StoreProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The prefecture outlines of the regional evidence ({@code data/evidence/source/prefecture-boundaries.geojson},
 * simplified outlines for display, derived from MLIT 国土数値情報 A38-20), drawn as SVG paths, each prefecture in a
 * frame of its own ({@link #frame}). Read once, on first use; no tiles, no
 * outside service. Coordinates are projected equirectangularly with the longitude scaled by the cosine of the middle
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
    private volatile Map<String, Shape> shapes;

    PrefectureOutlines(StoreProperties properties) {
        this.file = properties.data().dir().resolve(FILE);
    }

    /** The frame of the prefecture {@code code} (2 digits), or null when the outlines are not shipped. */
    Frame frame(String code) {
        Shape shape = shapes().get(code);
        return shape == null ? null : frame(List.of(shape), null);
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
        StringBuilder d = new StringBuilder();
        for (double[][] ring : shape.rings()) {
            if (ring.length < 4) {
                continue;
            }
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            int written = 0;
            StringBuilder r = new StringBuilder();
            for (double[] point : ring) {
                double x = frame.x(point[0]);
                double y = frame.y(point[1]);
                if (written > 0 && Math.abs(x - lastX) < 2 && Math.abs(y - lastY) < 2) {
                    continue;
                }
                r.append(written == 0 ? 'M' : 'L')
                        .append(Math.round(x))
                        .append(' ')
                        .append(Math.round(y));
                lastX = x;
                lastY = y;
                written++;
            }
            if (written >= 3) {
                d.append(r).append('Z');
            }
        }
        return d.toString();
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
