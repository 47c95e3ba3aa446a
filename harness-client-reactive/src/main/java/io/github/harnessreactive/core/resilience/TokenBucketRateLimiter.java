package io.github.harnessreactive.core.resilience;

import io.github.harnessreactive.core.internal.Digests;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The default {@link RateLimiter}: one token bucket per partition, waiters served in arrival order
 * on a Reactor timer, adaptive to throttling (AIMD).
 *
 * <ul>
 *   <li><b>Pacing.</b> Each partition refills at {@code requestsPerPeriod} per period and holds up to
 *       {@code burst} permits ({@link RateLimitOptions}).</li>
 *   <li><b>Fairness and cancellation.</b> Waiters queue in arrival order; a cancelled waiter leaves
 *       the queue and takes no permit, whenever it is cancelled: before it is queued, while it
 *       waits, or between being granted and being told (the permit goes back). The queue is
 *       bounded: overflow fails at once.</li>
 *   <li><b>Throttling.</b> {@link #throttled} pauses the whole partition (every waiter already
 *       queued waits too) for the {@code Retry-After} (clamped) or the configured pause, and drops
 *       the rate by the decrease factor; after the pause the rate climbs back linearly to the
 *       ceiling over the recovery time. A retry after a 429 simply waits for its permit: the pause
 *       is the limiter's, never a second backoff on top.</li>
 *   <li><b>Clock.</b> Time and timers come from a Reactor {@link Scheduler}, so tests run in virtual time.</li>
 *   <li><b>Bounded state.</b> Partitions unused for {@code idleEviction} are dropped; metrics label the
 *       first {@code maxTaggedPartitions} partitions by a short hash of the partition (12 hex digits of
 *       its SHA-256: a scraped endpoint names no token id or account) and the rest {@code other}.</li>
 * </ul>
 *
 * <p>The bucket arithmetic is a few lines written here rather than Bucket4j's: the refill rate
 * changes continuously while the rate recovers, which Bucket4j models by replacing a bucket's
 * configuration, and the waiting, fairness and cancellation would be ours either way. Thread-safe.
 */
public final class TokenBucketRateLimiter implements RateLimiter {

  private static final TokenBucketRateLimiter SHARED = new TokenBucketRateLimiter(RateLimitOptions.defaults(),
      Schedulers.parallel(), null);

  private final RateLimitOptions options;
  private final Scheduler clock;
  private final MeterRegistry meters;
  private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
  private final Set<String> registeredLabels = ConcurrentHashMap.newKeySet();
  private final AtomicInteger labelled = new AtomicInteger();
  private volatile long lastSweep;

