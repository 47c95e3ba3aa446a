package io.github.harnessreactive.core.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * Retries and pacing over real HTTP, with limits, pauses and backoffs shortened so the suite stays
 * fast: what is retried and what is not, a stream that survives a storm of 429s and 503s with
 * every item exactly once, and clients that share a credential sharing its partition.
 */
class ResilienceOverHttpTest {

  static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Serves page {@code pageIndex} of 50 two-item pages, answering 429 to every 5th request and 503 to every 7th. */
  static final class StormyPages implements ResponseDefinitionTransformerV2 {
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      int n = requests.incrementAndGet();
      if (n % 5 == 0) {
        return new ResponseDefinitionBuilder().withStatus(429).withBody("Too Many Requests").build();
      }
      if (n % 7 == 0) {
        return new ResponseDefinitionBuilder().withStatus(503).build();
      }
      int page = Integer.parseInt(event.getRequest().queryParameter("pageIndex").firstValue());
      String content = IntStream.of(2 * page, 2 * page + 1)
          .mapToObj(i -> "{\"project\":{\"identifier\":\"p" + i + "\"}}").collect(Collectors.joining(","));
      return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody("{\"status\":\"SUCCESS\",\"data\":{\"totalItems\":100,\"totalPages\":50,\"pageIndex\":" + page
              + ",\"pageSize\":2,\"content\":[" + content + "]}}")
          .build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "stormy-pages";
    }
  }

  static final StormyPages STORM = new StormyPages();

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(STORM)).build();

  private TokenBucketRateLimiter limiter;

  @BeforeEach
  void freshLimiter() {
    limiter = TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(6000, Duration.ofMinutes(1)).withBurst(20)
        .withThrottlePause(Duration.ofMillis(50), Duration.ofSeconds(1)).withAdaptation(0.5, Duration.ofMillis(500), 600));
  }

  private HarnessClient client(HarnessCredential credential) {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(harness.baseUrl()).credential(credential).accountId(ACCOUNT)
        .rateLimiter(limiter)
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(5).withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)));
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, harness.baseUrl());
    }
    return builder.build();
  }

  private static void failFirstThenSucceed(String path, int firstStatus, String firstBody, int thenStatus, String thenBody) {
    harness.stubFor(post(urlPathEqualTo(path)).inScenario("once").whenScenarioStateIs(STARTED).willSetStateTo("failed")
        .willReturn(json(firstStatus, firstBody)));
    harness.stubFor(post(urlPathEqualTo(path)).inScenario("once").whenScenarioStateIs("failed").willReturn(json(thenStatus, thenBody)));
  }

  @Test
  void aSafeListPostIsRetriedAfter503AndACreatePostIsNot() {
    failFirstThenSucceed("/v1/org/groups/list", 503, "",
        200, "{\"records\":[{\"name\":\"c0\"}],\"_metadata\":{\"page\":0,\"page_size\":1000,\"has_next\":false}}");
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups")).willReturn(json(503, "")));

    try (HarnessClient client = client(SeiApiKeyCredential.of("seiV1Key1234"))) {
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.listCollectionCategories(new DefaultListRequest())))
          .assertNext(page -> assertThat(page.getRecords()).hasSize(1)).verifyComplete();
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.createCollectionCategory(
              new OrgUnitCategory().name("Teams").rootOuName("All").workspaceId(1))))
          .expectError(ServerErrorException.class).verify(TIMEOUT);
    }
    assertThat(harness.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/org/groups/list")))).hasSize(2);
    assertThat(harness.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/org/groups")))).hasSize(1);
  }

  @Test
  void eachRetryIsAnObservationEventAndACallCanOverrideThePolicy() {
    failFirstThenSucceed("/v1/org/groups/list", 503, "",
        200, "{\"records\":[],\"_metadata\":{\"page\":0,\"page_size\":1000,\"has_next\":false}}");
    io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
      @Override
      public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
        return true;
      }

      @Override
      public void onEvent(io.micrometer.observation.Observation.Event event, io.micrometer.observation.Observation.Context context) {
        events.add(event.getName() + ": " + event.getContextualName());
      }
    });
    HarnessClient.Builder builder = HarnessClient.builder().credential(SeiApiKeyCredential.of("seiV1Key1234")).rateLimiter(limiter)
        .observationRegistry(registry).retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(5)));
    builder.serviceUrl(HarnessService.SEI_V1, harness.baseUrl()).baseUrl(harness.baseUrl());
    try (HarnessClient client = builder.build()) {
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.listCollectionCategories(new DefaultListRequest())))
          .expectNextCount(1).verifyComplete();
      assertThat(events).filteredOn(e -> e.startsWith("harness.retry")).singleElement()
          .satisfies(e -> assertThat(e).matches("harness.retry: retry 1 after 503 in \\d+ ms"));

      harness.resetScenarios();
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.listCollectionCategories(new DefaultListRequest()))
              .contextWrite(io.github.harnessreactive.core.HarnessContext.retryPolicy(RetryPolicy.none())))
          .expectError(ServerErrorException.class).verify(TIMEOUT);
    }
  }

  @Test
  void aCreatePostIsRetriedAfter429ButNotAfterAServiceThrottle() {
    failFirstThenSucceed("/v1/org/groups", 429, "", 202, "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Teams\"}");
    try (HarnessClient client = client(SeiApiKeyCredential.of("seiV1Key1234"))) {
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.createCollectionCategory(new OrgUnitCategory().name("Teams"))))
          .assertNext(created -> assertThat(created.getName()).isEqualTo("Teams")).verifyComplete();
      assertThat(harness.getAllServeEvents()).hasSize(2);

      harness.resetAll();
      harness.stubFor(post(urlPathEqualTo("/v1/org/groups")).willReturn(json(400,
          "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"slow down\"}")));
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.createCollectionCategory(new OrgUnitCategory().name("Teams"))))
          .expectError(TooManyRequestsException.class).verify(TIMEOUT);
      assertThat(harness.getAllServeEvents()).hasSize(1);
    }
    // the throttle paused the credential's partition and slowed it down
    String partition = SeiApiKeyCredential.of("seiV1Key1234").identity();
    assertThat(limiter.ratePerSecond(partition)).isLessThan(100.0);
  }

  @Test
  void fiftyPagesThroughA429AndA503StormArriveExactlyOnce() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).willReturn(ok().withTransformers("stormy-pages")));
    STORM.requests.set(0);

    try (HarnessClient client = client(ApiKeyCredential.of(PAT))) {
      List<String> ids = client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class, List.of(),
              (api, page) -> api.listProjectsWithResponseSpec(ACCOUNT, null, null, null, null, null, page.index(), page.size(), null, null, null))
          .withPageSize(2)
          .map(p -> p.getProject().getIdentifier())
          .collectList()
          .block(TIMEOUT);

      assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "p" + i).toList());
    }
    int requests = STORM.requests.get();
    int failures = (int) IntStream.rangeClosed(1, requests).filter(n -> n % 5 == 0 || n % 7 == 0).count();
    assertThat(requests - failures).isEqualTo(50);
    System.out.printf("storm: 50 pages in %d requests (%d answered 429 or 503)%n", requests, failures);
  }

  @Test
  void clientsSharingACredentialShareOnePartition() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200,
        "{\"status\":\"SUCCESS\",\"data\":{\"project\":{\"identifier\":\"p1\"}}}")));
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(json(200, "{\"records\":[],\"_metadata\":{\"has_next\":false}}")));
    limiter = TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(60, Duration.ofMinutes(1)).withBurst(2));

    try (HarnessClient platform = client(ApiKeyCredential.of(PAT));
        HarnessClient sei2 = client(ApiKeyCredential.of(PAT));
        HarnessClient sei1 = client(SeiApiKeyCredential.of("seiV1Key1234"))) {
      StepVerifier.create(platform.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();
      StepVerifier.create(sei2.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();
      assertThat(limiter.available(ApiKeyCredential.of(PAT).identity())).isLessThan(1.0); // two clients spent the one budget

      StepVerifier.create(sei1.api(CollectionCategoriesApi.class).call(api -> api.listCollectionCategories(new DefaultListRequest())))
          .expectNextCount(1).verifyComplete();
    }
    assertThat(limiter.partitions()).containsExactlyInAnyOrder("pat:" + ACCOUNT + ".t0kenId",
        SeiApiKeyCredential.of("seiV1Key1234").identity());
  }
}
