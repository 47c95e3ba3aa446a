package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/** Decides, for one failed attempt, whether and when the call is repeated (see {@link RetryPolicy}). */
final class RetryDecider {

  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(500, 502, 503, 504);

  /**
   * The decision.
   *
   * @param retry whether to repeat the call
   * @param delay how long to wait first (zero when the rate limiter's pause is the wait)
   * @param reason a low-cardinality word for events and logs
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
    if (retries + 1 >= policy.maxAttempts()) {
      return Decision.no("attempts exhausted");
    }
    Decision wanted = wanted(failure, safe, retries, policy);
    if (wanted.retry() && !budget.trySpend()) {
      return Decision.no("retry budget exhausted");
    }
    return wanted;
  }

  private Decision wanted(Throwable failure, boolean safe, long retries, RetryPolicy policy) {
    if (failure instanceof TooManyRequestsException throttled) {
      boolean edge = throttled.statusCode() == 429;
      return edge || safe ? new Decision(true, Duration.ZERO, edge ? "429" : "throttled")
          : Decision.no("throttled, not safe to repeat");
    }
    if (!safe) {
      return Decision.no("not safe to repeat");
    }
    if (failure instanceof ServerErrorException server && TRANSIENT_STATUSES.contains(server.statusCode())) {
      return new Decision(true, retryAfterOrBackoff(server, retries, policy), Integer.toString(server.statusCode()));
    }
    if (failure instanceof HarnessConnectionException) {
      return new Decision(true, backoff(retries, policy), "connection");
    }
    if (failure instanceof HarnessTimeoutException timeout && !timeout.isDeadline()) {
      return new Decision(true, backoff(retries, policy), "timeout");
    }
    if (failure instanceof ResponseDecodeException decode && decode.isTruncated()) {
      return new Decision(true, backoff(retries, policy), "truncated body");
    }
    return Decision.no("not retryable");
  }

  private Duration retryAfterOrBackoff(HarnessApiException failure, long retries, RetryPolicy policy) {
    return failure.error().retryAfterHint()
        .map(hint -> hint.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : hint)
        .orElseGet(() -> backoff(retries, policy));
  }

  /** Full jitter: uniformly between zero and the capped exponential bound. */
  Duration backoff(long retries, RetryPolicy policy) {
    double bound = Math.min(policy.maxBackoff().toNanos(), policy.baseBackoff().toNanos() * Math.pow(2, retries));
    return Duration.ofNanos((long) (random.getAsDouble() * bound));
  }
}
