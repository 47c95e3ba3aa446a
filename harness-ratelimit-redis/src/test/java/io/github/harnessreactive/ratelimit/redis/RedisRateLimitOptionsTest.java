package io.github.harnessreactive.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options: defaults, copies, and a clear error for what cannot work. */
class RedisRateLimitOptionsTest {

  @Test
  void defaultsAndCopies() {
    RedisRateLimitOptions defaults = RedisRateLimitOptions.defaults();
    assertThat(defaults.timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(defaults.fallbackShare()).isEqualTo(0.5);
    assertThat(defaults.withExpectedInstances(4).fallbackShare()).isEqualTo(0.25);
    assertThat(defaults.withKeyPrefix("app:").keyPrefix()).isEqualTo("app:");
    assertThat(defaults.withTimeout(Duration.ofSeconds(1))).isNotEqualTo(defaults);
  }

  @Test
  void whatCannotWorkIsRefused() {
    RedisRateLimitOptions defaults = RedisRateLimitOptions.defaults();
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withFallbackShare(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withFallbackShare(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withExpectedInstances(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withKeyPrefix(null)).isInstanceOf(NullPointerException.class);
  }
}
