package jp.kakaritsuke.kb.authoring.imports;

import java.io.PrintStream;
import jp.kakaritsuke.kb.command.ProgressBar;

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

    /** A one-line bar per phase on {@code out} (the command line's standard error): the commands' {@link ProgressBar}. */
    static ImportProgress bar(PrintStream out) {
        ProgressBar bar = new ProgressBar(out);
        return new ImportProgress() {
            @Override
            public void start(String phase, int total) {
                bar.start(phase, total);
            }

            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void finish() {
                bar.finish();
            }
        };
    }
}
