package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
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
    return decider.decide(failure, safe, retries, policy, new RetryBudget(100, 0));
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
