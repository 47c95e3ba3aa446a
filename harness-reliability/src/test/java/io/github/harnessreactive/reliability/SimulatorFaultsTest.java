package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.simulator.Faults;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Long listings from the simulator while it misbehaves: every record arrives exactly once. */
@Order(4)
class SimulatorFaultsTest {

  private static SimulatorOptions simulator(long pullRequests) {
    return SimulatorOptions.defaults().withJournal(false).withKeys(Set.of(Fixtures.PAT), Set.of(Fixtures.SEI_KEY))
        .withListSize("listScmPullRequests", pullRequests);
  }

  @Test
  void withTenPercentMixedFaultsEveryRecordArrivesOnce() {
    try (HarnessSimulator sim = HarnessSimulator.start(simulator(20_000).withFaults(Faults.mixed(0.10)))) {
      HarnessClient client = Fixtures.client(sim.baseUrl()).serviceUrl(HarnessService.SEI_V1, sim.seiV1Url())
          .credential(SeiApiKeyCredential.of(Fixtures.SEI_KEY)).build();

      List<String> ids = pullRequestIds(client, 200);

      assertThat(ids).hasSize(20_000);
      assertThat(new HashSet<>(ids)).hasSize(20_000);
      assertThat(sim.stats().faults()).isPositive();
      assertThat(sim.stats().requests()).isEqualTo(100 + sim.stats().faults());
      System.out.printf("mixed faults: 20,000 records in %d requests, %d of them faults%n", sim.stats().requests(),
          sim.stats().faults());
      Fixtures.assertNothingLeaked(client);
      client.close();
    }
  }

  @Test
  void aClientConfiguredTooFastIsThrottledAndStillDeliversEveryRecordOnce() {
    try (HarnessSimulator sim = HarnessSimulator.start(simulator(4_000).withRequestLimit(10, Duration.ofSeconds(1)))) {
      // four times the server's limit, as a user who guessed the limit wrong would set it
      HarnessClient client = Fixtures.client(sim.baseUrl()).serviceUrl(HarnessService.SEI_V1, sim.seiV1Url())
          .credential(SeiApiKeyCredential.of(Fixtures.SEI_KEY))
          .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(40, Duration.ofSeconds(1))
              .withBurst(5).withThrottlePause(Duration.ofSeconds(1), Duration.ofSeconds(2))))
          .build();

      List<String> ids = pullRequestIds(client, 100);

      assertThat(ids).hasSize(4_000);
      assertThat(new HashSet<>(ids)).hasSize(4_000);
      assertThat(sim.stats().throttled()).isPositive();
      System.out.printf("429 storm: 4,000 records in %d requests, %d answered 429%n", sim.stats().requests(),
          sim.stats().throttled());
      Fixtures.assertNothingLeaked(client);
      client.close();
    }
  }

  private static List<String> pullRequestIds(HarnessClient client, int pageSize) {
    return SeiClient.of(client, null).v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize)
        .map(pr -> String.valueOf(pr.get("id")))
        .collectList()
        .block(Duration.ofSeconds(50));
  }
}
