package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 100 listings of three pages each at once, on one client and one rate-limit partition (one key):
 * all complete, and the limiter's first-come order means no stream starves.
 */
@Order(5)
class ConcurrentStreamsTest {

  private static final int STREAMS = 100;
  private static final int PAGE_SIZE = 10;

  /** When one stream saw its first item and its end, in milliseconds from the start, and what it got. */
  record Progress(long firstItemMillis, long doneMillis, long items) {
  }

  @Test
  void aHundredStreamsOnOnePartitionAllCompleteWithoutStarving() {
    try (HarnessSimulator sim = HarnessSimulator.start(SimulatorOptions.defaults().withState(false).withJournal(false)
        .withKeys(Set.of(Fixtures.PAT), Set.of()).withListSize("listProjects", 3 * PAGE_SIZE))) {
      HarnessClient client = Fixtures.client(sim.baseUrl())
          .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(150, Duration.ofSeconds(1))))
          .build();
      PlatformClient platform = PlatformClient.of(client);
      long start = System.nanoTime();

      List<Progress> runs = Flux.range(0, STREAMS)
          .flatMap(i -> stream(platform, start), STREAMS)
          .collectList()
          .block(Duration.ofSeconds(30));

      assertThat(runs).hasSize(STREAMS).allSatisfy(run -> assertThat(run.items()).isEqualTo(3 * PAGE_SIZE));
      assertThat(sim.stats().requests()).isEqualTo(3L * STREAMS);
      assertThat(sim.stats().throttled()).isZero();
      long lastFirstItem = runs.stream().mapToLong(Progress::firstItemMillis).max().orElseThrow();
      List<Long> done = runs.stream().map(Progress::doneMillis).sorted(Comparator.naturalOrder()).toList();
      System.out.printf("100 streams x 3 pages on one partition: every first item by %d ms; completions %d / %d / %d ms"
          + " (first / median / last), spread %d ms%n", lastFirstItem, done.get(0), done.get(STREAMS / 2),
          done.get(STREAMS - 1), done.get(STREAMS - 1) - done.get(0));
      // Nobody starves: every stream has its first page within the first 60 % of the run (the
      // limiter serves waiters in arrival order, so all first pages go out first), and the run as a
      // whole takes little more than the limiter's pace allows for 300 requests.
      long last = done.get(STREAMS - 1);
      long paced = (long) (3L * STREAMS * 1000 / (150 * 0.98)); // ms for 300 requests at 150/s less the margin
      assertThat(lastFirstItem).as("the last stream's first item").isLessThan((long) (0.6 * last));
      assertThat(last).as("the last stream's end, against %d ms of pacing", paced).isLessThan(paced * 3 / 2 + 500);
      Fixtures.assertNothingLeaked(client);
      client.close();
    }
  }

  private static Mono<Progress> stream(PlatformClient platform, long start) {
    AtomicLong first = new AtomicLong(-1);
    return platform.projects().list("default").withPageSize(PAGE_SIZE)
        .doOnNext(item -> first.compareAndSet(-1, elapsedMillis(start)))
        .count()
        .map(items -> new Progress(first.get(), elapsedMillis(start), items));
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
