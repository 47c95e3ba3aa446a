package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.AccessToken;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.BearerTokenCredential;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.platform.PlatformClient;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** One observation per logical call, tagged with low-cardinality values, parent of its HTTP attempts. */
class ObservationTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aCallOfTwoAttemptsIsOneObservationWithTwoHttpChildren() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).withHeader("Authorization", equalTo("Bearer tok1"))
        .willReturn(json(401, "{\"code\":\"INVALID_TOKEN\"}")));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).withHeader("Authorization", equalTo("Bearer tok2"))
        .willReturn(json(200, TestHarness.ngProject("p1"))));
    AtomicInteger n = new AtomicInteger();
    BearerTokenCredential bearer = BearerTokenCredential.from("svc",
        Mono.fromSupplier(() -> new AccessToken("tok" + n.incrementAndGet(), Instant.now().plusSeconds(3600))));
    Recorder registry = new Recorder();

    try (HarnessClient client = TestHarness.client(harness, bearer).accountId(ACCOUNT).observationRegistry(registry.registry).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    List<Observation.Context> calls = contexts(registry, "harness.client.call");
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.getLowCardinalityKeyValue("harness.operation").getValue()).isEqualTo("getProject");
      assertThat(call.getLowCardinalityKeyValue("harness.service").getValue()).isEqualTo("platform-ng");
      assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SUCCESS");
      assertThat(call.getHighCardinalityKeyValues()).isEmpty();
    });
    List<Observation.Context> attempts = contexts(registry, "http.client.requests");
    assertThat(attempts).hasSize(2)
        .allSatisfy(attempt -> assertThat(attempt.getParentObservation().getContextView()).isSameAs(calls.get(0)));
  }

  @Test
  void aFailedCallIsObservedAsAnError() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(503, "")));
    Recorder registry = new Recorder();

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).observationRegistry(registry.registry).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null))).expectError().verify(TIMEOUT);
    }

    assertThat(contexts(registry, "harness.client.call")).singleElement().satisfies(call -> {
      assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SERVER_ERROR");
      assertThat(call.getError()).isNotNull();
    });
  }

  /**
   * A listing is one observation per page, each stopped once as a success, though the listing
   * cancels its pages' stream on the last page it is handed (before that call's own completion).
   */
  @Test
  void eachPageOfAListingIsOneSuccessfulObservation() {
    String org = "{\"organization\":{\"identifier\":\"o%s\",\"name\":\"O\"}}";
    harness.stubFor(get(urlPathEqualTo("/ng/api/organizations")).withQueryParam("pageIndex", equalTo("0"))
        .willReturn(json(200, "{\"status\":\"SUCCESS\",\"data\":{\"totalPages\":2,\"totalItems\":3,\"pageIndex\":0,"
            + "\"content\":" + TestHarness.objects(List.of("1", "2"), org) + "}}")));
    harness.stubFor(get(urlPathEqualTo("/ng/api/organizations")).withQueryParam("pageIndex", equalTo("1"))
        .willReturn(json(200, "{\"status\":\"SUCCESS\",\"data\":{\"totalPages\":2,\"totalItems\":3,\"pageIndex\":1,"
            + "\"content\":" + TestHarness.objects(List.of("3"), org) + "}}")));
    Recorder registry = new Recorder();

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).observationRegistry(registry.registry).build()) {
      StepVerifier.create(PlatformClient.of(client).organizations().list().withPageSize(2)).expectNextCount(3)
          .expectComplete().verify(TIMEOUT);
    }

    assertThat(contexts(registry, "harness.client.call")).hasSize(2).allSatisfy(call -> {
      assertThat(call.getLowCardinalityKeyValue("harness.operation").getValue()).isEqualTo("listOrganizations");
      assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SUCCESS");
    });
  }

  /** L3: each attempt's http.url trace tag is redacted like the logs, not the whole URL Spring would put there. */
  @Test
  void theUrlTagOfEachAttemptIsRedacted() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).willReturn(json(200,
        "{\"status\":\"SUCCESS\",\"data\":{\"content\":[],\"totalItems\":0}}")));
    Recorder registry = new Recorder();

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).observationRegistry(registry.registry).build()) {
      StepVerifier.create(client.api(ProjectsApi.class)
              .call(api -> api.listProjects(ACCOUNT, "default", null, null, null, "privateSearch", 0, 10, null, null, null)))
          .expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    assertThat(contexts(registry, "http.client.requests")).singleElement()
        .extracting(attempt -> attempt.getHighCardinalityKeyValue("http.url").getValue()).asString()
        .contains("searchTerm=REDACTED", "orgIdentifier=default").doesNotContain("privateSearch");
  }

  private static List<Observation.Context> contexts(Recorder recorder, String name) {
    return recorder.stopped.stream().filter(context -> name.equals(context.getName())).toList();
  }

  /** A registry that keeps every observation context it sees stopped. */
  static final class Recorder {
    final ObservationRegistry registry = ObservationRegistry.create();
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    Recorder() {
      registry.observationConfig().observationHandler(new ObservationHandler<>() {
        @Override
        public boolean supportsContext(Observation.Context context) {
          return true;
        }

        @Override
        public void onStop(Observation.Context context) {
          stopped.add(context);
        }
      });
    }
  }
}
