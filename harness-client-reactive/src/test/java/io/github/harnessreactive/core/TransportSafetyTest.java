package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.UnexpectedRedirectException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Credentials never travel over plain http to a remote host, nor to the host a redirect names. */
class TransportSafetyTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void plainHttpToARemoteHostIsRefusedAtBuildTime() {
    assertThatThrownBy(() -> HarnessClient.builder().baseUrl("http://harness.example.com").credential(ApiKeyCredential.of(PAT)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http to harness.example.com");
    assertThatThrownBy(() -> HarnessClient.builder().credential(ApiKeyCredential.of(PAT))
        .serviceUrl(HarnessService.SEI_V1, "http://sei.example.com/sei/api").build())
        .hasMessageContaining("SEI_V1");
  }

  @Test
  void plainHttpIsAllowedToLoopbackOrWhenTheUserOptsIn() {
    try (HarnessClient local = HarnessClient.builder().baseUrl("http://127.0.0.1:1").credential(ApiKeyCredential.of(PAT)).build();
        HarnessClient ipv6 = HarnessClient.builder().baseUrl("http://[0:0:0:0:0:0:0:1]:1").credential(ApiKeyCredential.of(PAT))
            .build();
        HarnessClient optedIn = HarnessClient.builder().baseUrl("http://harness.internal").allowInsecureHttp(true)
            .credential(ApiKeyCredential.of(PAT)).build()) {
      assertThat(local.serviceUrl(HarnessService.SEI_V1)).isEqualTo("http://127.0.0.1:1/prod1/sei/api");
      // The builder and the per-attempt filter share one rule, so every loopback form is accepted by both.
      assertThat(ipv6.serviceUrl(HarnessService.PLATFORM_NG)).isEqualTo("http://[0:0:0:0:0:0:0:1]:1");
      assertThat(optedIn.serviceUrl(HarnessService.SEI_V2)).isEqualTo("http://harness.internal/gateway/sei/api");
      assertThat(optedIn.serviceUrl(HarnessService.PLATFORM_NG)).isEqualTo("http://harness.internal");
    }
  }

  @Test
  void aRequestRedirectedToPlainHttpElsewhereIsRefusedBeforeSending() {
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
      // The generated ApiClient is reachable through the generated API; pointing it elsewhere must not leak the key.
      StepVerifier.create(projects.call(api -> {
            api.getApiClient().setBasePath("http://harness.example.com");
            return api.getProject("p1", ACCOUNT, null);
          }))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessException.class)
              .hasMessageContaining("refusing to send a credential over plain http to harness.example.com"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void aRedirectIsNotFollowedAndCarriesNoCredential() {
    elsewhere.stubFor(get(urlPathEqualTo("/stolen")).willReturn(json(200, TestHarness.ngProject("p1"))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", elsewhere.baseUrl() + "/stolen?token=abc")));

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(UnexpectedRedirectException.class);
            UnexpectedRedirectException redirect = (UnexpectedRedirectException) e;
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.location()).isEqualTo(elsewhere.baseUrl() + "/stolen?token=REDACTED");
          })
          .verify(TIMEOUT);
    }
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
  }
}
