package io.github.harnessreactive.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
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
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum()
              - nonHeap(info);
          metrics.peakHeapAfterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    return metrics;
  }

  private static long nonHeap(GarbageCollectionNotificationInfo info) {
    // the after-GC map covers every pool the collector touched; count only the heap pools
    long nonHeap = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != java.lang.management.MemoryType.HEAP) {
        MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        nonHeap += usage == null ? 0 : usage.getUsed();
      }
    }
    return nonHeap;
  }

  /** The highest heap occupancy seen right after a collection so far, in bytes. */
  long peakHeapAfterGc() {
    return peakHeapAfterGc.get();
  }

  /** Forgets the peak, to measure a new phase. */
  void resetPeak() {
    peakHeapAfterGc.set(0);
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
