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
 *       the idempotent-only rule of most SDKs. The partition's pause is the wait: the repetition
 *       just waits for its permit.</li>
 *   <li>Only for operations that are safe to repeat (GET, HEAD, PUT, DELETE, and the POSTs the
 *       operation catalogue marks safe: SEI list and insight reads, upserts keyed by email): a 400
 *       with code {@code TOO_MANY_REQUESTS} (which also pauses the partition), connection failures,
 *       an attempt's response timeout, 500, 502, 503 and 504, and bodies cut short. These wait a
 *       full-jitter exponential backoff ({@code random(0, min(maxBackoff, baseBackoff * 2^retry))}), or
 *       the response's {@code Retry-After} when it gave one, clamped to {@code maxRetryAfter}.</li>
 *   <li>Nothing else: other 4xx, decode errors of well-formed bodies, a passed deadline.</li>
 * </ul>
 * At most {@code maxAttempts} attempts are made, and a retry budget shared by all calls of a
 * client (each retry spends a token, each success earns back a fraction) stops a failure storm
 * from multiplying traffic.
 *
 * @param maxAttempts attempts in all, the first included (1: never repeat)
 * @param baseBackoff the first backoff's upper bound
 * @param maxBackoff the largest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are clamped
 * @param budgetCapacity retries the budget holds when full
 * @param budgetRefillPerSuccess the fraction of a retry each successful call earns back
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    int budgetCapacity,
    double budgetRefillPerSuccess) {

  public RetryPolicy {
    Objects.requireNonNull(baseBackoff, "baseBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1 || budgetCapacity < 0 || budgetRefillPerSuccess < 0) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, the budget not negative");
    }
    if (baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("need 0 <= baseBackoff <= maxBackoff and a non-negative maxRetryAfter");
    }
  }

  /**
   * 4 attempts, backoff from 500 ms up to 30 s with full jitter, {@code Retry-After} honoured up to
   * 60 s, a budget of 50 retries earning back a tenth of one per success.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60), 50, 0.1);
  }

  /** Never repeat a call. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0);
  }

  /**
   * This policy with another number of attempts in all, the first included (1: never repeat).
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseBackoff, maxBackoff, maxRetryAfter, budgetCapacity, budgetRefillPerSuccess);
  }

  /**
   * This policy with another backoff: the first wait's upper bound, and the largest.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RetryPolicy withBackoff(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, maxRetryAfter, budgetCapacity, budgetRefillPerSuccess);
  }

  /**
   * This policy honouring {@code Retry-After} up to {@code max}; longer ones are clamped.
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RetryPolicy withMaxRetryAfter(Duration max) {
    return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, max, budgetCapacity, budgetRefillPerSuccess);
  }

  /**
   * This policy with another retry budget (only the client's policy sets the budget).
   *
   * @throws IllegalArgumentException when the result is not valid (see the record's constructor)
   */
  public RetryPolicy withBudget(int capacity, double refillPerSuccess) {
    return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, maxRetryAfter, capacity, refillPerSuccess);
  }
}
