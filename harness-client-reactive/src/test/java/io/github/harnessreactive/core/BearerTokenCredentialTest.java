package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.AccessToken;
import io.github.harnessreactive.core.credentials.AuthHeader;
import io.github.harnessreactive.core.credentials.BearerTokenCredential;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The bearer credential caches, refreshes before expiry, fetches once under concurrency, and recovers from 401 once. */
class BearerTokenCredentialTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** A token source that hands out tok1, tok2, ... and counts how often it was asked. */
  static final class CountingSource {
    final AtomicInteger fetches = new AtomicInteger();
    final VirtualTimeScheduler clock;
    final Duration lifetime;

    CountingSource(VirtualTimeScheduler clock, Duration lifetime) {
      this.clock = clock;
      this.lifetime = lifetime;
    }

    Mono<AccessToken> mono() {
      return Mono.fromSupplier(() -> {
        int n = fetches.incrementAndGet();
        Instant now = clock == null ? Instant.now() : Instant.ofEpochMilli(clock.now(java.util.concurrent.TimeUnit.MILLISECONDS));
        return new AccessToken("tok" + n, now.plus(lifetime));
      });
    }
  }

  @Test
  void fiftyConcurrentCallsFetchTheTokenOnce() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    CountingSource source = new CountingSource(null, Duration.ofHours(1));
    BearerTokenCredential credential = BearerTokenCredential.from("svc", source.mono().delayElement(Duration.ofMillis(200)));

    try (HarnessClient client = TestHarness.client(harness, credential).accountId(ACCOUNT).build()) {
      HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
      StepVerifier.create(Flux.range(0, 50).flatMap(i -> projects.call(api -> api.getProject("p1", ACCOUNT, null)), 50))
          .expectNextCount(50)
          .expectComplete()
          .verify(TIMEOUT);
    }
    assertThat(source.fetches).hasValue(1);
    harness.verify(50, getRequestedFor(urlPathEqualTo("/ng/api/projects/p1")).withHeader("Authorization", equalTo("Bearer tok1")));
  }

  @Test
  void tokenIsReusedThenRefreshedBeforeItExpires() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CountingSource source = new CountingSource(clock, Duration.ofMinutes(10));
    BearerTokenCredential credential = BearerTokenCredential.from("svc", source.mono())
        .withRefreshMargin(Duration.ofMinutes(2)).withClock(clock);

    assertThat(credential.authenticate().block(TIMEOUT)).extracting(AuthHeader::value).isEqualTo("Bearer tok1");
    clock.advanceTimeBy(Duration.ofMinutes(7));
    assertThat(credential.authenticate().block(TIMEOUT)).extracting(AuthHeader::value).isEqualTo("Bearer tok1");
    clock.advanceTimeBy(Duration.ofMinutes(1).plusSeconds(1)); // inside the margin, still valid
    assertThat(credential.authenticate().block(TIMEOUT)).extracting(AuthHeader::value).isEqualTo("Bearer tok2");
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void aFailedRefreshKeepsUsingAStillValidToken() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    AtomicInteger fetches = new AtomicInteger();
    Mono<AccessToken> source = Mono.defer(() -> fetches.incrementAndGet() == 1
        ? Mono.just(new AccessToken("tok1", Instant.ofEpochMilli(clock.now(java.util.concurrent.TimeUnit.MILLISECONDS)).plusSeconds(600)))
        : Mono.error(new IllegalStateException("identity provider down")));
    BearerTokenCredential credential = BearerTokenCredential.from("svc", source).withClock(clock);

    StepVerifier.create(credential.authenticate()).expectNextMatches(h -> h.value().equals("Bearer tok1")).verifyComplete();
    clock.advanceTimeBy(Duration.ofSeconds(500)); // within the 2-minute margin
    StepVerifier.create(credential.authenticate()).expectNextMatches(h -> h.value().equals("Bearer tok1")).verifyComplete();
    clock.advanceTimeBy(Duration.ofSeconds(200)); // expired: the failure surfaces
    StepVerifier.create(credential.authenticate()).expectErrorMessage("identity provider down").verify(TIMEOUT);
    assertThat(fetches).hasValue(3);
  }

  /** M8: a source that never answers delays a call by at most the fetch timeout, and the next call fetches again. */
  @Test
  void aSourceThatNeverAnswersDoesNotWedgeTheCredential() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    AtomicInteger fetches = new AtomicInteger();
    Mono<AccessToken> source = Mono.defer(() -> fetches.incrementAndGet() == 1 ? Mono.never()
        : Mono.just(new AccessToken("tok2", Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plusSeconds(600))));
    BearerTokenCredential credential = BearerTokenCredential.from("svc", source).withClock(clock);

    StepVerifier.create(credential.authenticate())
        .then(() -> clock.advanceTimeBy(Duration.ofSeconds(BearerTokenCredential.DEFAULT_FETCH_TIMEOUT_SECONDS)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessTimeoutException.class)
            .hasMessageContaining("the token source of bearer:svc gave no token within PT30S"))
        .verify(TIMEOUT);
    StepVerifier.create(credential.authenticate()).expectNextMatches(h -> h.value().equals("Bearer tok2"))
        .expectComplete().verify(TIMEOUT);
    assertThat(fetches).hasValue(2);
  }

  /** A caller that gives up does not cancel the fetch the others wait for. */
  @Test
  void aCancelledCallerLeavesTheFetchToTheOthers() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CountingSource counting = new CountingSource(clock, Duration.ofMinutes(10));
    BearerTokenCredential credential = BearerTokenCredential.from("svc",
        counting.mono().delayElement(Duration.ofSeconds(1), clock)).withClock(clock);

    credential.authenticate().subscribe().dispose();
    StepVerifier.create(credential.authenticate())
        .then(() -> clock.advanceTimeBy(Duration.ofSeconds(1)))
        .expectNextMatches(h -> h.value().equals("Bearer tok1")).expectComplete().verify(TIMEOUT);
    assertThat(counting.fetches).hasValue(1);
  }

  /**
   * L8: a 401 that arrives after another call already replaced the token it rejected repeats the
   * call with the current token instead of fetching yet another one.
   */
  @Test
  void a401ForATokenAlreadyReplacedFetchesNoOther() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/fast")).withHeader("Authorization", equalTo("Bearer tok1"))
        .willReturn(json(401, "{\"code\":\"INVALID_TOKEN\"}")));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/slow")).withHeader("Authorization", equalTo("Bearer tok1"))
        .willReturn(json(401, "{\"code\":\"INVALID_TOKEN\"}").withFixedDelay(800)));
    harness.stubFor(get(urlPathMatching("/ng/api/projects/(fast|slow)")).withHeader("Authorization", equalTo("Bearer tok2"))
        .willReturn(json(200, TestHarness.ngProject("p1"))));
    CountingSource source = new CountingSource(null, Duration.ofHours(1));

    try (HarnessClient client = TestHarness.client(harness, BearerTokenCredential.from("svc", source.mono()))
        .accountId(ACCOUNT).build()) {
      HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
      // Both go out with tok1; the fast one's 401 replaces it, long before the slow one's 401 arrives.
      StepVerifier.create(Flux.merge(projects.call(api -> api.getProject("slow", ACCOUNT, null)),
              projects.call(api -> api.getProject("fast", ACCOUNT, null))))
          .expectNextCount(2)
          .expectComplete()
          .verify(TIMEOUT);
    }
    assertThat(source.fetches).as("tokens fetched").hasValue(2);
  }

  @Test
  void a401RefreshesTheTokenAndRepeatsTheCallOnce() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).withHeader("Authorization", equalTo("Bearer tok1"))
        .willReturn(json(401, "{\"status\":\"ERROR\",\"code\":\"INVALID_TOKEN\",\"message\":\"Invalid token\"}")));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).withHeader("Authorization", equalTo("Bearer tok2"))
        .willReturn(json(200, TestHarness.ngProject("p1"))));
    CountingSource source = new CountingSource(null, Duration.ofHours(1));

    try (HarnessClient client = TestHarness.client(harness, BearerTokenCredential.from("svc", source.mono()))
        .accountId(ACCOUNT).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .assertNext(body -> assertThat(body.getData().getProject().getIdentifier()).isEqualTo("p1"))
          .expectComplete()
          .verify(TIMEOUT);
    }
    assertThat(source.fetches).hasValue(2);
    assertThat(harness.getAllServeEvents()).hasSize(2);
  }

  @Test
  void aSecond401EndsTheCallWithUnauthorized() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1"))
        .willReturn(json(401, "{\"status\":\"ERROR\",\"code\":\"INVALID_TOKEN\",\"message\":\"Invalid token or token expired\"}")));
    CountingSource source = new CountingSource(null, Duration.ofHours(1));

    try (HarnessClient client = TestHarness.client(harness, BearerTokenCredential.from("svc", source.mono()))
        .accountId(ACCOUNT).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(UnauthorizedException.class)
              .hasMessageContaining("INVALID_TOKEN"))
          .verify(TIMEOUT);
    }
    assertThat(source.fetches).hasValue(2);
    assertThat(harness.getAllServeEvents()).hasSize(2);
  }
}
