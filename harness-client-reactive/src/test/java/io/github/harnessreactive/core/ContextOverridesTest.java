package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.SEI_V2_KEY;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import io.github.harnessreactive.platform.PlatformClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** One client serves many tenants: the Reactor context's account, org, project and credential reach the request. */
class ContextOverridesTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void accountAndCredentialOverridesReachHeaderAndDeclaredQuery() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(client.api(ProjectsApi.class)
              .call(api -> api.getProject("p1", client.accountId().orElseThrow(), null))
              .contextWrite(HarnessContext.account("tenant42").withCredential(ApiKeyCredential.of(SEI_V2_KEY))))
          .expectNextCount(1)
          .expectComplete()
          .verify(TIMEOUT);
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1"))
        .withHeader("x-api-key", equalTo(SEI_V2_KEY))
        .withHeader("Harness-Account", equalTo("tenant42"))
        .withQueryParam("accountIdentifier", equalTo("tenant42")));
  }

  @Test
  void orgAndProjectOverridesFillDeclaredParametersTheCallerLeftOut() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    harness.stubFor(get(urlPathEqualTo("/v2/teams/list")).willReturn(json(200, "{\"items\":[]}")));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null))
              .contextWrite(HarnessContext.org("orgFromContext").withProject("ignoredHere")))
          .expectNextCount(1).verifyComplete();
      StepVerifier.create(client.api(TeamsApi.class).call(api -> api.listTeams(ACCOUNT, "callersOrg", null, null, 0, 10))
              .contextWrite(HarnessContext.org("orgFromContext"))
              .contextWrite(HarnessContext.none().withProject("projFromOuterContext")))
          .expectNextCount(1).verifyComplete();
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1"))
        .withQueryParam("orgIdentifier", equalTo("orgFromContext"))
        .withQueryParam("projectIdentifier", absent()));
    harness.verify(getRequestedFor(urlPathEqualTo("/v2/teams/list"))
        .withQueryParam("orgIdentifier", equalTo("callersOrg"))
        .withQueryParam("projectIdentifier", equalTo("projFromOuterContext"))
        .withQueryParam("account", equalTo(ACCOUNT)));
  }

  /** L2: a per-call PAT of another account acts for its own account, over the facade's (the client's) default. */
  @Test
  void aCredentialOverrideThatNamesItsAccountActsForIt() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    String tenantPat = "pat.tenantAcct.t0ken2.S3cr3tTenantValue4321";
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(PlatformClient.of(client).projects().get("default", "p1")
              .contextWrite(HarnessContext.credential(ApiKeyCredential.of(tenantPat))))
          .expectNextCount(1).expectComplete().verify(TIMEOUT);
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1"))
        .withHeader("x-api-key", equalTo(tenantPat))
        .withHeader("Harness-Account", equalTo("tenantAcct"))
        .withQueryParam("accountIdentifier", equalTo("tenantAcct")));
  }

  /** L2: a context naming an account and a PAT of another account is refused before any request. */
  @Test
  void aContextWhoseAccountAndCredentialDisagreeIsRefused() {
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(PlatformClient.of(client).projects().get("default", "p1")
              .contextWrite(HarnessContext.account("tenant42")
                  .withCredential(ApiKeyCredential.of("pat.tenantAcct.t0ken2.S3cr3tTenantValue4321"))))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
              .hasMessage("the context's account tenant42 differs from the account its credential names (tenantAcct)"))
          .verify(TIMEOUT);
    }
    assertThat(harness.getAllServeEvents()).isEmpty();
  }

  @Test
  void withoutOverridesTheClientsAccountIsUsed() {
    harness.stubFor(get(urlPathEqualTo("/v2/teams/list")).willReturn(json(200, "{\"items\":[]}")));
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(client.api(TeamsApi.class).call(api -> api.listTeams(ACCOUNT, "o", "p", null, 0, 10)))
          .expectNextCount(1).verifyComplete();
    }
    harness.verify(getRequestedFor(urlPathEqualTo("/v2/teams/list"))
        .withHeader("Harness-Account", equalTo(ACCOUNT))
        .withHeader("x-api-key", equalTo(PAT)));
  }
}
