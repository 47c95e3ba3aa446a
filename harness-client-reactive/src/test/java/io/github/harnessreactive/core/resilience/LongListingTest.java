package io.github.harnessreactive.core.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.platform.PlatformClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * A long listing through the healthy faults of a real network: 250 NG pages of 100 where about a
 * fifth of the attempts fail (connection reset, HTML 502, empty 503, a 200 cut in half), no page
 * more than twice, on a fixed schedule. With the default retry policy and budget (backoffs shrunk
 * so it runs in seconds), every item arrives once, in order: the budget stops storms, not streams.
 */
class LongListingTest {

  private static final int PAGES = 250;
  private static final int SIZE = 100;

  /** Page {@code p} fails its first {@code failures(p)} attempts, each with a kind drawn from a fixed seed. */
  static final class ScheduledFaults implements ResponseDefinitionTransformerV2 {
    final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicInteger faults = new AtomicInteger();

    static int failures(int page) {
      double draw = new Random(7919L * page + 17).nextDouble();
      return draw < 0.80 ? 0 : draw < 0.95 ? 1 : 2; // 0.25 failures a page: 20 % of 1.25 attempts a page
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      int page = Integer.parseInt(event.getRequest().queryParameter("pageIndex").firstValue());
      int attempt = attempts.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
      String body = page(page);
      if (attempt <= failures(page)) {
        faults.incrementAndGet();
        return switch (new Random(page * 31L + attempt).nextInt(4)) {
          case 0 -> new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
          case 1 -> new ResponseDefinitionBuilder().withStatus(502).withHeader("Content-Type", "text/html")
              .withBody("<html><title>502 Bad Gateway</title></html>").build();
          case 2 -> new ResponseDefinitionBuilder().withStatus(503).build();
          default -> TestHarness.json(200, body.substring(0, body.length() / 2)).build();
        };
      }
      return TestHarness.json(200, body).build();
    }

    private static String page(int page) {
      String content = IntStream.range(page * SIZE, (page + 1) * SIZE)
          .mapToObj(i -> "{\"project\":{\"identifier\":\"p" + i + "\"}}").collect(Collectors.joining(","));
      return "{\"status\":\"SUCCESS\",\"data\":{\"totalItems\":" + PAGES * SIZE + ",\"totalPages\":" + PAGES
          + ",\"pageIndex\":" + page + ",\"pageSize\":" + SIZE + ",\"content\":[" + content + "]}}";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "scheduled-faults";
    }
  }

  static final ScheduledFaults SCHEDULE = new ScheduledFaults();

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(SCHEDULE)).build();

  @Test
  void everyItemOfA250PageListingArrivesOnceInOrderThroughAFifthOfFailedAttempts() {
    harness.stubFor(any(urlPathEqualTo("/ng/api/projects")).willReturn(new ResponseDefinitionBuilder()
        .withTransformers("scheduled-faults")));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT))
        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))).build()) {
      List<String> expected = IntStream.range(0, PAGES * SIZE).mapToObj(i -> "p" + i).toList();

      StepVerifier.create(PlatformClient.of(client).projects().list("default").map(p -> p.getProject().getIdentifier()))
          .expectNextSequence(expected)
          .expectComplete()
          .verify(Duration.ofSeconds(60));
    }
    int requests = harness.getAllServeEvents().size();
    assertThat(SCHEDULE.faults.get()).as("faults served").isBetween(40, 90);
    assertThat(requests).isEqualTo(PAGES + SCHEDULE.faults.get());
    assertThat((double) SCHEDULE.faults.get() / requests).as("share of failed attempts").isBetween(0.15, 0.25);
  }
}
