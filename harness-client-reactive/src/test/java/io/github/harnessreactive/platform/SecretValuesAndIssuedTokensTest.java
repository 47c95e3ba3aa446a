package io.github.harnessreactive.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.generated.platform.ng.api.TokensApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOString;
import io.github.harnessreactive.generated.platform.ng.model.SecretDTOV2;
import io.github.harnessreactive.generated.platform.ng.model.SecretRequestWrapper;
import io.github.harnessreactive.generated.platform.ng.model.SecretResponseWrapper;
import io.github.harnessreactive.generated.platform.ng.model.UserInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * A secret's value and a newly issued token reach the wire and the caller, and nothing else: no
 * {@code toString()}, no error message, no body excerpt, no stack trace.
 */
class SecretValuesAndIssuedTokensTest {

  static final String ACCOUNT = "acc0unt1D";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  static final String SECRET_VALUE = "Sup3rS3cretV4lue";
  static final String NEW_TOKEN_SECRET = "N3wT0kenSecretPart9";
  static final String NEW_TOKEN = "sat." + ACCOUNT + ".n3wT0kenId." + NEW_TOKEN_SECRET;

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;
  private PlatformClient platform;

  @BeforeEach
  void setUp() {
    client = HarnessClient.builder().baseUrl(harness.baseUrl()).credential(ApiKeyCredential.of(PAT))
        .retryPolicy(RetryPolicy.none()).build();
    platform = PlatformClient.of(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void aSecretValueIsSentButNoModelPrintsIt() {
    SecretDTOV2 secret = Secrets.inlineText(Scope.org("o1"), "s1", "One", SECRET_VALUE);
    harness.stubFor(any(anyUrl()).willReturn(ng("{\"secret\":{\"identifier\":\"s1\",\"type\":\"SecretText\",\"name\":\"One\","
        + "\"spec\":{\"valueType\":\"Inline\",\"value\":\"" + SECRET_VALUE + "\"}}}")));

    SecretResponseWrapper answer = platform.secrets().create(secret).block(Duration.ofSeconds(10));

    assertThat(harness.findAll(anyRequestedFor(anyUrl())).get(0).getBodyAsString()).contains(SECRET_VALUE);
    assertThat(answer.getSecret().getSpec().getValue()).isEqualTo(SECRET_VALUE);
    assertThat(secret.toString()).contains("value: *").doesNotContain(SECRET_VALUE);
    assertThat(new SecretRequestWrapper().secret(secret).toString()).doesNotContain(SECRET_VALUE);
    assertThat(answer.toString()).doesNotContain(SECRET_VALUE);
  }

  @Test
  void anIssuedTokenReachesTheCallerAndNoToString() {
    harness.stubFor(any(anyUrl()).willReturn(ng("\"" + NEW_TOKEN + "\"")));

    IssuedToken issued = platform.tokens().create(Tokens.token(ApiKeyOwner.serviceAccount(Scope.account(), "sa1").key("k1"),
        "t1", "One")).block(Duration.ofSeconds(10));

    assertThat(issued.value()).isEqualTo(NEW_TOKEN);
    assertThat(issued.identifier()).contains("t1");
    assertThat(issued.identity()).isEqualTo("sat:acc0unt1D.n3wT0kenId");
    assertThat(issued.toString()).contains("sat:acc0unt1D.n3wT0kenId").doesNotContain(NEW_TOKEN_SECRET);
    assertThat(issued.credential().toString()).doesNotContain(NEW_TOKEN_SECRET);
    assertThat(new ResponseDTOString().data(NEW_TOKEN).toString()).doesNotContain(NEW_TOKEN_SECRET);
    assertThat(new UserInfo().token(NEW_TOKEN).toString()).doesNotContain(NEW_TOKEN_SECRET);
  }

  @Test
  void aTokenAnswerThatDoesNotDecodeKeepsTheTokenOutOfTheError() {
    // data must be a string: an object there does not decode, and the body holds the token
    harness.stubFor(any(anyUrl()).willReturn(ng("{\"token\":\"" + NEW_TOKEN + "\"}")));
    ApiKeyRef key = ApiKeyOwner.serviceAccount(Scope.account(), "sa1").key("k1");

    StepVerifier.create(platform.tokens().rotate(key, "t1", java.time.Instant.EPOCH))
        .expectErrorSatisfies(error -> {
          assertThat(error).isInstanceOf(ResponseDecodeException.class);
          assertThat(((ResponseDecodeException) error).statusCode()).isEqualTo(200);
          assertThat(((ResponseDecodeException) error).error().rawBody()).isEmpty();
          assertThat(rendered(error)).contains("/ng/api/token/rotate/t1").doesNotContain(NEW_TOKEN_SECRET);
        })
        .verify(Duration.ofSeconds(10));

    // the same answer through the generated API alone keeps a body excerpt: the facade is what drops it
    StepVerifier.create(client.api(TokensApi.class).call(a -> a.createToken(ACCOUNT, null)))
        .expectErrorSatisfies(error -> assertThat(((ResponseDecodeException) error).error().rawBody()).contains(NEW_TOKEN_SECRET))
        .verify(Duration.ofSeconds(10));
  }

  /** An error as a user sees it: its {@code toString()} and its stack trace with every cause. */
  private static String rendered(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return error + "\n" + trace;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ng(String data) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"SUCCESS\",\"data\":" + data + ",\"correlationId\":\"c\"}");
  }
}
