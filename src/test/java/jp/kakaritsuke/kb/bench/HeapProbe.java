package jp.kakaritsuke.kb.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap of the running JVM: the peak of the heap in use (sampled every few milliseconds from a daemon
 * thread), and the peak of what the collector left in use after each collection (reported by the collector itself:
 * the data a program really holds, which is what must stay flat as the data grows).
 */
final class HeapProbe implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    private HeapProbe() {
        thread = new Thread(this::watch, "heap-probe");
        thread.setDaemon(true);
        Set<String> heapNames =
                heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                        .filter(e -> heapNames.contains(e.getKey()))
                                        .mapToLong(e -> e.getValue().getUsed())
                                        .sum();
                                peakAfterGc = Math.max(peakAfterGc, after);
                            }
                        },
                        null,
                        null);
            }
        }
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
        for (MemoryPoolMXBean pool : heapPools) {
            used += pool.getUsage().getUsed();
        }
        peakUsed = Math.max(peakUsed, used);
    }

    /** Peak heap in use, in MiB. */
    double peakUsedMb() {
        return peakUsed / 1048576.0;
    }

    /** Peak heap left in use after a collection, in MiB (0 if the program never needed a collection). */
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
