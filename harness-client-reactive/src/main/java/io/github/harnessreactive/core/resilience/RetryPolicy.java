package io.github.harnessreactive.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how a failed logical call is repeated. Immutable; applied around the whole call, so
 * each repetition is a new attempt that goes through every per-attempt layer again (a new permit,
 * fresh credentials, a new log line).
 *
 * <p>What is repeated:
 * <ul>
 *   <li>HTTP 429, for every operation, creates included: Harness's limiter refuses such requests
 *       before processing them, so repeating cannot do anything twice. This departs on purpose from
 *       the idempotent-only rule of most SDKs. The throttle pauses the credential's rate-limit
 *       partition; the repetition waits its backoff, then its permit, so the wait is
 *       {@code max(the partition's pause, the backoff)}, never their sum.</li>
 *   <li>Only for operations that are safe to repeat (GET, HEAD, PUT, DELETE, and the POSTs the
 *       operation catalogue marks safe: SEI list and insight reads, upserts keyed by email): a 400
 *       with code {@code TOO_MANY_REQUESTS} (which also pauses the partition), connection failures,
 *       an attempt's response timeout, 500, 502, 503 and 504, and bodies cut short.</li>
 *   <li>Nothing else: other 4xx, decode errors of well-formed bodies, a passed deadline, a stream
 *       that has already delivered items.</li>
 * </ul>
 * Each repetition waits a full-jitter exponential backoff
 * ({@code random(0, min(maxBackoff, baseBackoff * 2^retry))}), or the response's {@code Retry-After}
 * when it gave one, clamped to {@code maxRetryAfter}. At most {@code maxAttempts} attempts are
 * made, and the client's {@linkplain Budget retry budget} stops a failure storm from multiplying
 * traffic while letting a long stream ride out faults that one retry fixes.
 *
 * <p>A call's context may carry its own policy ({@code HarnessContext.retryPolicy(...)}): its
 * attempts and backoff apply to that call; the budget stays the client's, shared by all its calls
 * whatever their policies (it protects Harness from the client as a whole), so a per-call policy's
 * {@code budget} is ignored.
 *
 * @param maxAttempts attempts in all, the first included (1: never repeat)
 * @param baseBackoff the first backoff's upper bound
 * @param maxBackoff the largest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are clamped
 * @param budget the client's retry budget (only the client's policy sets it)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Budget budget) {

  /**
   * The retry budget of a client, shaped like the AWS SDK v2 / Smithy standard retry quota: a token
   * bucket that retries spend and successes refill.
   *
   * <ul>
   *   <li>A retry costs {@code retryCost} tokens, or {@code timeoutRetryCost} after a timeout or a
   *       connection failure (the signs of an outage, which retries make worse).</li>
   *   <li>A call that succeeds after retrying returns the cost of its last retry: a fault that one
   *       retry fixes costs nothing in the end, however long the stream.</li>
   *   <li>A call that succeeds at its first attempt adds {@code successReward}, up to {@code capacity}.</li>
   *   <li>Throttling (429, {@code TOO_MANY_REQUESTS}) costs nothing: the rate limiter's pause and
   *       adaptation bound it, and spending the outage budget on it would refuse the retries of
   *       real faults.</li>
   * </ul>
   * So calls needing three or four attempts (a brownout) drain it, and once it is empty a failure is
   * not repeated ("retry budget exhausted") until successes have refilled it.
   *
   * @param capacity tokens when full
   * @param retryCost tokens a retry after a server error or a body cut short costs
   * @param timeoutRetryCost tokens a retry after a timeout or a connection failure costs
   * @param successReward tokens a first-attempt success adds
   */
  public record Budget(int capacity, int retryCost, int timeoutRetryCost, int successReward) {

    /**
     * @throws IllegalArgumentException when a value is negative
     */
    public Budget {
      if (capacity < 0 || retryCost < 0 || timeoutRetryCost < 0 || successReward < 0) {
        throw new IllegalArgumentException("budget values must not be negative");
      }
    }

    /** 500 tokens, 5 a retry, 10 after a timeout or connection failure, 1 back per first-attempt success: 100 retries when full. */
    public static Budget defaults() {
      return new Budget(500, 5, 10, 1);
    }
  }

  /**
   * Checks the policy.
   *
   * @throws NullPointerException when a duration or the budget is {@code null}
   * @throws IllegalArgumentException when {@code maxAttempts < 1}, or not
   *     {@code 0 <= baseBackoff <= maxBackoff}, or {@code maxRetryAfter} is negative
   */
  public RetryPolicy {
    Objects.requireNonNull(baseBackoff, "baseBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(budget, "budget");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("need 0 <= baseBackoff <= maxBackoff and a non-negative maxRetryAfter");
    }
  }

  /**
   * 4 attempts, backoff from 500 ms up to 30 s with full jitter, {@code Retry-After} honoured up to
   * 60 s, the {@linkplain Budget#defaults() default budget}.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60), Budget.defaults());
  }

  /** Never repeat a call. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Budget.defaults());
  }

  /**
   * This policy with another number of attempts in all, the first included (1: never repeat).
   *
   * @throws IllegalArgumentException when {@code attempts < 1}
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseBackoff, maxBackoff, maxRetryAfter, budget);
  }

  /**
   * This policy with another backoff: the first wait's upper bound, and the largest.
   *
   * @throws IllegalArgumentException unless {@code 0 <= base <= max}
   */
  public RetryPolicy withBackoff(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, maxRetryAfter, budget);
  }

  /**
   * This policy honouring {@code Retry-After} up to {@code max}; longer ones are clamped.
   *
   * @throws IllegalArgumentException when {@code max} is negative
   */
  public RetryPolicy withMaxRetryAfter(Duration max) {
    return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, max, budget);
  }

  /**
   * This policy with another retry budget (only the client's policy sets the budget).
   *
   * @throws NullPointerException when {@code budget} is {@code null}
   */
  public RetryPolicy withBudget(Budget budget) {
    return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, maxRetryAfter, budget);
  }
}
