package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.simulator.FaultKind;
import io.github.harnessreactive.simulator.FaultSchedule;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A long stream through healthy transient faults: 20,000 records in 200 pages from the simulator,
 * about a fifth of the page attempts failing on a fixed schedule (reset, HTML 502, empty 503, a
 * body cut in half; no page more than twice), with the default retry policy and budget, the
 * simulator's limit and the client's pace raised to 3,000 requests a minute so it runs in seconds.
 * Every record arrives exactly once, in order.
 */
@Order(6)
class LongStreamTest {

  private static final int RECORDS = 20_000;
  private static final int PAGE = 100;

  @Test
  void twentyThousandRecordsThroughTwoHundredPagesAndAFifthOfFailedAttemptsArriveOnceInOrder() {
    SimulatorOptions options = SimulatorOptions.defaults().withJournal(false)
        .withKeys(Set.of(Fixtures.PAT), Set.of(Fixtures.SEI_KEY))
        .withListSize("listScmPullRequests", RECORDS)
        .withRequestLimit(3_000, Duration.ofMinutes(1))
        .withFaultSchedule(FaultSchedule.seeded(42, 0.20, 2, EnumSet.of(FaultKind.CONNECTION_RESET,
            FaultKind.BAD_GATEWAY_HTML, FaultKind.SERVICE_UNAVAILABLE, FaultKind.TRUNCATED_JSON)));
    try (HarnessSimulator simulator = HarnessSimulator.start(options)) {
      HarnessClient client = Fixtures.client(simulator.baseUrl()).serviceUrl(HarnessService.SEI_V1, simulator.seiV1Url())
          .credential(SeiApiKeyCredential.of(Fixtures.SEI_KEY))
          .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(3_000, Duration.ofMinutes(1))))
          // the default policy and budget; only the backoff is shortened, so the run takes seconds
          .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(40)))
          .build();

      long started = System.nanoTime();
      List<String> ids = SeiClient.of(client, null).v1().scm().pullRequests(ListQuery.all()).withPageSize(PAGE)
          .map(pr -> String.valueOf(pr.get("id")))
          .collectList()
          .block(Duration.ofSeconds(60));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(ids).containsExactlyElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "pr-" + i).toList());
      long requests = simulator.stats().requests();
      long faults = simulator.stats().faults();
      assertThat(requests).isEqualTo(RECORDS / PAGE + faults);
      assertThat((double) faults / requests).as("share of failed attempts").isBetween(0.12, 0.25);
      System.out.printf("long stream: %,d records, %d pages, %d requests, %d retries (%.0f %% of attempts failed), %.1f s%n",
          RECORDS, RECORDS / PAGE, requests, faults, 100.0 * faults / requests, elapsed.toMillis() / 1000.0);
      Fixtures.assertNothingLeaked(client);
      client.close();
    }
  }
}
