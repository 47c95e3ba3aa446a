package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.SAT;
import static io.github.harnessreactive.core.TestHarness.SEI_V1_KEY;
import static io.github.harnessreactive.core.TestHarness.SEI_V2_KEY;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Each credential type puts exactly the right header on the wire, with the right account. */
class CredentialsTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void patIsSentAsXApiKeyAndNamesTheAccount() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      assertThat(client.accountId()).contains(ACCOUNT);

      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .assertNext(body -> assertThat(body.getData().getProject().getIdentifier()).isEqualTo("p1"))
          .expectComplete()
          .verify(TIMEOUT);
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1"))
        .withHeader("x-api-key", equalTo(PAT))
        .withHeader("Harness-Account", equalTo(ACCOUNT))
        .withHeader("Authorization", absent())
        .withQueryParam("accountIdentifier", equalTo(ACCOUNT)));
  }

  @Test
  void satNamesItsAccountToo() {
    ApiKeyCredential sat = ApiKeyCredential.of(SAT);

    assertThat(sat.accountId()).contains(ACCOUNT);
    assertThat(sat.identity()).isEqualTo("sat:" + ACCOUNT + ".svcT0ken");
    assertThat(sat.isPlatformToken()).isTrue();
  }

  @Test
  void seiV2KeyIsSentAsXApiKeyWithTheGivenAccountInHeaderAndDeclaredQuery() {
    harness.stubFor(get(urlPathEqualTo("/v2/teams/list")).willReturn(json(200, "{\"items\":[],\"totalItems\":0}")));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(SEI_V2_KEY)).accountId("seiAcct").build()) {
      StepVerifier.create(client.api(TeamsApi.class).call(api -> api.listTeams("seiAcct", "org", "proj", null, 0, 10)))
          .expectNextCount(1)
          .expectComplete()
          .verify(TIMEOUT);
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/v2/teams/list"))
        .withHeader("x-api-key", equalTo(SEI_V2_KEY))
        .withHeader("Harness-Account", equalTo("seiAcct"))
        .withQueryParam("account", equalTo("seiAcct"))
        .withQueryParam("accountIdentifier", absent()));
  }

  @Test
  void seiV1KeyIsSentAsAuthorizationApiKeyWithoutAnAccount() {
    UUID id = UUID.fromString("6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b");
    harness.stubFor(get(urlPathEqualTo("/v1/org/groups/" + id)).willReturn(json(200, "{\"id\":\"" + id + "\",\"name\":\"Teams\"}")));
    try (HarnessClient client = TestHarness.client(harness, SeiApiKeyCredential.of(SEI_V1_KEY)).build()) {
      StepVerifier.create(client.api(CollectionCategoriesApi.class).call(api -> api.getCollectionCategory(id)))
          .assertNext(category -> assertThat(category.getName()).isEqualTo("Teams"))
          .expectComplete()
          .verify(TIMEOUT);
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/v1/org/groups/" + id))
        .withHeader("Authorization", equalTo("ApiKey " + SEI_V1_KEY))
        .withHeader("x-api-key", absent())
        .withHeader("Harness-Account", absent()));
  }

  @Test
  void rotationTakesEffectOnTheNextCall() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    ApiKeyCredential credential = ApiKeyCredential.of(PAT);
    String rotated = "pat." + ACCOUNT + ".newT0ken.R0tat3dS3cret999";
    try (HarnessClient client = TestHarness.client(harness, credential).build()) {
      HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
      StepVerifier.create(projects.call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();
      credential.rotate(rotated);
      StepVerifier.create(projects.call(api -> api.getProject("p1", ACCOUNT, null))).expectNextCount(1).verifyComplete();
    }
    assertThat(harness.getAllServeEvents()).extracting(e -> e.getRequest().getHeader("x-api-key"))
        .containsExactlyInAnyOrder(PAT, rotated);
    assertThat(credential.identity()).isEqualTo("pat:" + ACCOUNT + ".newT0ken");
  }

  @Test
  void malformedPlatformTokensAreRefusedWithoutRepeatingThem() {
    String malformed = "pat.onlyAccount.S3cr3tButMalformed";

    assertThatThrownBy(() -> ApiKeyCredential.of(malformed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected pat.<accountId>.<tokenId>.<secret>")
        .message().doesNotContain("S3cr3tButMalformed").doesNotContain("onlyAccount");
    assertThatThrownBy(() -> ApiKeyCredential.of("sat..id.secret")).hasMessageContaining("malformed Harness SAT");
    assertThatThrownBy(() -> ApiKeyCredential.of("  ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> SeiApiKeyCredential.of("two words")).hasMessageContaining("whitespace");
  }

  @Test
  void anOpaqueKeyOrABearerTokenNeedsTheAccountId() {
    assertThatThrownBy(() -> TestHarness.client(harness, ApiKeyCredential.of(SEI_V2_KEY)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("account id is required");
  }

  @Test
  void anAccountIdContradictingThePatIsRefused() {
    assertThatThrownBy(() -> TestHarness.client(harness, ApiKeyCredential.of(PAT)).accountId("someoneElse").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("differs from the account the token names");
  }

  @Test
  void identitiesAreStableAndNeverTheSecret() {
    ApiKeyCredential pat = ApiKeyCredential.of(PAT);
    ApiKeyCredential opaque = ApiKeyCredential.of(SEI_V2_KEY);
    SeiApiKeyCredential sei = SeiApiKeyCredential.of(SEI_V1_KEY);

    assertThat(pat.identity()).isEqualTo("pat:" + ACCOUNT + ".t0kenId"); // token ids are unique within an account only
    assertThat(opaque.identity()).startsWith("key:sha256:").isEqualTo(ApiKeyCredential.of(SEI_V2_KEY).identity())
        .doesNotContain(SEI_V2_KEY);
    assertThat(sei.identity()).startsWith("sei:sha256:").doesNotContain(SEI_V1_KEY);
    assertThat(pat + " " + opaque + " " + sei).doesNotContain("S3cr3t").doesNotContain(SEI_V2_KEY).doesNotContain(SEI_V1_KEY);
  }
}
