package io.github.harnessreactive.ratelimit.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RedisRateLimiter} uses Redis and what it does without it. The pace itself (limit,
 * burst, queue, pause, AIMD) is the core's {@link io.github.harnessreactive.core.resilience.RateLimitOptions}.
 * Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param keyPrefix what every key of the limiter starts with; the rest is the SHA-256 of the partition
 * @param timeout the longest a Redis answer may take; a slower one (or a refused connection)
 *     switches the limiter to its local fallback at once
 * @param fallbackShare the share of the limit one instance paces at while Redis is away, in (0, 1]:
 *     {@code 1 / n} for {@code n} instances keeps the fleet under the limit
 * @param probeInterval how often, while Redis is away, the limiter asks whether it is back
 * @param reconnectDelay how long the Redis client that the limiter creates itself (from a URI)
 *     waits between reconnection attempts; a client given to the limiter keeps its own setting
 * @param gaugeRefresh how often the gauges' values are read from Redis in the background (only
 *     with a meter registry); between reads they show the last answer Redis gave
 */
public record RedisRateLimitOptions(
    String keyPrefix,
    Duration timeout,
    double fallbackShare,
    Duration probeInterval,
    Duration reconnectDelay,
    Duration gaugeRefresh) {

  /**
   * @throws NullPointerException if an argument is {@code null}
   * @throws IllegalArgumentException if a duration is not positive or the share is not in (0, 1]
   */
  public RedisRateLimitOptions {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    for (Duration duration : new Duration[] {
        Objects.requireNonNull(timeout, "timeout"),
        Objects.requireNonNull(probeInterval, "probeInterval"),
        Objects.requireNonNull(reconnectDelay, "reconnectDelay"),
        Objects.requireNonNull(gaugeRefresh, "gaugeRefresh")}) {
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException("durations must be positive, got " + duration);
      }
    }
    if (!(fallbackShare > 0 && fallbackShare <= 1)) {
      throw new IllegalArgumentException("fallbackShare must be in (0, 1], got " + fallbackShare);
    }
  }

  /**
   * Keys under {@code harness-reactive:ratelimit:}, answers due within 250 ms, half the limit per
   * instance while Redis is away (a fleet of two), a probe and a reconnection attempt every 500 ms,
   * gauges refreshed every 10 s.
   */
  public static RedisRateLimitOptions defaults() {
    return new RedisRateLimitOptions("harness-reactive:ratelimit:", Duration.ofMillis(250), 0.5, Duration.ofMillis(500),
        Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  /**
   * A copy with another key prefix (several applications, or environments, sharing one Redis).
   *
   * @throws NullPointerException if {@code prefix} is {@code null}
   */
  public RedisRateLimitOptions withKeyPrefix(String prefix) {
    return new RedisRateLimitOptions(prefix, timeout, fallbackShare, probeInterval, reconnectDelay, gaugeRefresh);
  }

  /**
   * A copy with another bound on Redis's answers.
   *
   * @throws IllegalArgumentException if {@code bound} is not positive
   */
  public RedisRateLimitOptions withTimeout(Duration bound) {
    return new RedisRateLimitOptions(keyPrefix, bound, fallbackShare, probeInterval, reconnectDelay, gaugeRefresh);
  }

  /**
   * A copy that paces at {@code share} of the limit while Redis is away.
   *
   * @throws IllegalArgumentException if {@code share} is not in (0, 1]
   */
  public RedisRateLimitOptions withFallbackShare(double share) {
    return new RedisRateLimitOptions(keyPrefix, timeout, share, probeInterval, reconnectDelay, gaugeRefresh);
  }

  /**
   * A copy that paces at {@code 1 / instances} of the limit while Redis is away: the share that
   * keeps a fleet of that many instances under the limit.
   *
   * @throws IllegalArgumentException if {@code instances} is less than 1
   */
  public RedisRateLimitOptions withExpectedInstances(int instances) {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, got " + instances);
    }
    return withFallbackShare(1.0 / instances);
  }

  /**
   * A copy that probes Redis at another interval while it is away.
   *
   * @throws IllegalArgumentException if {@code interval} is not positive
   */
  public RedisRateLimitOptions withProbeInterval(Duration interval) {
    return new RedisRateLimitOptions(keyPrefix, timeout, fallbackShare, interval, reconnectDelay, gaugeRefresh);
  }

  /**
   * A copy whose own Redis client (built from a URI) waits {@code delay} between reconnection attempts.
   *
   * @throws IllegalArgumentException if {@code delay} is not positive
   */
  public RedisRateLimitOptions withReconnectDelay(Duration delay) {
    return new RedisRateLimitOptions(keyPrefix, timeout, fallbackShare, probeInterval, delay, gaugeRefresh);
  }

  /**
   * A copy that refreshes the gauges at another interval.
   *
   * @throws IllegalArgumentException if {@code interval} is not positive
   */
  public RedisRateLimitOptions withGaugeRefresh(Duration interval) {
    return new RedisRateLimitOptions(keyPrefix, timeout, fallbackShare, probeInterval, reconnectDelay, interval);
  }
}
