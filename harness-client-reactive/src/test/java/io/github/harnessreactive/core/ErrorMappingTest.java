package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.PAT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.NotFoundException;
import io.github.harnessreactive.core.exception.PreconditionFailedException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Every error envelope, and every way a response can go wrong, becomes the right typed exception with the right fields. */
class ErrorMappingTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;

  @BeforeEach
  void buildClient() {
    client = TestHarness.client(harness, ApiKeyCredential.of(PAT)).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private Mono<?> getProject() {
    return client.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null));
  }

  private void stubProject(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(response));
  }

  private static <T extends Throwable> void expectError(Mono<?> call, Class<T> type, Consumer<T> check) {
    StepVerifier.create(call)
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(type);
          check.accept(type.cast(e));
        })
        .verify(TIMEOUT);
  }

  @Test
  void ngErrorEnvelope() {
    stubProject(json(400, """
        {"status":"ERROR","code":"INVALID_REQUEST","message":"Invalid request: bad org","correlationId":"c-123",
         "detailedMessage":null,"responseMessages":[{"code":"INVALID_REQUEST","level":"ERROR","message":"Invalid request: bad org",
         "exception":null,"failureTypes":[]}],"metadata":null}"""));

    expectError(getProject(), BadRequestException.class, e -> {
      HarnessError error = e.error();
      assertThat(error.status()).isEqualTo(400);
      assertThat(error.code()).isEqualTo("INVALID_REQUEST");
      assertThat(error.message()).isEqualTo("Invalid request: bad org");
      assertThat(error.correlationId()).isEqualTo("c-123");
      assertThat(error.responseMessages()).containsExactly(
          new HarnessError.ResponseMessage("INVALID_REQUEST", "ERROR", "Invalid request: bad org"));
      assertThat(error.method()).isEqualTo("GET");
      assertThat(error.url()).startsWith(harness.baseUrl() + "/ng/api/projects/p1?accountIdentifier=" + ACCOUNT);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e).hasMessage("HTTP 400 INVALID_REQUEST from GET " + error.url() + ": Invalid request: bad org (correlation id c-123)");
    });
  }

  @Test
  void ngFailureEnvelopeWithFieldErrors() {
    stubProject(json(400, """
        {"status":"FAILURE","code":"INVALID_REQUEST","message":"identifier: may not be empty","correlationId":"c-9",
         "errors":[{"fieldId":"identifier","error":"may not be empty"}]}"""));

    expectError(getProject(), BadRequestException.class, e ->
        assertThat(e.fieldErrors()).containsExactly(new HarnessError.FieldError("identifier", "may not be empty")));
  }

  @Test
  void bareResponseMessagesBody() {
    stubProject(json(400, """
        {"responseMessages":[{"code":"INVALID_ARGUMENT","level":"ERROR","message":"identifier may not be empty"}]}"""));

    expectError(getProject(), BadRequestException.class, e -> {
      assertThat(e.errorCode()).isEqualTo("INVALID_ARGUMENT");
      assertThat(e.error().message()).isEqualTo("identifier may not be empty");
    });
  }

  @Test
  void unknownRouteIsNotFoundAlthoughHarnessSays400() {
    stubProject(json(400, """
        {"status":"FAILURE","code":"RESOURCE_NOT_FOUND_EXCEPTION","message":"Not found","correlationId":"c-2","errors":[]}"""));

    expectError(getProject(), NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void serviceThrottleIsTooManyRequestsAlthoughHarnessSays400() {
    stubProject(json(400, """
        {"status":"ERROR","code":"TOO_MANY_REQUESTS","message":"Too many requests"}"""));

    expectError(getProject(), TooManyRequestsException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @ParameterizedTest
  @CsvSource({"401,UnauthorizedException", "402,RequestFailedException", "403,ForbiddenException",
      "404,NotFoundException", "412,PreconditionFailedException", "429,TooManyRequestsException",
      "500,ServerErrorException", "504,ServerErrorException", "409,HarnessApiException"})
  void statusDecidesWhenTheCodeIsUnknown(int status, String type) {
    stubProject(json(status, "{\"status\":\"ERROR\",\"code\":\"SOME_FUTURE_CODE\",\"message\":\"m\"}"));

    expectError(getProject(), HarnessApiException.class, e -> {
      assertThat(e.getClass().getSimpleName()).isEqualTo(type);
      assertThat(e.errorCode()).isEqualTo("SOME_FUTURE_CODE");
      assertThat(e.isRetryable()).isEqualTo(status == 429 || status == 500 || status == 504);
    });
  }

  @Test
  void v1ErrorBody() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs/bad")).willReturn(json(400, """
        {"message":"Invalid request: org identifier is not valid","code":"INVALID_ARGUMENT",
         "errors":[{"field_name":"identifier","message":"must match a pattern"}],"error_metadata":null}""")));

    expectError(client.api(OrganizationsApi.class).call(api -> api.getOrganization("bad", null)), BadRequestException.class, e -> {
      assertThat(e.errorCode()).isEqualTo("INVALID_ARGUMENT");
      assertThat(e.fieldErrors()).containsExactly(new HarnessError.FieldError("identifier", "must match a pattern"));
    });
  }

  @Test
  void seiV1ErrorBody() {
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(json(500, """
        {"error":"INTERNAL_SERVER_ERROR","status":500,"message":"Unhandled exception during API invocation","timestamp":1700000000000}""")));

    expectError(client.api(CollectionCategoriesApi.class).call(api -> api.listCollectionCategories(new DefaultListRequest())),
        ServerErrorException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
          assertThat(e.error().message()).isEqualTo("Unhandled exception during API invocation");
          assertThat(e.isRetryable()).isTrue();
        });
  }

  @Test
  void seiV2ErrorBodies() {
    harness.stubFor(get(urlPathEqualTo("/v2/teams/7/team_info")).willReturn(json(404, """
        {"status":404,"error":"Not Found","message":"Team not found","errorId":"err-77"}""")));
    harness.stubFor(get(urlPathEqualTo("/v2/teams/8/team_info")).willReturn(json(400, """
        {"errorCode":"VALIDATION_FAILED","message":"Invalid input","requestId":"req-5","timestamp":"2026-01-01T00:00:00Z",
         "validationErrors":[{"field":"teamRefId","message":"must be positive","rejectedValue":-1}]}""")));
    harness.stubFor(get(urlPathEqualTo("/v2/teams/9/team_info")).willReturn(json(412, """
        {"status":412,"error":"Precondition Failed","message":"Complete the initial developer upload first","errorId":"err-9"}""")));

    expectError(client.api(TeamsApi.class).call(api -> api.getTeamInfo(7)), NotFoundException.class, e -> {
      assertThat(e.error().message()).isEqualTo("Team not found");
      assertThat(e.correlationId()).isEqualTo("err-77");
    });
    expectError(client.api(TeamsApi.class).call(api -> api.getTeamInfo(8)), BadRequestException.class, e -> {
      assertThat(e.errorCode()).isEqualTo("VALIDATION_FAILED");
      assertThat(e.correlationId()).isEqualTo("req-5");
      assertThat(e.fieldErrors()).containsExactly(new HarnessError.FieldError("teamRefId", "must be positive"));
    });
    expectError(client.api(TeamsApi.class).call(api -> api.getTeamInfo(9)), PreconditionFailedException.class,
        e -> assertThat(e.error().message()).contains("initial developer upload"));
  }

  @Test
  void htmlBadGatewayPage() {
    stubProject(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"));

    expectError(getProject(), ServerErrorException.class, e -> {
      assertThat(e.error().message()).contains("an HTML page").contains("502 Bad Gateway");
      assertThat(e.error().rawBody()).contains("<center>nginx</center>");
      assertThat(e.isRetryable()).isTrue();
    });
  }

  @Test
  void emptyServiceUnavailable() {
    stubProject(aResponse().withStatus(503));

    expectError(getProject(), ServerErrorException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.error().message()).isEqualTo("Service Unavailable (empty body)");
      assertThat(e.error().rawBody()).isEmpty();
    });
  }

  @Test
  void plainTextError() {
    stubProject(aResponse().withStatus(500).withHeader("Content-Type", "text/plain").withBody("upstream connect error\nmore"));

    expectError(getProject(), ServerErrorException.class, e -> assertThat(e.error().message()).isEqualTo("upstream connect error"));
  }

  @Test
  void truncatedJsonInASuccessIsATruncatedDecodeError() {
    stubProject(json(200, "{\"status\":\"SUCCESS\",\"data\":{\"project\":{\"identifier\":\"p1\",\"na"));

    expectError(getProject(), ResponseDecodeException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(e.isTruncated()).isTrue();
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.error().message()).contains("ends early");
      assertThat(e.error().rawBody()).startsWith("{\"status\":\"SUCCESS\"");
    });
  }

  @Test
  void wellFormedJsonOfTheWrongShapeIsANonRetryableDecodeError() {
    stubProject(json(200, "{\"status\":\"SUCCESS\",\"data\":[1,2,3]}"));

    expectError(getProject(), ResponseDecodeException.class, e -> {
      assertThat(e.isTruncated()).isFalse();
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.error().message()).contains("does not match");
    });
  }

  @Test
  void ngErrorInsideA200IsAnError() {
    stubProject(json(200, """
        {"status":"ERROR","code":"ENTITY_NOT_FOUND","message":"Project p1 not found","correlationId":"c-200"}"""));

    expectError(getProject(), NotFoundException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(e.correlationId()).isEqualTo("c-200");
    });
  }

  @Test
  void connectionResetIsAConnectionError() {
    stubProject(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    expectError(getProject(), HarnessConnectionException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void aMissingRequiredParameterFailsThroughOnErrorWithoutARequest() {
    Mono<?> call = client.api(ProjectsApi.class).call(api -> api.getProject(null, ACCOUNT, null));

    expectError(call, IllegalArgumentException.class, e -> assertThat(e).hasMessageContaining("identifier"));
    assertThat(harness.getAllServeEvents()).isEmpty();
  }

  @Test
  void rawBodyIsCapped() {
    stubProject(json(500, "{\"message\":\"" + "x".repeat(20_000) + "\"}"));

    expectError(getProject(), ServerErrorException.class,
        e -> assertThat(e.error().rawBody()).hasSizeLessThan(4200).endsWith("...(truncated)"));
  }

  @Test
  void theDeadlineBoundsTheWholeCall() {
    stubProject(json(200, TestHarness.ngProject("p1")).withFixedDelay(3_000));
    try (HarnessClient bounded = TestHarness.client(harness, ApiKeyCredential.of(PAT)).deadline(Duration.ofMillis(300)).build()) {
      expectError(bounded.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)),
          HarnessTimeoutException.class, e -> {
            assertThat(e.isDeadline()).isTrue();
            assertThat(e).hasMessageContaining("getProject").hasMessageContaining("PT0.3S");
          });
    }
  }

  @Test
  void theResponseTimeoutBoundsOneAttempt() {
    stubProject(json(200, TestHarness.ngProject("p1")).withFixedDelay(3_000));
    try (HarnessClient impatient = TestHarness.client(harness, ApiKeyCredential.of(PAT))
        .responseTimeout(Duration.ofMillis(200)).deadline(null).build()) {
      expectError(impatient.api(ProjectsApi.class).call(api -> api.getProject("p1", ACCOUNT, null)),
          HarnessTimeoutException.class, e -> {
            assertThat(e.isDeadline()).isFalse();
            assertThat(e.isRetryable()).isTrue();
          });
    }
  }

  @Test
  void anEmptyJsonErrorFallsBackToTheStatusReason() {
    harness.stubFor(get(urlPathMatching("/ng/api/projects/.*")).willReturn(json(404, "{}")));

    expectError(getProject(), NotFoundException.class, e -> assertThat(e.error().message()).isEqualTo("Not Found"));
  }
}
