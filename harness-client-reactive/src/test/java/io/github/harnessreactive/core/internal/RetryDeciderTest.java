package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.RetryRefusal;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failures are repeated, after how long, and when the budget says no more. */
class RetryDeciderTest {

  private final RetryDecider decider = new RetryDecider(() -> 1.0); // the jitter's upper bound, to see the cap
  private final RetryPolicy policy = RetryPolicy.defaults();

  private static HarnessError error(int status, String code, Duration retryAfter) {
    return HarnessError.of(status, "m", "POST", "https://h/x").withCode(code).withRetryAfter(retryAfter);
  }

  private RetryDecider.Decision decide(Throwable failure, boolean safe, long retries) {
    return decider.decide(failure, safe, retries, policy, new RetryBudget(RetryPolicy.Budget.defaults()));
  }

  @ParameterizedTest(name = "HTTP {0}: repeated for a safe operation {1}, for an unsafe one {2}")
  @CsvSource({"400, false, false", "401, false, false", "402, false, false", "403, false, false", "404, false, false",
      "409, false, false", "412, false, false", "429, true, true", "500, true, false", "501, false, false",
      "502, true, false", "503, true, false", "504, true, false", "505, false, false"})
  void whatIsRepeatedByStatus(int status, boolean whenSafe, boolean whenUnsafe) {
    HarnessApiException failure = ErrorClassifier.classify(HarnessError.of(status, "m", "GET", "https://h/x"));

    assertThat(decide(failure, true, 0).retry()).isEqualTo(whenSafe);
    assertThat(decide(failure, false, 0).retry()).isEqualTo(whenUnsafe);
  }

  @Test
  void whatIsNotAHarnessExceptionIsNeverRepeated() {
    assertThat(decide(new IllegalArgumentException("bad identifier"), true, 0)).isEqualTo(RetryDecider.Decision.no("not retryable"));
    assertThat(decide(new IllegalStateException("closed"), true, 0).retry()).isFalse();
  }

  @Test
  void a429IsRepeatedForEveryOperationAfterItsBackoffAndCostsNoBudget() {
    TooManyRequestsException throttled = new TooManyRequestsException(error(429, null, null));

    // The backoff, then the permit the partition's pause holds back: max(pause, backoff) in all.
    assertThat(decide(throttled, false, 0)).isEqualTo(new RetryDecider.Decision(true, Duration.ofMillis(500), "429", 0, null));
    assertThat(decide(throttled, true, 0).retry()).isTrue();
    RetryBudget empty = new RetryBudget(new RetryPolicy.Budget(0, 5, 10, 1));
    assertThat(decider.decide(throttled, true, 0, policy, empty).retry()).isTrue();
  }

  @Test
  void aServiceThrottleIsRepeatedOnlyWhenSafe() {
    TooManyRequestsException throttled = new TooManyRequestsException(error(400, "TOO_MANY_REQUESTS", null));

    assertThat(decide(throttled, true, 0).retry()).isTrue();
    assertThat(decide(throttled, false, 0).refusal()).isEqualTo(RetryRefusal.Reason.NOT_SAFE_TO_REPEAT);
  }