  /**
   * @param options how to pace
   * @param clock where time and timers come from
   * @param meters where the gauges go, or {@code null} for none
   */
  public TokenBucketRateLimiter(RateLimitOptions options, Scheduler clock, MeterRegistry meters) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = meters;
    this.lastSweep = now();
  }

  /** A limiter with these options on the parallel scheduler, without metrics. */
  public static TokenBucketRateLimiter create(RateLimitOptions options) {
    return new TokenBucketRateLimiter(options, Schedulers.parallel(), null);
  }

  /**
   * The limiter every client uses unless given another: one per process, so that clients sharing a
   * credential (the Platform client and the SEI 2.0 client with one PAT) spend one budget.
   */
  public static TokenBucketRateLimiter shared() {
    return SHARED;
  }

  /** The options this limiter paces by. */
  public RateLimitOptions options() {
    return options;
  }

  @Override
  public Mono<Void> acquire(String partition) {
    Objects.requireNonNull(partition, "partition");
    return Mono.create(sink -> partition(partition).enqueue(sink));
  }

  @Override
  public void throttled(String partition, Duration retryAfter) {
    partition(partition).throttle(retryAfter);
  }

  /** Waiters queued in a partition (0 for an unknown one). */
  public int queued(String partition) {
    Partition p = partitions.get(partition);
    return p == null ? 0 : p.queued();
  }

  /** Permits available now in a partition (the burst for an unknown one). */
  public double available(String partition) {
    Partition p = partitions.get(partition);
    return p == null ? options.burst() : p.available();
  }

  /** The current refill rate of a partition, in permits per second. */
  public double ratePerSecond(String partition) {
    Partition p = partitions.get(partition);
    return p == null ? options.ceilingPerSecond() : p.rateAt(now()) * 1e9;
  }

  /** The partitions currently kept. */
  public Set<String> partitions() {
    return Set.copyOf(partitions.keySet());
  }

  private Partition partition(String identity) {
    long now = now();
    if (now - lastSweep > options.idleEviction().toNanos()) {
      lastSweep = now;
      partitions.values().removeIf(p -> p.idleSince(now - options.idleEviction().toNanos()));
    }
    return partitions.computeIfAbsent(identity, id -> {
      String label = labelled.getAndIncrement() < options.maxTaggedPartitions() ? Digests.metricLabel(id) : "other";
      registerGauges(label);
      return new Partition(id, label, now);
    });
  }

  private void registerGauges(String label) {
    if (meters == null || !registeredLabels.add(label)) {
      return;
    }
    gauge("harness.ratelimit.queued", "Requests waiting for a permit", label, Partition::queued);
    gauge("harness.ratelimit.available", "Permits available now", label, Partition::available);
  }

  private void gauge(String name, String description, String label, ToDoubleFunction<Partition> value) {
    Gauge.builder(name, this, limiter -> limiter.partitions.values().stream()
            .filter(p -> p.label.equals(label)).mapToDouble(value).sum())
        .description(description).tag("partition", label).register(meters);
  }

  private long now() {
    return clock.now(TimeUnit.NANOSECONDS);
  }

  /** One credential's bucket and queue. All state is guarded by the partition's monitor. */
  private final class Partition {
    private final String identity;
    private final String label;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final double capacity = options.burst();
    private final double ceiling = options.ceilingPerSecond() / 1e9; // permits per nanosecond
    private final double floor = options.floorPerSecond() / 1e9;
    private final double recoverySlope; // permits per nanosecond, per nanosecond
    private double tokens;
    private long refilledAt;
    private long pausedUntil;
    private double rateAfterPause;
    private long lastUsed;
    private Disposable timer;
    private long timerAt = Long.MAX_VALUE;

    Partition(String identity, String label, long now) {
      this.identity = identity;
      this.label = label;
      this.tokens = capacity;
      this.refilledAt = now;
      this.lastUsed = now;
      this.rateAfterPause = ceiling;
      this.pausedUntil = now;
      long recovery = options.recoveryTime().toNanos();
      this.recoverySlope = recovery == 0 ? Double.POSITIVE_INFINITY : ceiling * (1 - options.decreaseFactor()) / recovery;
    }

    void enqueue(MonoSink<Void> sink) {
      Waiter waiter = new Waiter(sink);
      // Registered before the waiter is queued, so no cancel can come between the two unseen.
      sink.onCancel(() -> cancel(waiter));
      synchronized (this) {
        lastUsed = now();
        if (waiter.settled()) {
          return; // cancelled before it was queued
        }
        if (waiters.size() >= options.maxQueued()) {
          sink.error(new RateLimitQueueFullException(identity, options.maxQueued()));
          return;
        }
        waiters.addLast(waiter);
      }
      drain();
    }

    private void cancel(Waiter waiter) {
      if (waiter.cancel()) {
        synchronized (this) {
          waiters.remove(waiter);
        }
      }
    }

    void throttle(Duration retryAfter) {
      long now = now();
      Duration pause = retryAfter == null ? options.throttlePause()
          : retryAfter.compareTo(options.maxPause()) > 0 ? options.maxPause() : retryAfter;
      synchronized (this) {
        refill(now);
        double current = rateAt(now);
        rateAfterPause = Math.max(floor, current * options.decreaseFactor());
        pausedUntil = Math.max(pausedUntil, now + pause.toNanos());
        tokens = 0;
        refilledAt = pausedUntil;
        lastUsed = now;
      }
      drain();
    }

    /** The refill rate at a time: none while paused, then climbing linearly to the ceiling. */
    double rateAt(long time) {
      if (time < pausedUntil) {
        return 0;
      }
      return Math.min(ceiling, rateAfterPause + recoverySlope * (time - pausedUntil));
    }

    /** Permits earned between the last refill and now: the integral of the rate. */
    private void refill(long now) {
      long from = Math.max(refilledAt, pausedUntil);
      if (now <= from) {
        return;
      }
      double start = rateAt(from);
      double earned;
      if (start >= ceiling) {
        earned = ceiling * (now - from);
      } else {
        long reachCeiling = recoverySlope == Double.POSITIVE_INFINITY ? from
            : from + (long) Math.ceil((ceiling - start) / recoverySlope);
        long rampEnd = Math.min(now, reachCeiling);
        earned = (start + rateAt(rampEnd)) / 2 * (rampEnd - from) + ceiling * Math.max(0, now - rampEnd);
      }
      tokens = Math.min(capacity, tokens + earned);
      refilledAt = now;
    }

    /**
     * Grants permits to the waiters at the head while there are any, then sets a timer for the
     * rest. A waiter cancelled after it left the queue and before it was told gives its permit back.
     */
    void drain() {
      List<Waiter> granted = new ArrayList<>();
      synchronized (this) {
        long now = now();
        refill(now);
        while (!waiters.isEmpty() && now >= pausedUntil && tokens >= 1) {
          tokens -= 1;
          granted.add(waiters.pollFirst());
        }
        if (!waiters.isEmpty()) {
          long wait = now < pausedUntil ? pausedUntil - now
              : (long) Math.ceil((1 - tokens) / Math.max(rateAt(now), floor));
          schedule(now + Math.max(1, wait));
        }
      }
      int refused = 0;
      for (Waiter waiter : granted) {
        refused += waiter.grant() ? 0 : 1;
      }
      if (refused > 0) {
        synchronized (this) {
          tokens = Math.min(capacity, tokens + refused);
        }
        drain();
      }
    }

    private void schedule(long at) {
      if (timer != null && !timer.isDisposed() && timerAt <= at) {
        return;
      }
      if (timer != null) {
        timer.dispose();
      }
      timerAt = at;
      timer = clock.schedule(this::onTimer, at - now(), TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
      synchronized (this) {
        timer = null;
        timerAt = Long.MAX_VALUE;
      }
      drain();
    }

    synchronized int queued() {
      return waiters.size();
    }

    synchronized double available() {
      refill(now());
      return now() < pausedUntil ? 0 : tokens;
    }

    synchronized boolean idleSince(long cutoff) {
      return waiters.isEmpty() && lastUsed < cutoff && pausedUntil < cutoff;
    }
  }

  /** One request waiting for a permit: granted or cancelled, once, whichever comes first. */
  private static final class Waiter {
    private final MonoSink<Void> sink;
    private final AtomicBoolean settled = new AtomicBoolean();

    Waiter(MonoSink<Void> sink) {
      this.sink = sink;
    }

    /** Tells the waiter it has its permit; false when it was cancelled first (the permit is unused). */
    boolean grant() {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      sink.success();
      return true;
    }

    /** Marks the waiter cancelled; false when it was granted first. */
    boolean cancel() {
      return settled.compareAndSet(false, true);
    }

    boolean settled() {
      return settled.get();
    }
  }
}
