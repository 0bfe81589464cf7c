package jp.kakaritsuke.kb.authoring.imports;

import java.io.PrintStream;

/**
 * Progress of a long import, phase by phase: rows parsed, worksheets validated, worksheets written. The web ignores
 * it; the command line draws a bar on the terminal.
 */
interface ImportProgress {

    /** Reports nothing. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void start(String phase, int total) {}

        @Override
        public void step() {}

        @Override
        public void finish() {}
    };

    /** A phase of {@code total} steps begins. */
    void start(String phase, int total);

    /** One step of the current phase is done. */
    void step();

    /** The current phase is over. */
    void finish();

    /** A one-line bar per phase on {@code out} (the command line's standard error), redrawn as the percentage grows. */
    static ImportProgress bar(PrintStream out) {
        return new ImportProgress() {
            private static final int WIDTH = 30;
            private String phase = "";
            private int total = 1;
            private int done;
            private int shown = -1;

            @Override
            public void start(String name, int steps) {
                phase = name;
                total = Math.max(1, steps);
                done = 0;
                shown = -1;
                draw();
            }

            @Override
            public void step() {
                done++;
                draw();
            }

            @Override
            public void finish() {
                done = total;
                draw();
                out.println();
            }

            private void draw() {
                int percent = (int) (100L * Math.min(done, total) / total);
                if (percent == shown) {
                    return;
                }
                shown = percent;
                int filled = WIDTH * percent / 100;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                        + Math.min(done, total) + "/" + total + " " + phase);
                out.flush();
            }
        };
    }
}
