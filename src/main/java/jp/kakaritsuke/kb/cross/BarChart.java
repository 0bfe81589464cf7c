package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn by the template as inline SVG (no script): one bar per entry,
 * its length proportional to the value, the label to the left and the value text to the right.
 */
public record BarChart(String id, String title, int width, int height, int labelWidth, int barHeight, List<Bar> bars) {

    static final int WIDTH = 680;
    static final int LABEL_WIDTH = 240;
    static final int PLOT_WIDTH = 300;
    static final int ROW_HEIGHT = 26;
    static final int BAR_HEIGHT = 18;
    static final int PADDING = 6;

    /** One bar, with its geometry in SVG user units. */
    public record Bar(
            String label, String href, int value, String valueText, int y, int length, int textY, int valueX) {}

    /** What a bar shows: a label, the page it links to (or null), the value and how to print it. */
    record Entry(String label, String href, int value, String valueText) {}

    static BarChart of(String id, String title, List<Entry> entries) {
        int max = entries.stream().mapToInt(Entry::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = PADDING;
        for (Entry e : entries) {
            int length =
                    max == 0 ? 0 : Math.max(e.value() > 0 ? 2 : 0, Math.round((float) e.value() * PLOT_WIDTH / max));
            bars.add(new Bar(
                    e.label(),
                    e.href(),
                    e.value(),
                    e.valueText(),
                    y,
                    length,
                    y + BAR_HEIGHT - 4,
                    LABEL_WIDTH + length + 6));
            y += ROW_HEIGHT;
        }
        return new BarChart(id, title, WIDTH, y + PADDING, LABEL_WIDTH, BAR_HEIGHT, List.copyOf(bars));
    }

    /** The SVG viewBox attribute. */
    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
