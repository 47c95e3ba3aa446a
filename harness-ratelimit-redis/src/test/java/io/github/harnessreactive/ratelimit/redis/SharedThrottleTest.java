package io.github.harnessreactive.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.simulator.HarnessSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A 429 drawn by one instance pauses the whole fleet: once the pause is in Redis, no instance
 * sends until it ends, apart from at most one request per instance that was already on its way.
 */
class SharedThrottleTest {

  @Test
  void aPauseRecordedByOneInstanceHoldsEveryInstance() {
    // the limiters allow 30 per 2 s, the simulator 20: the window fills after about 1.4 s and someone draws a 429
    RateLimitOptions tooFast = RateLimitOptions.defaults().withLimit(30, Duration.ofSeconds(2))
        .withThrottlePause(Duration.ofMillis(1500), Duration.ofSeconds(5));
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      List<RedisRateLimiter> limiters = Stream.generate(() -> redis.limiter(tooFast).build()).limit(3).toList();
      try (HarnessSimulator simulator = HarnessSimulator.start(Fleet.simulator(20, Duration.ofSeconds(2)));
          Fleet fleet = new Fleet(simulator, limiters)) {

        fleet.stream(Duration.ofMillis(4500)).blockLast(Duration.ofSeconds(10));

        Map<String, String> record = redis.throttleRecord(RedisRateLimitOptions.defaults().keyPrefix(), Fleet.PARTITION);
        assertThat(record).as("a 429 was drawn and recorded").isNotEmpty();
        long start = Long.parseLong(record.get("start"));
        long until = Long.parseLong(record.get("until"));
        List<ServeEvent> requests = simulator.wireMock().getAllServeEvents();
        Map<String, Long> insidePause = requests.stream().filter(event -> arrival(event) >= start && arrival(event) < until)
            .collect(Collectors.groupingBy(SharedThrottleTest::instance, Collectors.counting()));
        System.out.printf("pause of %d ms; requests that arrived inside it, per instance: %s; after it: %d%n", until - start,
            insidePause, requests.stream().filter(event -> arrival(event) >= until).count());

        assertThat(insidePause.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1));
        assertThat(requests.stream().filter(event -> arrival(event) < start).map(SharedThrottleTest::instance).distinct())
            .as("every instance sent before the pause").hasSize(3);
        assertThat(requests.stream().filter(event -> arrival(event) >= until)).as("and they resumed after it").isNotEmpty();
      } finally {
        limiters.forEach(RedisRateLimiter::close);
      }
    }
  }

  private static long arrival(ServeEvent event) {
    return event.getRequest().getLoggedDate().getTime();
  }

  private static String instance(ServeEvent event) {
    return event.getRequest().getHeader("X-Instance");
  }
}
