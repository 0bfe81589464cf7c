package jp.kakaritsuke.kb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the heap of the running JVM from a daemon thread, every few milliseconds: the peak of the heap in use,
 * and the peak of what the collector left in use after a collection (the live data a program really holds, which
 * is what must stay flat as the data grows).
 */
final class HeapProbe implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    private HeapProbe() {
        thread = new Thread(this::watch, "heap-probe");
        thread.setDaemon(true);
    }

    static HeapProbe start() {
        HeapProbe probe = new HeapProbe();
        probe.thread.start();
        return probe;
    }

    private void watch() {
        while (running) {
            sample();
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    private void sample() {
        long used = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            used += pool.getUsage().getUsed();
            MemoryUsage collected = pool.getCollectionUsage();
            if (collected != null) {
                afterGc += collected.getUsed();
            }
        }
        peakUsed = Math.max(peakUsed, used);
        peakAfterGc = Math.max(peakAfterGc, afterGc);
    }

    /** Peak heap in use, in MiB. */
    double peakUsedMb() {
        return peakUsed / 1048576.0;
    }

    /** Peak heap left in use after a collection, in MiB. */
    double peakAfterGcMb() {
        return peakAfterGc / 1048576.0;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
