package io.github.harnessreactive.core.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.RetryRefusal;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The client's retry budget over HTTP, at its defaults (500 tokens, 5 a retry): a storm of
 * failures cannot multiply traffic beyond the budget, a refused retry says why, and throttling
 * does not spend it. Backoffs are shrunk so the test takes a second; the budget is not.
 */
class RetryBudgetOverHttpTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/ng/api/projects/p1";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private HarnessClient client(RateLimiter limiter) {
    return TestHarness.client(harness, ApiKeyCredential.of(PAT)).rateLimiter(limiter).meterRegistry(meters)
        .name("budget-test")
        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))).build();
  }

  private static Mono<?> getProject(HarnessClient client) {
    return client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null));
  }

  private double budgetGauge() {
    return meters.get("harness.retry.budget").gauge().value();
  }

  /** The decisions counted by {@code harness.retries} with this outcome, over every other tag. */
  private double retryDecisions(String outcome) {
    return meters.find("harness.retries").tag("client", "budget-test").tag("service", "platform-ng")
        .tag("outcome", outcome).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Test
  void aFailureStormSendsNoMoreRetriesThanTheBudgetHoldsAndLaterCallsSayWhy() {
    harness.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(503, "")));
    List<Throwable> failures = new ArrayList<>();
    try (HarnessClient client = client(TestHarness.unlimited())) {
      StepVerifier.create(Flux.range(0, 200).concatMap(call -> getProject(client)
              .onErrorResume(e -> {
                failures.add(e);
                return Mono.empty();
              }), 0))
          .expectComplete().verify(Duration.ofSeconds(20));
      assertThat(budgetGauge()).isLessThan(5);
    }

    int requests = harness.getAllServeEvents().size();
    assertThat(requests).isBetween(200, 200 + 100); // each call's first attempt, and at most 500 / 5 retries
    assertThat(failures).hasSize(200).allSatisfy(e -> assertThat(e).isInstanceOf(ServerErrorException.class));
    assertThat(((HarnessException) failures.get(0)).retryRefusal()).map(RetryRefusal::reason)
        .contains(RetryRefusal.Reason.ATTEMPTS_EXHAUSTED);
    assertThat(failures.get(0)).hasMessageEndingWith("(not retried: attempts exhausted: 4)");
    assertThat(failures.get(199)).hasMessageEndingWith("(not retried: retry budget exhausted)");
    assertThat(((HarnessException) failures.get(199)).retryRefusal()).map(RetryRefusal::attempts).contains(1);
    assertThat(retryDecisions("retried")).isEqualTo(requests - 200);
    assertThat(meters.get("harness.retries").tag("reason", "503").tag("outcome", "retried").counter().count())
        .isEqualTo(requests - 200);
    assertThat(retryDecisions("attempts_exhausted") + retryDecisions("budget_exhausted")).isEqualTo(200);
    assertThat(retryDecisions("budget_exhausted")).isPositive();
  }

  @Test
  void throttlingLeavesTheBudgetWhereItWasAndAServerErrorIsStillRetriedAfterIt() {
    // Alternately 429 and 200: each call is throttled once, then answered.
    harness.stubFor(get(urlPathEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs(STARTED).willSetStateTo("answer")
        .willReturn(json(429, "")));
    harness.stubFor(get(urlPathEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs("answer").willSetStateTo(STARTED)
        .willReturn(json(200, TestHarness.ngProject("p1"))));
    // A limiter that never pauses: 200 halvings of a real one would slow the test, not change the point.
    RateLimiter unpaused = new RateLimiter() {
      @Override
      public Mono<Void> acquire(String partition) {
        return Mono.empty();
      }

      @Override
      public void throttled(String partition, Duration retryAfter) {
      }
    };
    try (HarnessClient client = client(unpaused)) {
      harness.stubFor(get(urlPathEqualTo("/ng/api/projects/down")).willReturn(json(503, "")));
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("down", ACCOUNT, null)))
          .expectError(ServerErrorException.class).verify(Duration.ofSeconds(10));
      double drained = budgetGauge(); // three retries spent
      assertThat(drained).isEqualTo(500 - 15);

      StepVerifier.create(Flux.range(0, 200).concatMap(call -> getProject(client), 0))
          .expectNextCount(200).expectComplete().verify(Duration.ofSeconds(20));
      assertThat(budgetGauge()).isEqualTo(drained);
      assertThat(meters.get("harness.retries").tag("reason", "429").tag("outcome", "retried").counter().count())
          .isEqualTo(200);

      harness.resetAll();
      harness.stubFor(get(urlPathEqualTo(PATH)).inScenario("once").whenScenarioStateIs(STARTED).willSetStateTo("up")
          .willReturn(json(503, "")));
      harness.stubFor(get(urlPathEqualTo(PATH)).inScenario("once").whenScenarioStateIs("up")
          .willReturn(json(200, TestHarness.ngProject("p1"))));
      StepVerifier.create(getProject(client)).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
      assertThat(budgetGauge()).as("a success after one retry returns its cost").isEqualTo(drained);
    }
  }
}
