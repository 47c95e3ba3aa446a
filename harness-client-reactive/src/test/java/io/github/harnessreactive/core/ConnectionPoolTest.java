package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.ConnectionPoolExhaustedException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * L6: the connection pool's queue is bounded and its wait is timed; either limit reached is a
 * ConnectionPoolExhaustedException, never retried (the client is overloaded, Harness is not out of reach).
 */
class ConnectionPoolTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aFullPoolFailsFastAndIsNotRetried() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/slow")).willReturn(json(200, TestHarness.ngProject("slow"))
        .withFixedDelay(1000)));
    List<String> attempts = new CopyOnWriteArrayList<>();
    WebClient.Builder counting = WebClient.builder().filter((request, next) -> {
      attempts.add(request.url().getPath());
      return next.exchange(request);
    });

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).webClientBuilder(counting)
        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
        .maxConnections(1).maxPendingAcquires(1).poolAcquireTimeout(Duration.ofMillis(300)).build()) {
      var projects = client.api(ProjectsApi.class);
      // "slow" holds the one connection for a second; "waiting" waits for it, longer than allowed;
      // "turnedAway" finds the one place in the queue taken.
      StepVerifier.create(Mono.zip(
              projects.call(api -> api.getProject("slow", ACCOUNT, null)).map(p -> "slow answered"),
              Mono.delay(Duration.ofMillis(100)).then(projects.call(api -> api.getProject("waiting", ACCOUNT, null)))
                  .map(p -> "").onErrorResume(e -> Mono.just(describe(e))),
              Mono.delay(Duration.ofMillis(200)).then(projects.call(api -> api.getProject("turnedAway", ACCOUNT, null)))
                  .map(p -> "").onErrorResume(e -> Mono.just(describe(e)))))
          .assertNext(outcomes -> {
            assertThat(outcomes.getT1()).isEqualTo("slow answered");
            assertThat(outcomes.getT2()).startsWith("ConnectionPoolExhaustedException: no connection of the pool became"
                + " free within PT0.3S for GET ").endsWith("raise maxConnections or send fewer requests at once");
            assertThat(outcomes.getT3()).startsWith("ConnectionPoolExhaustedException: 1 requests were already waiting");
          })
          .expectComplete()
          .verify(TIMEOUT);
    }
    assertThat(attempts).as("attempts, none repeated").containsExactlyInAnyOrder(
        "/ng/api/projects/slow", "/ng/api/projects/waiting", "/ng/api/projects/turnedAway");
  }

  private static String describe(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + failure.getMessage()
        + (failure instanceof ConnectionPoolExhaustedException exhausted && exhausted.isRetryable() ? " (retryable)" : "");
  }
}
