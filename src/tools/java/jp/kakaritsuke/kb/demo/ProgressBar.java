package jp.kakaritsuke.kb.demo;

import java.io.PrintStream;

/** A one-line progress bar on a terminal stream, redrawn when the percentage changes; silent without a stream. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final int total;
    private int done;
    private int shownPercent = -1;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    void step() {
        done++;
        int percent = (int) (100L * done / total);
        if (out != null && percent != shownPercent) {
            shownPercent = percent;
            int filled = WIDTH * percent / 100;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/"
                    + total + " worksheets");
            out.flush();
        }
    }

    void done() {
        if (out != null && shownPercent >= 0) {
            out.println();
        }
    }
}
