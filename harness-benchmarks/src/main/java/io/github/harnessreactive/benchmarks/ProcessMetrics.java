package io.github.harnessreactive.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** The figures a client process reports about itself: its CPU time and its heap after each GC. */
final class ProcessMetrics {

  private final AtomicLong peakHeapAfterGc = new AtomicLong();

  private ProcessMetrics() {
  }

  /** Starts listening for GC notifications; every collection's heap-after-GC raises the peak. */
  static ProcessMetrics start() {
    ProcessMetrics metrics = new ProcessMetrics();
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          // the after-GC map covers every pool the collector touched; count only the heap's
          long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
          metrics.peakHeapAfterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    return metrics;
  }

  /** The highest heap occupancy seen right after a collection so far, in bytes. */
  long peakHeapAfterGc() {
    return peakHeapAfterGc.get();
  }

  /** Time spent in garbage collections so far (pauses and, for concurrent collectors, cycles), in milliseconds. */
  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /** Time the JIT compilers spent so far, in milliseconds. */
  static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /** This process's CPU time (all threads), in nanoseconds. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
