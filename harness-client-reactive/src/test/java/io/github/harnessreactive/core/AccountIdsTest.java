package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * L1: account ids, org and project identifiers and keys are checked where they enter (builder,
 * context, credential, and the account a request names), with an IllegalArgumentException naming
 * what was wrong, never repeating a key, and never retried as "cannot reach Harness".
 */
class AccountIdsTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "acc\r\nX-Injected: 1", "acc ount", "acc/../x", "..", "acc%0d", "äccount",
      "a123456789012345678901234567890123456789012345678901234567890123456789"})
  void aValueThatIsNoAccountIdIsRefusedWhereItEnters(String account) {
    assertThatThrownBy(() -> HarnessClient.builder().accountId(account))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accountId is not a Harness account id");
    assertThatThrownBy(() -> HarnessContext.account(account)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeyCredential.of("pat." + account + ".t0kenId.S3cr3tValue99"))
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("S3cr3tValue99");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kmpySmUISimoRrJL6NL73w", "0starts-with_a-digit", "x"})
  void accountIdsMayStartWithADigitOrHoldADash(String account) {
    assertThatCode(() -> HarnessClient.builder().accountId(account)).doesNotThrowAnyException();
    assertThat(ApiKeyCredential.of("pat." + account + ".t0kenId.S3cr3tValue99").accountId()).contains(account);
  }

  @Test
  void contextIdentifiersFollowHarnesssPattern() {
    assertThatThrownBy(() -> HarnessContext.org("..")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("orgIdentifier is not a Harness identifier");
    assertThatThrownBy(() -> HarnessContext.none().withProject("1project")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("projectIdentifier");
    assertThatCode(() -> HarnessContext.org("_org$1").withProject("Project_2")).doesNotThrowAnyException();
  }

  @Test
  void aKeyWithWhitespaceOrAControlCharacterIsRefusedWithoutBeingShown() {
    assertThatThrownBy(() -> ApiKeyCredential.of("opaqueS3cr3t\u0000tail")).isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain("S3cr3t");
    assertThatThrownBy(() -> ApiKeyCredential.of("opaque S3cr3t")).isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain("S3cr3t");
  }

  @Test
  void anAccountInjectedThroughTheEscapeHatchIsRefusedOnceAndNeverSent() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(200, TestHarness.ngProject("p1"))));
    AtomicInteger attempts = new AtomicInteger();
    WebClient.Builder counting = WebClient.builder().filter((request, next) -> {
      attempts.incrementAndGet();
      return next.exchange(request);
    });
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).webClientBuilder(counting)
        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))).build()) {
      StepVerifier.create(client.api(ProjectsApi.class).call(api -> api.getProject("p1", "acc\r\nX-Injected: 1", null)))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("the account of the request is not a Harness account id"))
          .verify(TIMEOUT);
    }
    assertThat(attempts).as("attempts").hasValue(1);
    assertThat(harness.getAllServeEvents()).isEmpty();
  }
}
