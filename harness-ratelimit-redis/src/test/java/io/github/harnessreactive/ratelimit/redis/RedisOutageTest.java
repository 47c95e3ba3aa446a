package io.github.harnessreactive.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Redis goes away in the middle of a run, or answers too slowly: no call fails or waits for it. */
class RedisOutageTest {

  private static final int LIMIT = 50;
  private static final Duration WINDOW = Duration.ofSeconds(5);

  @Test
  void redisStoppedMidRunFailsNoCallAndTheSharedPaceComesBack() throws Exception {
    RateLimitOptions options = RateLimitOptions.defaults().withLimit(45, WINDOW);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      List<RedisRateLimiter> limiters = IntStream.range(0, 3).mapToObj(i -> redis.limiter(options)
          .redisOptions(RedisRateLimitOptions.defaults().withReconnectDelay(EmbeddedRedis.RECONNECT_DELAY)
              .withExpectedInstances(3))
          .meterRegistry(i == 0 ? meters : null).build()).toList();
      try (HarnessSimulator simulator = HarnessSimulator.start(Fleet.simulator(LIMIT, WINDOW));
          Fleet fleet = new Fleet(simulator, limiters)) {
        fleet.warmUp();
        CompletableFuture<Long> run = fleet.stream(Duration.ofSeconds(7)).count().toFuture();
        pause(Duration.ofMillis(1500));

        redis.stop();
        EmbeddedRedis.await(() -> limiters.stream().allMatch(RedisRateLimiter::inFallback));
        assertThat(meters.get("harness.ratelimit.redis.fallback").gauge().value()).isEqualTo(1);
        long fallbackStart = simulator.stats().requests();
        pause(Duration.ofSeconds(3));
        double fallbackRate = (simulator.stats().requests() - fallbackStart) / 3.0;

        redis.restart();
        long restarted = System.nanoTime();
        EmbeddedRedis.await(() -> limiters.stream().noneMatch(RedisRateLimiter::inFallback));
        Duration back = Duration.ofNanos(System.nanoTime() - restarted);

        long items = run.get();
        System.out.printf("outage: %.1f requests/s while Redis was away (share pace %.1f/s), shared again %d ms after"
            + " Redis came back; %d items, %d answered 429%n", fallbackRate, 3 * 15 * 0.98 / 5, back.toMillis(), items,
            simulator.stats().throttled());
        assertThat(items).as("the streams ran to their end, no call failed").isPositive();
        assertThat(simulator.stats().throttled()).as("the fallback pace held").isZero();
        assertThat(fallbackRate).as("calls went on at the local share").isBetween(0.5 * 8.82, 1.1 * 8.82 + 1);
        assertThat(back).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("harness.ratelimit.redis.fallback").gauge().value()).isZero();
        assertThat(redis.commands().keys(RedisRateLimitOptions.defaults().keyPrefix() + "*"))
            .as("the permits come from the new Redis again").isNotEmpty();
      } finally {
        limiters.forEach(RedisRateLimiter::close);
      }
    }
  }

  @Test
  void aSlowRedisSwitchesToTheLocalShareAtOnce() {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      RedisRateLimiter limiter = redis.limiter(RateLimitOptions.defaults().withLimit(100, Duration.ofSeconds(1))).build();
      StepVerifier.create(limiter.acquire("slow")).verifyComplete();
      RedisClient other = RedisClient.create(redis.uri());
      StatefulRedisConnection<String, String> connection = other.connect();

      connection.async().dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
          new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(1)); // Redis answers nobody for a second

      StepVerifier.create(Mono.delay(Duration.ofMillis(50)).then(limiter.acquire("slow")))
          .expectComplete().verify(Duration.ofMillis(700)); // the 250 ms bound, then a local permit
      assertThat(limiter.inFallback()).isTrue();
      EmbeddedRedis.await(() -> !limiter.inFallback());
      StepVerifier.create(limiter.acquire("slow")).verifyComplete();
      limiter.close();
      connection.close();
      other.shutdown();
    }
  }

  /** The test waits while the fleet streams. */
  private static void pause(Duration time) {
    Mono.delay(time).block();
  }
}
