package io.github.harnessreactive.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

  /** The kinds of thread {@link #cpuNanosByThreadKind} tells apart, in the order figures list them. */
  static final List<String> THREAD_KINDS = List.of("netty", "jit", "gc", "other");

  /**
   * This process's CPU time so far by kind of thread, in nanoseconds: {@code jit} (the compiler
   * threads), {@code gc} (the collector's threads), {@code netty} (the event loops), {@code other}
   * (the rest, the caller's thread among them). Read from Linux's {@code /proc/self/task}, at the
   * clock tick's resolution (10 ms); empty elsewhere. Threads that ended are not counted.
   */
  static Map<String, Long> cpuNanosByThreadKind() {
    Map<String, Long> kinds = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return kinds;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      threads.forEach(thread -> {
        try {
          String name = Files.readString(thread.resolve("comm")).strip();
          String stat = Files.readString(thread.resolve("stat"));
          // the fields after the name in parentheses: state is field 3, utime 14 and stime 15
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          kinds.merge(threadKind(name), ticks * 10_000_000L, Long::sum);
        } catch (IOException | RuntimeException ended) {
          // the thread ended while being read
        }
      });
    } catch (IOException unreadable) {
      return Map.of();
    }
    return kinds;
  }

  private static String threadKind(String name) {
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "jit";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("G1Conc") || name.startsWith("G1Refine")) {
      return "gc";
    }
    return name.startsWith("reactor-http") ? "netty" : "other";
  }

  /** This process's CPU time (all threads), in nanoseconds. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
