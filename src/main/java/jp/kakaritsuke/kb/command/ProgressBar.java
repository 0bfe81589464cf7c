package jp.kakaritsuke.kb.command;

import java.io.PrintStream;

/**
 * The commands' progress bar: one line per phase on a terminal stream (standard error), redrawn when the percentage
 * changes, e.g. {@code [#########           ] 45% 9/20 worksheets}. Silent without a stream.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private String phase = "";
    private int total = 1;
    private int done;
    private int shown = -1;

    /** @param out where to draw, or null for nothing */
    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A phase of {@code steps} steps begins (its name is shown after the count). */
    public void start(String name, int steps) {
        phase = name;
        total = Math.max(1, steps);
        done = 0;
        shown = -1;
        draw();
    }

    /** One step of the phase is done. */
    public void step() {
        done++;
        draw();
    }

    /** The phase is over: the bar is full and the line ends. */
    public void finish() {
        done = total;
        draw();
        if (out != null) {
            out.println();
        }
    }

    private void draw() {
        int percent = (int) (100L * Math.min(done, total) / total);
        if (out == null || percent == shown) {
            return;
        }
        shown = percent;
        int filled = WIDTH * percent / 100;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                + Math.min(done, total) + "/" + total + " " + phase);
        out.flush();
    }
}
