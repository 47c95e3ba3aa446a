package io.github.harnessreactive.simulator.internal;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Harness's limit as it describes it: at most {@code limit} requests per key "within any given"
 * window, counted over a sliding window of the exact request times.
 */
final class RequestWindow {

  private final int limit;
  private final long windowNanos;
  private final Map<String, ArrayDeque<Long>> requests = new ConcurrentHashMap<>();

  RequestWindow(int limit, long windowNanos) {
    this.limit = limit;
    this.windowNanos = windowNanos;
  }

  /** Forgets every request seen. */
  void clear() {
    requests.clear();
  }

  /** Records a request of the key if the window has room; false (and nothing recorded) when it is full. */
  boolean admit(String key, long now) {
    if (limit == 0) {
      return true;
    }
    ArrayDeque<Long> times = requests.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - windowNanos) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
