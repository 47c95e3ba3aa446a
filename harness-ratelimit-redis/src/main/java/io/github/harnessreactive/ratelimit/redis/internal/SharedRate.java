package io.github.harnessreactive.ratelimit.redis.internal;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import java.time.Duration;

/**
 * The arithmetic of the shared pace, from {@link RateLimitOptions} exactly as the local limiter
 * reads them: the ceiling {@value RateLimitOptions#PACING_MARGIN_PERCENT} % under the configured
 * limit, the floor, the pause after a throttle, and the linear climb back after it (AIMD).
 *
 * <p>The rate at a time is a pure function of the partition's {@link ThrottleRecord} and Redis's
 * clock: zero while paused, then {@code min(ceiling, rate + slope * (now - until))}. Nobody
 * "raises" it during recovery; every instance computes the same value from the same record. The
 * Lua script that records a throttle ({@link ThrottleScript}) computes the rate it decreases
 * from with this same formula.
 *
 * <p>The Bucket4j bucket always refills at the ceiling; a permit taken at a lower rate costs
 * proportionally more tokens ({@link #cost}), which is how the fleet slows down without replacing
 * the bucket's configuration while it recovers.
 */
public final class SharedRate {

  /** Bucket4j counts whole tokens: one permit at the ceiling is this many, so costs keep three digits. */
  public static final long TOKENS_PER_PERMIT = 1_000;

  private final double ceiling;
  private final double floor;
  private final double factor;
  private final double slope;
  private final long pauseMillis;
  private final long maxPauseMillis;

  /** The schedule these options describe. */
  public SharedRate(RateLimitOptions options) {
    double seconds = options.period().toNanos() / 1e9;
    this.ceiling = options.requestsPerPeriod() / seconds * (100 - RateLimitOptions.PACING_MARGIN_PERCENT) / 100;
    this.floor = Math.min(ceiling, options.minRequestsPerPeriod() / seconds);
    this.factor = options.decreaseFactor();
    double recovery = options.recoveryTime().toNanos() / 1e9;
    // the climb from factor x ceiling back to the ceiling takes the recovery time; none: within a millisecond
    this.slope = recovery == 0 ? ceiling * 1000 : ceiling * (1 - factor) / recovery;
    this.pauseMillis = options.throttlePause().toMillis();
    this.maxPauseMillis = options.maxPause().toMillis();
  }

  /** Permits per second at {@code now} (Redis's clock, ms) given the partition's last episode. */
  public double rateAt(ThrottleRecord record, long now) {
    if (record == null) {
      return ceiling;
    }
    if (now < record.until()) {
      return 0;
    }
    return Math.min(ceiling, record.rate() + slope * (now - record.until()) / 1000);
  }

  /** The tokens one permit costs at {@code rate} (at least {@link #TOKENS_PER_PERMIT}). */
  public long cost(double rate) {
    return Math.round(TOKENS_PER_PERMIT * ceiling / Math.max(rate, floor));
  }

  /** The pause after a throttle: {@code retryAfter} clamped to the maximum, or the configured pause. */
  public long pauseMillis(Duration retryAfter) {
    return retryAfter == null ? pauseMillis : Math.max(0, Math.min(retryAfter.toMillis(), maxPauseMillis));
  }

  /** The ceiling, in permits per second. */
  public double ceiling() {
    return ceiling;
  }

  /** The floor, in permits per second. */
  public double floor() {
    return floor;
  }

  /** The multiplicative decrease. */
  public double factor() {
    return factor;
  }

  /** The additive increase, in permits per second per second. */
  public double slope() {
    return slope;
  }
}
