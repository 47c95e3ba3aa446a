package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
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
 * limit and budget, and the delay.
 */
final class RetryDecider {

  /**
   * The decision.
   *
   * @param retry whether to repeat the call
   * @param delay how long to wait first (zero when the rate limiter's pause is the wait)
   * @param reason a low-cardinality word for events and logs: the failure's, or why it is not repeated
   */
  record Decision(boolean retry, Duration delay, String reason) {
    static Decision no(String reason) {
      return new Decision(false, Duration.ZERO, reason);
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
    if (retries + 1 >= policy.maxAttempts()) {
      return Decision.no("attempts exhausted");
    }
    Decision wanted = wanted(harness, safe, retries, policy);
    if (wanted.retry() && !budget.trySpend()) {
      return Decision.no("retry budget exhausted");
    }
    return wanted;
  }

  private Decision wanted(HarnessException failure, boolean safe, long retries, RetryPolicy policy) {
    if (failure instanceof TooManyRequestsException throttled) {
      boolean edge = throttled.statusCode() == 429;
      return edge || safe ? new Decision(true, Duration.ZERO, edge ? "429" : "throttled")
          : Decision.no("throttled, not safe to repeat");
    }
    if (!safe) {
      return Decision.no("not safe to repeat");
    }
    return new Decision(true, delay(failure, retries, policy), reason(failure));
  }

  /** The response's {@code Retry-After}, clamped to the policy's maximum, else the backoff. */
  private Duration delay(HarnessException failure, long retries, RetryPolicy policy) {
    Duration hint = failure instanceof HarnessApiException api ? api.error().retryAfter() : null;
    if (hint == null) {
      return backoff(retries, policy);
    }
    return hint.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : hint;
  }

  /** A low-cardinality name for a retryable failure. */
  private static String reason(HarnessException failure) {
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
