package io.github.harnessreactive.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RateLimitQueueFullException;
import io.github.harnessreactive.ratelimit.redis.internal.PartitionKeys;
import io.github.harnessreactive.ratelimit.redis.internal.SharedRate;
import io.github.harnessreactive.ratelimit.redis.internal.ThrottleRecord;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The limiter's contract, against a real redis-server: order, cancellation, the bounded queue, keys, gauges, closing. */
class RedisRateLimiterTest {

  private static final String PREFIX = RedisRateLimitOptions.defaults().keyPrefix();
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
  void permitsAreGrantedInArrivalOrderWithinAnInstance() {
    RedisRateLimiter limiter = redis.limiter(RateLimitOptions.defaults().withLimit(50, Duration.ofSeconds(1))).build();
    List<Integer> granted = new CopyOnWriteArrayList<>();

    StepVerifier.create(Flux.range(0, 8).flatMap(i -> limiter.acquire("order").doOnSuccess(done -> granted.add(i)), 8))
        .verifyComplete();

    assertThat(granted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    limiter.close();
  }

  @Test
  void aCancelledWaiterTakesNoPermit() {
    // 2 a second: one permit now (the burst), the next about 510 ms later
    RedisRateLimiter limiter = redis.limiter(RateLimitOptions.defaults().withLimit(2, Duration.ofSeconds(1))).build();
    StepVerifier.create(limiter.acquire("cancel")).verifyComplete();
    long start = System.nanoTime();

    Disposable cancelled = limiter.acquire("cancel").subscribe();
    StepVerifier.create(Mono.delay(Duration.ofMillis(100)).then(Mono.fromRunnable(cancelled::dispose))).verifyComplete();
    StepVerifier.create(limiter.acquire("cancel")).verifyComplete();

    // the cancelled waiter's place went to the next one: one interval, not two
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(850));
    limiter.close();
  }

  @Test
  void aFullQueueFailsAtOnce() {
    RedisRateLimiter limiter = redis.limiter(RateLimitOptions.defaults().withLimit(1, Duration.ofMinutes(1)).withMaxQueued(2))
        .build();
    StepVerifier.create(limiter.acquire("full")).verifyComplete(); // the burst; the next permit is a minute away
    Disposable first = limiter.acquire("full").subscribe();
    Disposable second = limiter.acquire("full").subscribe();

    StepVerifier.create(limiter.acquire("full")).expectError(RateLimitQueueFullException.class).verify(Duration.ofSeconds(1));

    first.dispose();
    second.dispose();
    limiter.close();
  }

  @Test
  void keysNameAHashOfThePartitionAndExpire() {
    String partition = "tokenIdentity-keys";
    RedisRateLimiter limiter = redis.limiter(RateLimitOptions.defaults()).build();
    StepVerifier.create(limiter.acquire(partition)).verifyComplete();
    limiter.throttled(partition, Duration.ofMillis(100));
    EmbeddedRedis.await(() -> !redis.throttleRecord(PREFIX, partition).isEmpty());

    List<String> keys = redis.commands().keys(PREFIX + "*").stream()
        .filter(key -> key.startsWith(PREFIX + sha256Of(partition))).toList();
    assertThat(keys).hasSize(2).noneMatch(key -> key.contains(partition));
    assertThat(keys).allSatisfy(key -> assertThat(redis.commands().pttl(key)).isPositive());
    limiter.close();
  }

  @Test
  void throttlesFromSeveralInstancesInOnePauseSlowTheFleetDownOnce() {
    String partition = "tokenIdentity-once";
    RateLimitOptions options = RateLimitOptions.defaults().withLimit(60, Duration.ofSeconds(1));
    List<RedisRateLimiter> fleet = List.of(redis.limiter(options).build(), redis.limiter(options).build(),
        redis.limiter(options).build());

    fleet.forEach(limiter -> limiter.throttled(partition, Duration.ofSeconds(2)));
    EmbeddedRedis.await(() -> !redis.throttleRecord(PREFIX, partition).isEmpty());
    StepVerifier.create(Mono.delay(Duration.ofMillis(200))).expectNextCount(1).verifyComplete(); // all three reached Redis

    Map<String, String> record = redis.throttleRecord(PREFIX, partition);
    double ceiling = 60 * 0.98;
    assertThat(Double.parseDouble(record.get("rate"))).isCloseTo(ceiling * 0.5, offset(0.01));
    // one episode: the later throttles only moved the end of the pause to their own time + 2 s
    assertThat(Long.parseLong(record.get("until")) - Long.parseLong(record.get("start"))).isBetween(2000L, 2200L);
    fleet.forEach(RedisRateLimiter::close);
  }

