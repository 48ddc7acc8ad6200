package fr.traitant.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap's highest occupancy during a measurement. Between two collections the heap only fills, so its highest point is
 * the occupancy just before a collection (all heap pools at that instant, from the collector's notification) or at the
 * end. The sum of each pool's own peak, which the figures printed before ADR 0087, adds maxima reached at different
 * times (the young generation full before a collection, the old one full after many) and can exceed the heap's limit.
 */
final class HeapPeak implements NotificationListener, AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(b -> b.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    /** Starts listening to every collector; the occupancy now is the first value. */
    static HeapPeak start() {
        HeapPeak h = new HeapPeak();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(h, null, null);
                h.emitters.add(e);
            }
        }
        h.peak.accumulateAndGet(used(), Math::max);
        return h;
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = 0;
        for (Map.Entry<String, MemoryUsage> e :
                info.getGcInfo().getMemoryUsageBeforeGc().entrySet())
            if (heapPools.contains(e.getKey())) before += e.getValue().getUsed();
        peak.accumulateAndGet(before, Math::max);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The highest occupancy seen so far, in MB (the notifications of the last collections are waited for briefly). */
    long peakMb() {
        try {
            Thread.sleep(200); // notifications are delivered by another thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(peak.get(), used()) >> 20;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
    }
}