  @Test
  void transientFailuresAreRepeatedOnlyWhenSafeWithCappedExponentialBackoff() {
    ServerErrorException unavailable = new ServerErrorException(error(503, null, null));

    assertThat(decide(unavailable, false, 0).retry()).isFalse();
    assertThat(decide(unavailable, true, 0).delay()).isEqualTo(Duration.ofMillis(500));
    assertThat(decide(unavailable, true, 2).delay()).isEqualTo(Duration.ofMillis(2000));
    RetryPolicy many = policy.withMaxAttempts(20);
    assertThat(decider.decide(unavailable, true, 15, many, new RetryBudget(RetryPolicy.Budget.defaults())).delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(decide(new HarnessConnectionException("reset", null), true, 0).retry()).isTrue();
    assertThat(decide(new HarnessTimeoutException("slow", false, null), true, 0).retry()).isTrue();
    assertThat(decide(new HarnessTimeoutException("deadline", true, null), true, 0).retry()).isFalse();
    assertThat(decide(new ResponseDecodeException(error(200, null, null), true, null), true, 0).retry()).isTrue();
    assertThat(decide(new ResponseDecodeException(error(200, null, null), false, null), true, 0).retry()).isFalse();
    assertThat(decide(new ServerErrorException(error(501, null, null)), true, 0).retry()).isFalse();
    assertThat(decide(new BadRequestException(error(400, "INVALID_REQUEST", null)), true, 0).retry()).isFalse();
  }

  @Test
  void fullJitterStaysBelowTheBound() {
    RetryDecider lowest = new RetryDecider(() -> 0.0);
    assertThat(lowest.backoff(3, policy)).isZero();
    assertThat(new RetryDecider(() -> 0.5).backoff(1, policy)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterIsHonouredAndClamped() {
    assertThat(decide(new ServerErrorException(error(503, null, Duration.ofSeconds(2))), true, 0).delay())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(decide(new ServerErrorException(error(503, null, Duration.ofDays(3))), true, 0).delay())
        .isEqualTo(Duration.ofSeconds(60));
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:00:07 GMT", now)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("2", now)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
  }

  @Test
  void attemptsAreBounded() {
    ServerErrorException unavailable = new ServerErrorException(error(503, null, null));

    assertThat(decide(unavailable, true, 2).retry()).isTrue();   // the 4th attempt
    assertThat(decide(unavailable, true, 3).refusal()).isEqualTo(RetryRefusal.Reason.ATTEMPTS_EXHAUSTED);
    assertThat(decide(unavailable, false, 0).refusal()).isEqualTo(RetryRefusal.Reason.NOT_SAFE_TO_REPEAT);
    assertThat(decide(new BadRequestException(error(400, null, null)), true, 0).refusal()).isNull();
  }

  @Test
  void aRetryCostsMoreAfterATimeoutAndASuccessAfterRetryingReturnsTheLastCost() {
    RetryBudget budget = new RetryBudget(new RetryPolicy.Budget(20, 5, 10, 1));
    ServerErrorException unavailable = new ServerErrorException(error(503, null, null));
    HarnessConnectionException reset = new HarnessConnectionException("reset", null);

    assertThat(decider.decide(unavailable, true, 0, policy, budget).cost()).isEqualTo(5);
    assertThat(decider.decide(reset, true, 0, policy, budget).cost()).isEqualTo(10);
    assertThat(budget.available()).isEqualTo(5);
    assertThat(decider.decide(reset, true, 0, policy, budget).refusal()).isEqualTo(RetryRefusal.Reason.BUDGET_EXHAUSTED);

    budget.succeeded(10, true); // the call that retried after the reset succeeded: its retry is refunded
    assertThat(budget.available()).isEqualTo(15);
    budget.succeeded(0, false); // a first-attempt success adds the reward
    assertThat(budget.available()).isEqualTo(16);
  }

  @Test
  void aFaultOneRetryFixesNeverDrainsTheBudgetWhileCallsNeedingFourAttemptsDo() {
    RetryBudget budget = new RetryBudget(RetryPolicy.Budget.defaults());
    ServerErrorException unavailable = new ServerErrorException(error(503, null, null));
    for (int call = 0; call < 10_000; call++) {
      RetryDecider.Decision retry = decider.decide(unavailable, true, 0, policy, budget);
      assertThat(retry.retry()).as("call %d", call).isTrue();
      budget.succeeded(retry.cost(), true);
    }
    int brownout = 0;
    while (decider.decide(unavailable, true, 0, policy, budget).retry()) { // each call: three retries, then success
      decider.decide(unavailable, true, 1, policy, budget);
      RetryDecider.Decision last = decider.decide(unavailable, true, 2, policy, budget);
      budget.succeeded(last.cost(), true);
      brownout++;
    }
    assertThat(brownout).isBetween(40, 60); // 500 tokens, a net 10 a call
  }
}
