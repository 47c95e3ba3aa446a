package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's leak detector with its reports kept for the suite, installed for every Netty resource by
 * {@code -Dio.netty.customResourceLeakDetector} (see this module's POM) with the level at paranoid.
 *
 * <p>Netty notices a leak only when a garbage-collected resource was never released, and reports it
 * on a later allocation; {@link #assertNoLeaks()} forces both.
 */
public final class CapturingLeakDetector<T> extends ResourceLeakDetector<T> {

  private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();

  public CapturingLeakDetector(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
  }

  public CapturingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
    super(resourceType, samplingInterval);
  }

  @Override
  protected boolean needReport() {
    return true; // report even when Netty's own logger is quiet
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    REPORTS.add("LEAK: " + resourceType + records);
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    REPORTS.add("LEAK: " + resourceType + " (untraced)");
  }

  /** Whether Netty uses this detector, so a quiet run means something. */
  static boolean installed() {
    ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
    try {
      return probe.getClass().getSimpleName().contains("Leak") && getLevel() == Level.PARANOID;
    } finally {
      probe.release();
    }
  }

  /** Collects the garbage, lets Netty look at what it freed, and fails on any leak report. */
  static void assertNoLeaks() {
    List<String> found = drain();
    assertThat(found).as("Netty leak reports").isEmpty();
  }

  /** The reports of leaks found now, forgetting them. */
  static List<String> drain() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      try {
        Thread.sleep(20); // the test thread, not an event loop: let the reference queue fill
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      for (int i = 0; i < 64; i++) {
        ByteBufAllocator.DEFAULT.buffer(8).release(); // each tracked allocation polls the reference queue
      }
    }
    List<String> found = new ArrayList<>();
    for (String report; (report = REPORTS.poll()) != null; ) {
      found.add(report);
    }
    return found;
  }
}
