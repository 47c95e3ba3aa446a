package io.github.harnessreactive.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.harnessreactive.core.internal.Digests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The limiter driven directly, in virtual time. */
class TokenBucketRateLimiterTest {

  private VirtualTimeScheduler clock;

  @BeforeEach
  void virtualTime() {
    clock = VirtualTimeScheduler.create();
  }

  @AfterEach
  void stop() {
    clock.dispose();
  }

  private TokenBucketRateLimiter limiter(RateLimitOptions options) {
    return new TokenBucketRateLimiter(options, clock, null);
  }

  private long nowMillis() {
    return clock.now(TimeUnit.MILLISECONDS);
  }

  /** The share of the ceiling the bucket refills at (see RateLimitOptions' pacing margin). */
  private static final double PACED = (100 - RateLimitOptions.PACING_MARGIN_PERCENT) / 100.0;

  @Test
  void hundredAcquisitionsTakeTheTimeTheRateAndBurstAllow() {
    int rate = 60;
    int burst = 5;
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withLimit(rate, Duration.ofMinutes(1)).withBurst(burst));
    List<Long> grantedAt = new CopyOnWriteArrayList<>();

    Flux.range(0, 100).concatMap(i -> limiter.acquire("pat:a").then(Mono.fromRunnable(() -> grantedAt.add(nowMillis()))))
        .subscribe();
    clock.advanceTimeBy(Duration.ofMinutes(5));

