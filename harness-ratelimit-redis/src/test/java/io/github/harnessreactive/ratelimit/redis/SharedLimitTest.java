package io.github.harnessreactive.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorStats;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three instances on one key against Harness's kind of limit (the simulator: 50 requests per
 * sliding 5 s per key), their limiters configured 10 % under it. Sharing the bucket through Redis
 * they stay under the limit together and still use most of it; with local limiters each paces at
 * the whole limit and the three together draw 429s.
 */
class SharedLimitTest {

  private static final int LIMIT = 50;
  private static final Duration WINDOW = Duration.ofSeconds(5);
  private static final RateLimitOptions TEN_PERCENT_UNDER = RateLimitOptions.defaults().withLimit(45, WINDOW);

  private static EmbeddedRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void threeInstancesSharingRedisDrawNo429AndReachTheLimit() {
    List<RedisRateLimiter> limiters = Stream.generate(() -> redis.limiter(TEN_PERCENT_UNDER).build()).limit(3).toList();
    try (HarnessSimulator simulator = HarnessSimulator.start(Fleet.simulator(LIMIT, WINDOW));
        Fleet fleet = new Fleet(simulator, limiters)) {
      fleet.warmUp();
      SimulatorStats before = simulator.stats();

      fleet.stream(Duration.ofSeconds(10)).blockLast(Duration.ofSeconds(15));

      long requests = simulator.stats().requests() - before.requests();
      System.out.printf("shared limiter: %d requests in 10 s (limit %d), %d answered 429%n", requests, 2 * LIMIT,
          simulator.stats().throttled());
      assertThat(simulator.stats().throttled()).isZero();
      assertThat(requests).isGreaterThanOrEqualTo((long) (0.80 * 2 * LIMIT));
    } finally {
      limiters.forEach(RedisRateLimiter::close);
    }
  }

  @Test
  void theSameThreeWithLocalLimitersDraw429s() {
    List<TokenBucketRateLimiter> limiters = Stream.generate(() -> TokenBucketRateLimiter.create(TEN_PERCENT_UNDER))
        .limit(3).toList();
    try (HarnessSimulator simulator = HarnessSimulator.start(Fleet.simulator(LIMIT, WINDOW));
        Fleet fleet = new Fleet(simulator, limiters)) {
      fleet.warmUp();

      fleet.stream(Duration.ofSeconds(5)).blockLast(Duration.ofSeconds(10));

      System.out.printf("local limiters: %d requests in 5 s (limit %d), %d answered 429%n", simulator.stats().requests(),
          LIMIT, simulator.stats().throttled());
      assertThat(simulator.stats().throttled()).isPositive();
    }
  }
}
