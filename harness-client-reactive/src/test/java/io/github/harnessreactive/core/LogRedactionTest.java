package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.SAT;
import static io.github.harnessreactive.core.TestHarness.SEI_V1_KEY;
import static io.github.harnessreactive.core.TestHarness.SEI_V2_KEY;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.AccessToken;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.BearerTokenCredential;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * With the runtime logging at TRACE (see simplelogger.properties), every credential type is used
 * against a server that fails on purpose and echoes the secret back in its error body: no secret
 * appears in the log file, in an exception's message, fields or {@code toString}, or in any
 * {@code toString} of the client and credentials.
 */
class LogRedactionTest {

  static final String BEARER = "b3arerT0kenS3cretValue55";
  static final Path LOG = Path.of("target/harness-test-trace.log");

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void noSecretReachesLogsExceptionsOrToString() throws IOException {
    harness.stubFor(get(urlPathMatching("/ng/api/projects/.*")).willReturn(json(401,
        "{\"status\":\"ERROR\",\"code\":\"INVALID_TOKEN\",\"message\":\"Invalid token {{request.headers.x-api-key}}"
            + " {{request.headers.Authorization}}\"}").withTransformers("response-template")));
    harness.stubFor(get(urlPathMatching("/v1/org/groups/.*")).willReturn(json(403,
        "{\"error\":\"Forbidden\",\"message\":\"key {{request.headers.Authorization}} may not\"}").withTransformers("response-template")));

    List<HarnessCredential> credentials = List.of(ApiKeyCredential.of(PAT), ApiKeyCredential.of(SAT),
        ApiKeyCredential.of(SEI_V2_KEY), SeiApiKeyCredential.of(SEI_V1_KEY),
        BearerTokenCredential.from("svc", Mono.fromSupplier(() -> new AccessToken(BEARER, Instant.now().plusSeconds(3600)))));
    List<String> shown = new ArrayList<>();
    for (HarnessCredential credential : credentials) {
      try (HarnessClient client = TestHarness.client(harness, credential).accountId(ACCOUNT).build()) {
        shown.add(client.toString());
        shown.add(credential.toString());
        collectError(client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)), shown);
        collectError(client.api(CollectionCategoriesApi.class).call(api -> api.getCollectionCategory(UUID.randomUUID())), shown);
      }
    }

    String log = Files.readString(LOG);
    assertThat(log).as("the runtime logged the requests at TRACE").contains("--> GET").contains("x-api-key: REDACTED")
        .contains("Authorization: REDACTED");
    assertThat(String.join("\n", shown)).as("the server did echo secrets, so scrubbing was exercised").contains("***");
    for (String secret : List.of(PAT, SAT, SEI_V2_KEY, SEI_V1_KEY, BEARER, "S3cr3tPatValue1234567", "S3cr3tSatValue7654321")) {
      assertThat(log).as("log").doesNotContain(secret);
      assertThat(shown).as("exceptions and toString").noneMatch(text -> text.contains(secret));
    }
  }

  private static void collectError(Mono<?> call, List<String> shown) {
    StepVerifier.create(call)
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(HarnessApiException.class);
          HarnessApiException api = (HarnessApiException) e;
          shown.add(e.getMessage());
          shown.add(e.toString());
          shown.add(api.error().toString());
          shown.add(api.error().rawBody());
        })
        .verify(TIMEOUT);
  }
}