    assertThat(grantedAt).hasSize(100);
    assertThat(grantedAt.subList(0, burst)).containsOnly(0L);
    double expectedMinutes = (100.0 - burst) / (rate * PACED);
    double refillIntervalMinutes = 1.0 / rate;
    assertThat(grantedAt.get(99) / 60_000.0).isCloseTo(expectedMinutes, within(refillIntervalMinutes));
  }

  @Test
  void waitersAreServedInArrivalOrder() {
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withLimit(10, Duration.ofSeconds(1)));
    List<Integer> order = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      int id = i;
      limiter.acquire("pat:a").subscribe(null, null, () -> order.add(id));
    }
    clock.advanceTimeBy(Duration.ofSeconds(3));

    assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
  }

  /**
   * L5: a waiter cancelled after it left the queue and before it was told (here by the waiter
   * granted just before it) gives its permit back to the next one. Timers never run on this clock,
   * so two permits accumulate and one drain grants two waiters.
   */
  @Test
  void aWaiterCancelledWhileBeingGrantedGivesItsPermitBack() {
    ManualClock manual = new ManualClock();
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(
        RateLimitOptions.defaults().withLimit(1, Duration.ofSeconds(1)).withBurst(2), manual, null);
    limiter.acquire("p").subscribe();
    limiter.acquire("p").subscribe(); // the burst is spent
    AtomicReference<Disposable> second = new AtomicReference<>();
    List<String> granted = new CopyOnWriteArrayList<>();
    limiter.acquire("p").subscribe(null, null, () -> {
      granted.add("first");
      second.get().dispose(); // cancelled after the drain took it from the queue
    });
    second.set(limiter.acquire("p").subscribe(null, null, () -> granted.add("second")));

    manual.advance(Duration.ofSeconds(3)); // two permits, but no timer ran
    limiter.acquire("p").subscribe(null, null, () -> granted.add("third")); // its drain grants first and second

    assertThat(granted).containsExactly("first", "third");
    assertThat(limiter.queued("p")).isZero();
  }

  /** A clock that moves only when told and never runs the timers scheduled on it. */
  private static final class ManualClock implements Scheduler {
    private volatile long nanos;

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }

    @Override
    public long now(TimeUnit unit) {
      return unit.convert(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Disposable schedule(Runnable task) {
      return Disposables.single();
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
      return Disposables.single();
    }

    @Override
    public Worker createWorker() {
      throw new UnsupportedOperationException("the limiter needs no worker");
    }
  }

  @Test
  void aCancelledWaiterLeavesTheQueueAndTakesNoPermit() {
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withLimit(1, Duration.ofSeconds(1)));
    limiter.acquire("pat:a").subscribe(); // takes the one permit of the burst
    List<String> granted = new CopyOnWriteArrayList<>();
    limiter.acquire("pat:a").subscribe(null, null, () -> granted.add("first"));
    Disposable second = limiter.acquire("pat:a").subscribe(null, null, () -> granted.add("second"));
    limiter.acquire("pat:a").subscribe(null, null, () -> granted.add("third"));
    assertThat(limiter.queued("pat:a")).isEqualTo(3);

    second.dispose();
    assertThat(limiter.queued("pat:a")).isEqualTo(2);
    clock.advanceTimeBy(Duration.ofSeconds(3));

    assertThat(granted).containsExactly("first", "third");
    assertThat(limiter.queued("pat:a")).isZero();
  }

  @Test
  void aFullQueueFailsAtOnce() {
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withLimit(1, Duration.ofMinutes(1)).withMaxQueued(2));
    limiter.acquire("pat:a").subscribe();
    limiter.acquire("pat:a").subscribe();
    limiter.acquire("pat:a").subscribe();

    StepVerifier.create(limiter.acquire("pat:a"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RateLimitQueueFullException.class)
            .hasMessageContaining("pat:a").hasMessageContaining("2 requests waiting"))
        .verify(Duration.ofSeconds(1));
  }

  @Test
  void aThrottlePausesTheWaitersOfItsPartitionOnly() {
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withLimit(60, Duration.ofMinutes(1))
        .withThrottlePause(Duration.ofSeconds(10), Duration.ofMinutes(2)));
    limiter.acquire("pat:a").subscribe();
    limiter.acquire("pat:b").subscribe();
    List<String> granted = new CopyOnWriteArrayList<>();
    limiter.acquire("pat:a").subscribe(null, null, () -> granted.add("a@" + nowMillis()));
    limiter.acquire("pat:b").subscribe(null, null, () -> granted.add("b@" + nowMillis()));

    limiter.throttled("pat:a", null);
    clock.advanceTimeBy(Duration.ofSeconds(5));
    assertThat(granted).containsExactly("b@" + (long) (1000 / PACED)); // b's next permit; a waits

    clock.advanceTimeBy(Duration.ofSeconds(10));
    assertThat(granted).hasSize(2);
    long aAt = Long.parseLong(granted.get(1).substring(2));
    assertThat(aAt).isGreaterThanOrEqualTo(10_000).isLessThanOrEqualTo(12_100); // after the pause, at half the rate
  }

  @Test
  void theRateDropsOnThrottleAndClimbsBackLinearly() {
    RateLimitOptions options = RateLimitOptions.defaults().withLimit(120, Duration.ofMinutes(1))
        .withThrottlePause(Duration.ofSeconds(2), Duration.ofMinutes(2)).withAdaptation(0.5, Duration.ofSeconds(60), 10);
    TokenBucketRateLimiter limiter = limiter(options);
    limiter.acquire("pat:a").subscribe();
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(2.0 * PACED, within(1e-9));

    limiter.throttled("pat:a", null);
    assertThat(limiter.ratePerSecond("pat:a")).isZero();                       // paused
    clock.advanceTimeBy(Duration.ofSeconds(2));
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(1.0 * PACED, within(1e-6));   // halved
    clock.advanceTimeBy(Duration.ofSeconds(30));
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(1.5 * PACED, within(1e-6));   // halfway back
    clock.advanceTimeBy(Duration.ofSeconds(30));
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(2.0 * PACED, within(1e-6));   // the ceiling again
    clock.advanceTimeBy(Duration.ofSeconds(30));
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(2.0 * PACED, within(1e-6));   // and no further

    limiter.throttled("pat:a", null);
    clock.advanceTimeBy(Duration.ofSeconds(2));
    limiter.throttled("pat:a", null);
    clock.advanceTimeBy(Duration.ofSeconds(2));
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(0.5 * PACED, within(1e-6));   // halved twice
    for (int i = 0; i < 10; i++) {
      limiter.throttled("pat:a", null);
      clock.advanceTimeBy(Duration.ofSeconds(2));
    }
    assertThat(limiter.ratePerSecond("pat:a")).isCloseTo(10 / 60.0, within(1e-6)); // never below the floor
  }

  @Test
  void retryAfterSetsThePauseAndAnAbsurdOneIsClamped() {
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withLimit(60, Duration.ofMinutes(1))
        .withThrottlePause(Duration.ofSeconds(30), Duration.ofMinutes(2)));
    List<Long> grantedAt = new CopyOnWriteArrayList<>();
    limiter.acquire("pat:a").subscribe();

    limiter.throttled("pat:a", Duration.ofSeconds(2));
    limiter.acquire("pat:a").subscribe(null, null, () -> grantedAt.add(nowMillis()));
    clock.advanceTimeBy(Duration.ofSeconds(5));
    assertThat(grantedAt.get(0)).isBetween(2_000L, 4_100L);

    limiter.throttled("pat:a", Duration.ofDays(1));
    limiter.acquire("pat:a").subscribe(null, null, () -> grantedAt.add(nowMillis()));
    clock.advanceTimeBy(Duration.ofMinutes(1));
    assertThat(grantedAt).hasSize(1);
    clock.advanceTimeBy(Duration.ofMinutes(2));
    assertThat(grantedAt).hasSize(2);
    assertThat(grantedAt.get(1) - 5_000).isBetween(120_000L, 126_000L);
  }

  @Test
  void idlePartitionsAreEvicted() {
    TokenBucketRateLimiter limiter = limiter(RateLimitOptions.defaults().withIdleEviction(Duration.ofMinutes(10)));
    limiter.acquire("tenant-1").subscribe();
    limiter.acquire("tenant-2").subscribe();
    clock.advanceTimeBy(Duration.ofMinutes(11));
    limiter.acquire("tenant-3").subscribe();

    assertThat(limiter.partitions()).containsExactly("tenant-3");
  }

  /** The first partitions are labelled by a short hash, never by the identity (a token id, an account); the rest share one label. */
  @Test
  void gaugesUseABoundedLabel() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RateLimitOptions options = new RateLimitOptions(60, Duration.ofMinutes(1), 1, 100, Duration.ofSeconds(5),
        Duration.ofMinutes(2), 0.5, Duration.ofMinutes(1), 10, Duration.ofMinutes(10), 2);
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(options, clock, meters);
    for (int i = 0; i < 5; i++) {
      limiter.acquire("tenant-" + i).subscribe();
      limiter.acquire("tenant-" + i).subscribe(); // waits
    }

    String tenant0 = Digests.metricLabel("tenant-0");
    assertThat(meters.find("harness.ratelimit.queued").gauges()).extracting(g -> g.getId().getTag("partition"))
        .containsExactlyInAnyOrder(tenant0, Digests.metricLabel("tenant-1"), "other")
        .allSatisfy(label -> assertThat(label).doesNotContain("tenant"));
    assertThat(tenant0).matches("[0-9a-f]{12}");
    assertThat(meters.get("harness.ratelimit.queued").tag("partition", "other").gauge().value()).isEqualTo(3.0);
    assertThat(meters.get("harness.ratelimit.available").tag("partition", tenant0).gauge().value()).isZero();
  }
}
