package jp.kakaritsuke.kb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of one benchmark, each a figure of ours beside the same figure of the peer in the same run, printed as a
 * Markdown table. The ratio is always ours ÷ peer; whether higher is better depends on the metric, so each row says
 * which way it points.
 */
final class ResultTable {

    /** Which way a metric improves. */
    enum Better {
        LOWER,
        HIGHER
    }

    record Row(String scale, String metric, double ours, double peer, String unit, Better better) {

        double ratio() {
            return peer == 0 ? Double.NaN : ours / peer;
        }

        /** "ours slower/larger" and the like, with a ±10 % band counted as on par. */
        String verdict() {
            double r = ratio();
            if (Double.isNaN(r)) {
                return "";
            }
            if (r > 0.9 && r < 1.1) {
                return "on par";
            }
            boolean oursBetter = better == Better.LOWER ? r < 1 : r > 1;
            return oursBetter ? "ours better" : "**ours worse**";
        }
    }

    private final String title;
    private final String peerName;
    private final List<Row> rows = new ArrayList<>();

    ResultTable(String title, String peerName) {
        this.title = title;
        this.peerName = peerName;
    }

    void add(String scale, String metric, double ours, double peer, String unit, Better better) {
        rows.add(new Row(scale, metric, ours, peer, unit, better));
        System.out.printf(
                Locale.ROOT,
                "  %-28s %-44s ours %12s  %-8s peer %12s  ratio %6.2f  %s%n",
                scale,
                metric,
                format(ours),
                unit,
                format(peer),
                rows.get(rows.size() - 1).ratio(),
                rows.get(rows.size() - 1).verdict());
    }

    List<Row> rows() {
        return rows;
    }

    String title() {
        return title;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| scale | metric | ours | ").append(peerName).append(" | ratio (ours ÷ peer) | |\n");
        md.append("|---|---|---:|---:|---:|---|\n");
        for (Row row : rows) {
            md.append("| ")
                    .append(row.scale())
                    .append(" | ")
                    .append(row.metric())
                    .append(" (")
                    .append(row.unit())
                    .append(", ")
                    .append(row.better() == Better.LOWER ? "lower" : "higher")
                    .append(" is better)")
                    .append(" | ")
                    .append(format(row.ours()))
                    .append(" | ")
                    .append(format(row.peer()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", row.ratio()))
                    .append(" | ")
                    .append(row.verdict())
                    .append(" |\n");
        }
        return md.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
