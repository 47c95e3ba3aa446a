package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.v1.model.OrganizationResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Calls that answer a stream (bare JSON arrays, decoded as they arrive) go through the same layers. */
class StreamingCallTest {

  static final String ORGS = """
      [{"org":{"identifier":"default","name":"Default"}},{"org":{"identifier":"eng","name":"Engineering"}}]""";

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static Flux<OrganizationResponse> listOrgs(HarnessClient client) {
    return client.api(OrganizationsApi.class).callMany(api -> api.listOrganizations(null, null, null, 0, 50, null, null));
  }

  @Test
  void aBareArrayStreamsItsItemsWithTheAccountHeader() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs")).willReturn(json(200, ORGS)));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(listOrgs(client).map(o -> o.getOrg().getIdentifier()))
          .expectNext("default", "eng")
          .expectComplete()
          .verify(TIMEOUT);
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/v1/orgs")).withHeader("Harness-Account", equalTo(ACCOUNT))
        .withHeader("x-api-key", equalTo(PAT)));
  }

  @Test
  void anArrayCutShortEmitsWhatArrivedThenATruncationError() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs")).willReturn(json(200,
        "[{\"org\":{\"identifier\":\"default\",\"name\":\"Default\"}},{\"org\":{\"identifier\":\"en")));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(listOrgs(client).map(o -> o.getOrg().getIdentifier()))
          .expectNext("default")
          .expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(ResponseDecodeException.class);
            assertThat(((ResponseDecodeException) e).isTruncated()).isTrue();
            assertThat(((ResponseDecodeException) e).statusCode()).isEqualTo(200);
          })
          .verify(TIMEOUT);
    }
  }

  @Test
  void aStreamAnswered401IsRepeatedOnceWithAFreshToken() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs")).withHeader("Authorization", equalTo("Bearer tok1"))
        .willReturn(json(401, "{\"message\":\"Invalid token\",\"code\":\"INVALID_TOKEN\"}")));
    harness.stubFor(get(urlPathEqualTo("/v1/orgs")).withHeader("Authorization", equalTo("Bearer tok2")).willReturn(json(200, ORGS)));
    AtomicInteger n = new AtomicInteger();
    BearerTokenCredential bearer = BearerTokenCredential.from("svc",
        Mono.fromSupplier(() -> new AccessToken("tok" + n.incrementAndGet(), Instant.now().plusSeconds(3600))));
    try (HarnessClient client = TestHarness.client(harness, bearer).accountId(ACCOUNT).build()) {
      StepVerifier.create(listOrgs(client)).expectNextCount(2).expectComplete().verify(TIMEOUT);
    }
    assertThat(harness.getAllServeEvents()).hasSize(2);
  }
}
