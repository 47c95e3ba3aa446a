package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.SEI_V2_KEY;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.UnexpectedRedirectException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.platform.PlatformClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * Responses a proxy, a sign-in page or a compromised server may send: each is a typed error,
 * decoded in time linear in its size, with no control character, no unbounded text and no
 * secret in what it shows, and its connection goes back to the pool.
 */
class HostileResponsesTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static void stubProject(ResponseDefinitionBuilder response) {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(response));
  }

  private static <T extends Throwable> void expectError(HarnessClient client, Class<T> type, Consumer<T> check,
      Duration within) {
    StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(type);
          check.accept(type.cast(e));
        })
        .verify(within);
  }

  /** M4: an unclosed title repeated over a megabyte made the old pattern scan to the end once per title (quadratic). */
  @Test
  void aMegabyteOfUnclosedTitlesIsDescribedInLinearTime() {
    stubProject(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>Sign\r\nin\u0007 " + "<title>".repeat(150_000)));

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      // A generous bound for a loaded 2-core machine: the old decoder took minutes.
      expectError(client, ServerErrorException.class, e -> {
        assertThat(e.error().message()).isEqualTo("Bad Gateway (an HTML page, not a Harness API response: Sign in)");
        assertThat(e.error().rawBody()).hasSizeLessThan(4200);
      }, Duration.ofSeconds(5));
    }
  }

  @Test
  void messagesTakenFromABodyAreOneCappedLine() {
    stubProject(json(500, "{\"code\":\"X\\r\\nY\",\"message\":\"first\\r\\nFAKE LOG LINE " + "x".repeat(50_000) + "\"}"));

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      expectError(client, ServerErrorException.class, e -> {
        assertThat(e.error().code()).isEqualTo("X Y");
        assertThat(e.error().message()).startsWith("first FAKE LOG LINE xxx").hasSizeLessThanOrEqualTo(1003).endsWith("...");
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
      }, TIMEOUT);
    }
  }

  /** L4: the excerpt is scrubbed before it is cut, and Jackson's message (which quotes the body) is scrubbed too. */
  @Test
  void aKeyEchoedIntoAnUndecodableBodyIsNeverShownNotEvenInPart() {
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(SEI_V2_KEY)).accountId(ACCOUNT).build()) {
      stubProject(json(200, "{\"data\":\"" + "x".repeat(2048 - 9 - 20) + SEI_V2_KEY + "\"," + "oops"));
      expectError(client, ResponseDecodeException.class, e -> assertThat(e.error().rawBody())
          .hasSizeLessThan(2100).doesNotContain(SEI_V2_KEY.substring(0, 16)), TIMEOUT);

      stubProject(json(200, "{\"data\": " + SEI_V2_KEY + "}"));
      expectError(client, ResponseDecodeException.class, e -> {
        assertThat(e).hasMessageContaining("Unrecognized token '***'");
        assertThat(e.getMessage() + e.error().rawBody()).doesNotContain(SEI_V2_KEY);
      }, TIMEOUT);
    }
  }

  /** M12: a sign-in or captive-portal page answered with 200 is a typed error with the status, not Spring's exception. */
  @Test
  void anHtmlPageAnsweredWith200IsATypedDecodeError() {
    stubProject(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<html><head><title>Sign in</title></head></html>"));

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      expectError(client, ResponseDecodeException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.error().message()).contains("text/html").contains("an HTML page, not a Harness API response");
        assertThat(e.isRetryable()).isFalse();
      }, TIMEOUT);
    }
  }

  @Test
  void aPageWithContentAfterItsEndIsATypedDecodeError() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).willReturn(json(200, """
        {"status":"SUCCESS","data":{"content":[],"pageIndex":0,"totalItems":0}} {"status":"SUCCESS"}""")));

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build()) {
      StepVerifier.create(PlatformClient.of(client).projects().list("default"))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
              .hasMessageContaining("the page body has content after its end")
              .extracting(d -> ((HarnessApiException) d).statusCode()).isEqualTo(200))
          .verify(TIMEOUT);
    }
  }

  /**
   * M5: whatever a redirect's Location holds, the error is an UnexpectedRedirectException and the
   * connection goes back to the pool: with two connections and a short acquire timeout, five
   * redirects in a row then a success, where a leaked connection per redirect fails fast.
   */
  @Test
  void anyRedirectIsTypedAndReleasesItsConnection() {
    List<String> locations = List.of(
        "https://sso.example.com/saml?SAMLRequest=abc==&RelayState=r1",
        "https://sso.example.com/a b|c?token=x y",
        "::::not a url::::",
        "/login?next=/ng&session=s3cret",
        "https://user:pw@portal.example.com/x y");
    List<String> shown = List.of(
        "https://sso.example.com/saml?SAMLRequest=REDACTED&RelayState=REDACTED",
        "https://sso.example.com/...",
        "(a Location that is not a URL)",
        "/login?next=REDACTED&session=REDACTED",
        "https://portal.example.com/...");

    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT))
        .maxConnections(2).poolAcquireTimeout(Duration.ofMillis(500)).build()) {
      for (int i = 0; i < locations.size(); i++) {
        stubProject(aResponse().withStatus(302).withHeader("Location", locations.get(i)).withBody("<html>moved</html>"));
        String expected = shown.get(i);
        expectError(client, UnexpectedRedirectException.class, e -> {
          assertThat(e.location()).isEqualTo(expected);
          assertThat(e.statusCode()).isEqualTo(302);
        }, TIMEOUT);
      }
      stubProject(json(200, TestHarness.ngProject("p1")));
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)))
          .expectNextCount(1).expectComplete().verify(TIMEOUT);
    }
  }
}
