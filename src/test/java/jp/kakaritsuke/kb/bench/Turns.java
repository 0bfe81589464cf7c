package jp.kakaritsuke.kb.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the benchmarks that compare two things on a shared machine measure: in turns (so that both meet the same load),
 * by the server's processor time (which the load of other programs does not inflate), and once the server has settled
 * after start.
 */
final class Turns {

    private Turns() {}

    /** The application's processor milliseconds per run of {@code unit}, over {@code runs} runs one after another. */
    static double cpuMillisPer(ChildJvm child, HttpLoad.Unit unit, int runs) {
        timed(unit);
        double before = child.cpuSeconds();
        int done = 0;
        for (int i = 0; i < runs; i++) {
            if (timed(unit) != null) {
                done++;
            }
        }
        return done == 0 ? Double.NaN : (child.cpuSeconds() - before) * 1000 / done;
    }

    /**
     * Waits until the application uses less than a fifth of a processor over 5 s (at most 10 minutes); returns the
     * seconds waited.
     */
    static double awaitQuiet(ChildJvm child) {
        long started = System.nanoTime();
        double before = child.cpuSeconds();
        while (System.nanoTime() - started < Duration.ofMinutes(10).toNanos()) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            double now = child.cpuSeconds();
            if ((now - before) / 5.0 < 0.2) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Latencies of the page and its peer measured in turns (page, peer; then peer, page; …) after one unmeasured run
     * of each; a request that fails (a 503 after the query timeout) counts as a failure, not as a figure.
     */
    static List<HttpLoad.Samples> interleaved(HttpLoad.Unit page, HttpLoad.Unit peer, int rounds) {
        timed(page);
        timed(peer);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        int[] failures = new int[2];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean first = (round + turn) % 2 == 0;
                Double millis = timed(first ? page : peer);
                if (millis == null) {
                    failures[first ? 0 : 1]++;
                } else {
                    (first ? a : b).add(millis);
                }
            }
        }
        Collections.sort(a);
        Collections.sort(b);
        return List.of(new HttpLoad.Samples(a, failures[0]), new HttpLoad.Samples(b, failures[1]));
    }

    /** Milliseconds {@code unit} took, or null when it failed. */
    static Double timed(HttpLoad.Unit unit) {
        try {
            return HttpLoad.timeMillis(unit);
        } catch (RuntimeException e) {
            System.out.println("  failed: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }
}
