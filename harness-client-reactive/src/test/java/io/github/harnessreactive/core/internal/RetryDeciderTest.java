package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures are repeated, after how long, and when the budget says no more. */
class RetryDeciderTest {

  private final RetryDecider decider = new RetryDecider(() -> 1.0); // the jitter's upper bound, to see the cap
  private final RetryPolicy policy = RetryPolicy.defaults();

  private static HarnessError error(int status, String code, Duration retryAfter) {
    return new HarnessError(status, code, "m", null, List.of(), List.of(), "", "POST", "https://h/x", retryAfter);
  }

  private RetryDecider.Decision decide(Throwable failure, boolean safe, long retries) {
    return decider.decide(failure, safe, retries, policy, new RetryBudget(100, 0));
  }

  @Test
  void a429IsRepeatedForEveryOperationWithoutABackoffOfItsOwn() {
    TooManyRequestsException throttled = new TooManyRequestsException(error(429, null, null));

    assertThat(decide(throttled, false, 0)).isEqualTo(new RetryDecider.Decision(true, Duration.ZERO, "429"));
    assertThat(decide(throttled, true, 0).retry()).isTrue();
  }

  @Test
  void aServiceThrottleIsRepeatedOnlyWhenSafe() {
    TooManyRequestsException throttled = new TooManyRequestsException(error(400, "TOO_MANY_REQUESTS", null));

    assertThat(decide(throttled, true, 0).retry()).isTrue();
    assertThat(decide(throttled, false, 0).retry()).isFalse();
  }

  @Test
  void transientFailuresAreRepeatedOnlyWhenSafeWithCappedExponentialBackoff() {
    ServerErrorException unavailable = new ServerErrorException(error(503, null, null));

    assertThat(decide(unavailable, false, 0).retry()).isFalse();
    assertThat(decide(unavailable, true, 0).delay()).isEqualTo(Duration.ofMillis(500));
    assertThat(decide(unavailable, true, 2).delay()).isEqualTo(Duration.ofMillis(2000));
    RetryPolicy many = policy.withMaxAttempts(20);
    assertThat(decider.decide(unavailable, true, 15, many, new RetryBudget(100, 0)).delay()).isEqualTo(Duration.ofSeconds(30));
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
    assertThat(decide(unavailable, true, 3)).isEqualTo(RetryDecider.Decision.no("attempts exhausted"));
  }

  @Test
  void theBudgetStopsRetriesUnderAStormAndSuccessesRefillIt() {
    RetryBudget budget = new RetryBudget(5, 0.5);
    ServerErrorException unavailable = new ServerErrorException(error(503, null, null));
    int retried = 0;
    for (int call = 0; call < 100; call++) {
      if (decider.decide(unavailable, true, 0, policy, budget).retry()) {
        retried++;
      }
    }
    assertThat(retried).isEqualTo(5);
    assertThat(decider.decide(unavailable, true, 0, policy, budget)).isEqualTo(RetryDecider.Decision.no("retry budget exhausted"));

    budget.succeeded();
    budget.succeeded();
    assertThat(decider.decide(unavailable, true, 0, policy, budget).retry()).isTrue();
  }
}
