package io.github.harnessreactive.ratelimit.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shared pace's arithmetic: the same ceiling, floor, pause and AIMD climb as the local limiter's options say. */
class SharedRateTest {

  // 60 a minute: a ceiling of 0.98 a second; pause 5 s; halve; back to the ceiling over 60 s; floor 10 a minute
  private final SharedRate rate = new SharedRate(RateLimitOptions.defaults().withLimit(60, Duration.ofMinutes(1)));

  @Test
  void withoutAThrottleTheRateIsTheCeilingTwoPercentUnderTheLimit() {
    assertThat(rate.rateAt(null, 1_000)).isCloseTo(0.98, offset(1e-9));
    assertThat(rate.cost(rate.ceiling())).isEqualTo(SharedRate.TOKENS_PER_PERMIT);
  }

  @Test
  void pausedThenClimbingLinearlyBackToTheCeiling() {
    ThrottleRecord record = new ThrottleRecord(0, 5_000, 0.49);

    assertThat(rate.rateAt(record, 4_999)).isZero();
    assertThat(rate.rateAt(record, 5_000)).isCloseTo(0.49, offset(1e-9));
    assertThat(rate.rateAt(record, 35_000)).isCloseTo(0.735, offset(1e-9));
    assertThat(rate.rateAt(record, 65_000)).isCloseTo(0.98, offset(1e-9));
    assertThat(rate.rateAt(record, 600_000)).isCloseTo(0.98, offset(1e-9));
  }

  @Test
  void aPermitAtHalfTheRateCostsTwiceTheTokensAndNeverMoreThanAtTheFloor() {
    assertThat(rate.cost(0.49)).isEqualTo(2 * SharedRate.TOKENS_PER_PERMIT);
    assertThat(rate.cost(0)).isEqualTo(rate.cost(rate.floor()));
    assertThat(rate.floor()).isCloseTo(10 / 60.0, offset(1e-9));
  }

  @Test
  void theRetryAfterSetsThePauseUpToTheMaximum() {
    assertThat(rate.pauseMillis(null)).isEqualTo(5_000);
    assertThat(rate.pauseMillis(Duration.ofSeconds(30))).isEqualTo(30_000);
    assertThat(rate.pauseMillis(Duration.ofHours(1))).isEqualTo(120_000);
  }
}
