package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.RetryRefusal;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Decides, for one failed attempt, whether and when the call is repeated (see {@link RetryPolicy}).
 *
 * <p>Whether a failure may succeed if repeated is the exception's own answer
 * ({@link HarnessException#isRetryable()}); this class adds only what the exception cannot know:
 * the throttle rule (a 429 is repeated for every operation, since Harness's limiter refused it
 * before processing it; a {@code TOO_MANY_REQUESTS} code only for operations safe to repeat), the
 * safety rule (nothing else is repeated for an operation that is not safe to repeat), the attempt
 * limit, the budget (which throttling does not spend) and the delay. A retryable failure that is
 * not repeated says why ({@link Decision#refusal()}).
 */
final class RetryDecider {

  /**
   * The decision.
   *
   * @param retry whether to repeat the call
   * @param delay how long to wait first; after a throttle, the retry then also waits for its permit,
   *     which the partition's pause holds back, so the wait is {@code max(pause, delay)}
   * @param reason a low-cardinality word for events and logs: the failure's, or why it is not repeated
   * @param cost the budget tokens the retry spent (0 after a throttle)
   * @param refusal why a retryable failure is not repeated; {@code null} when it is, or is not retryable
   */
  record Decision(boolean retry, Duration delay, String reason, int cost, RetryRefusal.Reason refusal) {

    static Decision no(String reason) {
      return new Decision(false, Duration.ZERO, reason, 0, null);
    }

    static Decision refused(RetryRefusal.Reason refusal, String reason) {
      return new Decision(false, Duration.ZERO, reason, 0, refusal);
    }
  }

  private final DoubleSupplier random;

  RetryDecider(DoubleSupplier random) {
    this.random = random;
  }

  /**
   * @param failure the typed failure of the attempt
   * @param safe whether the operation is safe to repeat
   * @param retries how many times the call was already repeated
   */
  Decision decide(Throwable failure, boolean safe, long retries, RetryPolicy policy, RetryBudget budget) {
    if (!(failure instanceof HarnessException harness) || !harness.isRetryable()) {
      return Decision.no("not retryable");
    }
    boolean throttled = failure instanceof TooManyRequestsException;
    boolean edge = throttled && ((TooManyRequestsException) failure).statusCode() == 429;
    if (!safe && !edge) {
      return Decision.refused(RetryRefusal.Reason.NOT_SAFE_TO_REPEAT, throttled ? "throttled, not safe to repeat"
          : "not safe to repeat");
    }
    if (retries + 1 >= policy.maxAttempts()) {
      return Decision.refused(RetryRefusal.Reason.ATTEMPTS_EXHAUSTED, "attempts exhausted");
    }
    Duration delay = delay(harness, retries, policy);
    if (throttled) {
      return new Decision(true, delay, reason(harness), 0, null);
    }
    int cost = budget.costOf(harness instanceof HarnessTimeoutException || harness instanceof HarnessConnectionException);
    if (!budget.trySpend(cost)) {
      return Decision.refused(RetryRefusal.Reason.BUDGET_EXHAUSTED, "retry budget exhausted");
    }
    return new Decision(true, delay, reason(harness), cost, null);
  }

  /** The response's {@code Retry-After}, clamped to the policy's maximum, else the backoff. */
  private Duration delay(HarnessException failure, long retries, RetryPolicy policy) {
    Duration hint = failure instanceof HarnessApiException api ? api.error().retryAfter() : null;
    if (hint == null) {
      return backoff(retries, policy);
    }
    return hint.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : hint;
  }

  /** A low-cardinality name for a retryable failure: its status, or the kind of failure it is. */
  static String reason(HarnessException failure) {
    if (failure instanceof TooManyRequestsException throttled) {
      return throttled.statusCode() == 429 ? "429" : "throttled";
    }
    if (failure instanceof ResponseDecodeException) {
      return "truncated body";
    }
    if (failure instanceof HarnessApiException api) {
      return Integer.toString(api.statusCode());
    }
    if (failure instanceof HarnessTimeoutException) {
      return "timeout";
    }
    return failure instanceof HarnessConnectionException ? "connection" : failure.getClass().getSimpleName();
  }

  /** Full jitter: uniformly between zero and the capped exponential bound. */
  Duration backoff(long retries, RetryPolicy policy) {
    double bound = Math.min(policy.maxBackoff().toNanos(), policy.baseBackoff().toNanos() * Math.pow(2, retries));
    return Duration.ofNanos((long) (random.getAsDouble() * bound));
  }
}
