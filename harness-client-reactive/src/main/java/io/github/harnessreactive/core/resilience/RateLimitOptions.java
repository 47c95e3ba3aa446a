package io.github.harnessreactive.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TokenBucketRateLimiter} paces each partition. Immutable; start from
 * {@link #defaults()} and change what differs.
 *
 * <p>The bucket refills at {@code requestsPerPeriod / period} and holds up to {@code burst}
 * permits, which are all available after an idle spell. So a window of one period sees at most
 * {@code requestsPerPeriod + burst - 1} requests: with the default burst of 1, never more than
 * {@code requestsPerPeriod}, which is what Harness counts ("within any given minute"). A larger
 * burst trades that guarantee for a faster start.
 *
 * <p>Requests spaced exactly {@code period / requestsPerPeriod} apart when they leave can arrive
 * closer together, after network jitter, and a window at the server then holds one request too
 * many. So the bucket refills {@value #PACING_MARGIN_PERCENT} % under the ceiling: with
 * Harness's 400 a minute that absorbs 3 ms of jitter between two requests, for 2 % of throughput
 * (the benchmark module measures both).
 *
 * @param requestsPerPeriod the ceiling: requests allowed in any window of one period
 * @param period the window Harness counts in
 * @param burst permits available at once after an idle spell
 * @param maxQueued waiters per partition before {@link RateLimitQueueFullException}
 * @param throttlePause how long a partition pauses after a 429 without {@code Retry-After}
 * @param maxPause the longest pause a {@code Retry-After} can impose (larger values are clamped)
 * @param decreaseFactor the factor the rate is multiplied by on each throttle (multiplicative decrease)
 * @param recoveryTime how long the rate takes to climb back linearly from half the ceiling to the ceiling
 * @param minRequestsPerPeriod the floor the rate never drops below
 * @param idleEviction how long an unused partition is kept
 * @param maxTaggedPartitions how many partitions get their own metric label; the rest share {@code other}
 */
public record RateLimitOptions(
    int requestsPerPeriod,
    Duration period,
    int burst,
    int maxQueued,
    Duration throttlePause,
    Duration maxPause,
    double decreaseFactor,
    Duration recoveryTime,
    int minRequestsPerPeriod,
    Duration idleEviction,
    int maxTaggedPartitions) {

  public RateLimitOptions {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(throttlePause, "throttlePause");
    Objects.requireNonNull(maxPause, "maxPause");
    Objects.requireNonNull(recoveryTime, "recoveryTime");
    Objects.requireNonNull(idleEviction, "idleEviction");
    if (requestsPerPeriod <= 0 || burst < 1) {
      throw new IllegalArgumentException("need requestsPerPeriod > 0 and burst >= 1, got " + requestsPerPeriod + " and " + burst);
    }
    if (period.isZero() || period.isNegative() || recoveryTime.isNegative() || throttlePause.isNegative()) {
      throw new IllegalArgumentException("durations must be positive");
    }
    if (decreaseFactor <= 0 || decreaseFactor > 1) {
      throw new IllegalArgumentException("decreaseFactor must be in (0, 1]");
    }
    if (maxQueued <= 0 || minRequestsPerPeriod <= 0 || minRequestsPerPeriod > requestsPerPeriod || maxTaggedPartitions < 0) {
      throw new IllegalArgumentException("maxQueued and minRequestsPerPeriod must be positive, the floor at most the ceiling");
    }
  }

  /**
   * 400 requests a minute per credential (Harness's documented limit for {@code x-api-key}
   * requests), a burst of 1 (so no minute ever sees more than 400), 10,000 waiters, a 5-second pause after a bare 429 (at most 2 minutes
   * from a {@code Retry-After}), halving on throttle and recovering over a minute, a floor of 10 a
   * minute, partitions evicted after 10 idle minutes, 20 labelled partitions.
   */
  public static RateLimitOptions defaults() {
    return new RateLimitOptions(400, Duration.ofMinutes(1), 1, 10_000, Duration.ofSeconds(5), Duration.ofMinutes(2),
        0.5, Duration.ofMinutes(1), 10, Duration.ofMinutes(10), 20);
  }

  /**
   * These options with another limit: {@code requests} per {@code per} (the floor is lowered to it if above).
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RateLimitOptions withLimit(int requests, Duration per) {
    return new RateLimitOptions(requests, per, burst, maxQueued, throttlePause, maxPause,
        decreaseFactor, recoveryTime, Math.min(minRequestsPerPeriod, requests), idleEviction, maxTaggedPartitions);
  }

  /**
   * These options with another burst: the permits a partition holds when idle.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RateLimitOptions withBurst(int permits) {
    return new RateLimitOptions(requestsPerPeriod, period, permits, maxQueued, throttlePause, maxPause, decreaseFactor,
        recoveryTime, minRequestsPerPeriod, idleEviction, maxTaggedPartitions);
  }

  /**
   * These options with another bound on waiters per partition.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RateLimitOptions withMaxQueued(int waiters) {
    return new RateLimitOptions(requestsPerPeriod, period, burst, waiters, throttlePause, maxPause, decreaseFactor,
        recoveryTime, minRequestsPerPeriod, idleEviction, maxTaggedPartitions);
  }

  /**
   * These options with another pause after a 429 without {@code Retry-After}, and another clamp for one with it.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RateLimitOptions withThrottlePause(Duration pause, Duration max) {
    return new RateLimitOptions(requestsPerPeriod, period, burst, maxQueued, pause, max, decreaseFactor, recoveryTime,
        minRequestsPerPeriod, idleEviction, maxTaggedPartitions);
  }

  /**
   * These options with another adaptation: the rate is multiplied by {@code factor} after a
   * throttle, recovers linearly to the ceiling over {@code recovery}, and never falls below
   * {@code floorPerPeriod} requests per period.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RateLimitOptions withAdaptation(double factor, Duration recovery, int floorPerPeriod) {
    return new RateLimitOptions(requestsPerPeriod, period, burst, maxQueued, throttlePause, maxPause, factor, recovery,
        floorPerPeriod, idleEviction, maxTaggedPartitions);
  }

  /**
   * These options dropping a partition after it has been idle this long.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RateLimitOptions withIdleEviction(Duration idle) {
    return new RateLimitOptions(requestsPerPeriod, period, burst, maxQueued, throttlePause, maxPause, decreaseFactor,
        recoveryTime, minRequestsPerPeriod, idle, maxTaggedPartitions);
  }

  /** How far under the ceiling the bucket refills, in percent (see the class documentation). */
  public static final int PACING_MARGIN_PERCENT = 2;

  /** The steady refill rate at the ceiling, less the pacing margin, in permits per second. */
  double ceilingPerSecond() {
    return requestsPerPeriod / seconds(period) * (100 - PACING_MARGIN_PERCENT) / 100;
  }

  /** The floor, in permits per second. */
  double floorPerSecond() {
    return Math.min(ceilingPerSecond(), minRequestsPerPeriod / seconds(period));
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
