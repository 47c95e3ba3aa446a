package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOProjectResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The client's own resources, headers and codecs. */
class ClientLifecycleTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void closeReleasesThePoolAndLaterCallsFail() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build();
    HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
    StepVerifier.create(projects.call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();

    client.close();

    assertThat(client.isClosed()).isTrue();
    StepVerifier.create(projects.call(api -> api.getProject("p1", ACCOUNT, null)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("the HarnessClient is closed"))
        .verify(TIMEOUT);
    assertThat(harness.getAllServeEvents()).hasSize(1);
  }

  @Test
  void userAgentNamesTheApplicationAndTheLibraryVersion() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).applicationId("metrics-sync/2.1").build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1"))
        .withHeader("User-Agent", matching("metrics-sync/2\\.1 harness-reactive/0\\.1\\.0-SNAPSHOT \\(Java .+\\)")));
  }

  @Test
  void theUsersWebClientBuilderCarriesOverWithoutBeingChanged() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    WebClient.Builder users = WebClient.builder().defaultHeader("X-Team", "insights");
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).webClientBuilder(users).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1")).withHeader("X-Team", equalTo("insights"))
        .withHeader("x-api-key", equalTo(PAT)));
    // the user's builder itself got none of the client's filters
    users.filters(filters -> assertThat(filters).isEmpty());
  }

  @Test
  void largeBodiesDecodeAboveSpringsDefaultLimitAndTheLimitIsEnforced() {
    String big = TestHarness.ngProject("p1").replace("\"name\":\"N\"", "\"name\":\"" + "n".repeat(1_000_000) + "\"");
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, big)));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build();
        HarnessClient small = TestHarness.client(harness, ApiKeyCredential.of(PAT)).maxInMemorySize(64 * 1024).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .assertNext((ResponseDTOProjectResponse body) -> assertThat(body.getData().getProject().getName()).hasSize(1_000_000))
          .verifyComplete();
      StepVerifier.create(small.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("codec memory limit"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void onlyGeneratedApiClassesAreAccepted() {
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      assertThatThrownBy(() -> client.api(String.class)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a generated Harness API class");
      assertThatThrownBy(() -> client.api(io.github.harnessreactive.generated.platform.ng.model.Project.class))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a generated API class");
    }
  }

  @Test
  void aGeneratedApiUsedOutsideACallFailsLoudlyInsteadOfSkippingTheLayers() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p")).willReturn(json(200, TestHarness.ngProject("p"))));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      AtomicReference<ProjectsApi> leaked = new AtomicReference<>();
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> {
        leaked.set(api);
        return Mono.<ResponseDTOProjectResponse>empty();
      })).verifyComplete();

      StepVerifier.create(leaked.get().getProject("p", ACCOUNT, "default"))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("outside a call").hasMessageContaining("HarnessApi.call"))
          .verify(TIMEOUT);
      assertThat(harness.getAllServeEvents()).isEmpty();
    }
  }
}