  @Test
  void aThrottleDuringRecoveryDecreasesFromTheRateInForce() {
    String partition = "tokenIdentity-recovery";
    RateLimitOptions options = RateLimitOptions.defaults().withLimit(60, Duration.ofSeconds(1))
        .withThrottlePause(Duration.ofMillis(100), Duration.ofSeconds(1)).withAdaptation(0.5, Duration.ofSeconds(2), 1);
    RedisRateLimiter limiter = redis.limiter(options).build();
    limiter.throttled(partition, null);
    EmbeddedRedis.await(() -> !redis.throttleRecord(PREFIX, partition).isEmpty());
    ThrottleRecord first = record(partition);
    StepVerifier.create(Mono.delay(Duration.ofMillis(600))).expectNextCount(1).verifyComplete(); // half a second of the climb

    limiter.throttled(partition, null);
    EmbeddedRedis.await(() -> record(partition).start() > first.start());

    // the script (Lua, on Redis's clock) and SharedRate (Java) agree on the rate in force
    ThrottleRecord second = record(partition);
    double inForce = new SharedRate(options).rateAt(first, second.start());
    assertThat(inForce).isBetween(first.rate(), 60 * 0.98);
    assertThat(second.rate()).isCloseTo(inForce * 0.5, offset(1e-6));
    limiter.close();
  }

  @Test
  void gaugesShowTheLastAnswerAndNeverCallRedis() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RedisRateLimiter limiter = redis.limiter(RateLimitOptions.defaults().withLimit(10, Duration.ofSeconds(1)))
        .redisOptions(RedisRateLimitOptions.defaults().withGaugeRefresh(Duration.ofHours(1))).meterRegistry(meters).build();
    StepVerifier.create(limiter.acquire("gauges")).verifyComplete();
    long before = commandsProcessed();

    for (int scrape = 0; scrape < 100; scrape++) {
      meters.getMeters().forEach(meter -> meter.measure().forEach(measurement -> measurement.getValue()));
    }

    assertThat(commandsProcessed() - before).as("commands other than the INFO that counts them").isEqualTo(1);
    assertThat(meters.get("harness.ratelimit.rate").tag("partition", "gauges").gauge().value()).isCloseTo(9.8,
        offset(0.001));
    assertThat(meters.get("harness.ratelimit.queued").tag("partition", "gauges").gauge().value()).isZero();
    assertThat(meters.get("harness.ratelimit.redis.fallback").gauge().value()).isZero();
    limiter.close();
  }

  @Test
  void closingClosesEveryConnectionTheLimiterOpened() {
    long before = redis.connectedClients();
    RedisRateLimiter owned = redis.limiter(RateLimitOptions.defaults()).build();
    RedisClient application = RedisClient.create(redis.uri());
    RedisRateLimiter shared = RedisRateLimiter.builder(application).build();
    StepVerifier.create(owned.acquire("close").then(shared.acquire("close-too"))).verifyComplete();
    assertThat(redis.connectedClients()).isEqualTo(before + 2);

    StepVerifier.create(owned.closeAsync().then(shared.closeAsync())).verifyComplete();

    EmbeddedRedis.await(() -> redis.connectedClients() == before);
    StepVerifier.create(owned.acquire("close")).expectError(IllegalStateException.class).verify(Duration.ofSeconds(1));
    application.shutdown();
  }

  private static ThrottleRecord record(String partition) {
    Map<String, String> fields = redis.throttleRecord(PREFIX, partition);
    return new ThrottleRecord(Long.parseLong(fields.get("start")), Long.parseLong(fields.get("until")),
        Double.parseDouble(fields.get("rate")));
  }

  private static long commandsProcessed() {
    return redis.commands().info("stats").lines().filter(line -> line.startsWith("total_commands_processed:"))
        .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElseThrow();
  }

  private static String sha256Of(String partition) {
    return PartitionKeys.of("", partition).toString();
  }
}
