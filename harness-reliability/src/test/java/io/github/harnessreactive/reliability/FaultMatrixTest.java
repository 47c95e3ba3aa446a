package io.github.harnessreactive.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.platform.PlatformClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Each transport and server fault, on the second page of a three-page listing: once (the listing
 * completes with every item exactly once) and for good (the items before it arrive, then the
 * documented typed error, after a bounded number of attempts). After every scenario the connection
 * pool is back to zero and Netty reports no leak.
 */
@Order(2)
class FaultMatrixTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final List<String> ALL = IntStream.range(0, 6).mapToObj(i -> "p" + i).toList();
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  /** Requests the client has sent, counted as they are sent: final once a stream has been cancelled. */
  private final AtomicInteger sent = new AtomicInteger();
  private HarnessClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.countingClient(harness.baseUrl(), sent);
    stubPage(0, ok(0));
    stubPage(2, ok(2));
  }

  @AfterEach
  void tearDown() {
    Fixtures.assertNothingLeaked(client);
    client.close();
  }

  /**
   * A fault: how the server misbehaves, the typed error it becomes, and whether a listing (a GET,
   * safe to repeat) retries it.
   */
  record FaultCase(String name, Supplier<ResponseDefinitionBuilder> response, Class<? extends HarnessException> error,
      boolean retried) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<FaultCase> faults() {
    return Stream.of(
        new FaultCase("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            HarnessConnectionException.class, true),
        new FaultCase("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE), HarnessConnectionException.class, true),
        // the status line arrived and the body broke off: a truncated body, retried like one
        new FaultCase("malformed chunk", () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
            ResponseDecodeException.class, true),
        new FaultCase("random data then close", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
            HarnessConnectionException.class, true),
        new FaultCase("slow response past the timeout", () -> ok(1).withFixedDelay(2_000), HarnessTimeoutException.class, true),
        new FaultCase("429", () -> json(429, "{\"status\":\"ERROR\",\"code\":\"TOO_MANY_REQUESTS\"}"),
            TooManyRequestsException.class, true),
        new FaultCase("500", () -> json(500, "{\"status\":\"ERROR\",\"code\":\"UNEXPECTED\",\"message\":\"boom\"}"),
            ServerErrorException.class, true),
        new FaultCase("501", () -> json(501, "{\"status\":\"ERROR\",\"message\":\"not implemented\"}"),
            ServerErrorException.class, false),
        new FaultCase("502", () -> json(502, ""), ServerErrorException.class, true),
        new FaultCase("503", () -> json(503, ""), ServerErrorException.class, true),
        new FaultCase("504", () -> json(504, ""), ServerErrorException.class, true),
        new FaultCase("HTML 502", () -> aResponse().withStatus(502).withHeader("Content-Type", "text/html")
            .withBody("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"),
            ServerErrorException.class, true),
        new FaultCase("truncated JSON", () -> json(200, page(1).substring(0, page(1).length() / 2)),
            ResponseDecodeException.class, true));
  }

  @ParameterizedTest(name = "{0} once")
  @MethodSource("faults")
  void aFaultThatPassesEndsWithEveryItemExactlyOnce(FaultCase fault) {
    failThenRecover(1, fault.response().get());

    if (fault.retried()) {
      StepVerifier.create(identifiers()).expectNextSequence(ALL).expectComplete().verify(DEADLINE);
      assertThat(requestsFor(1)).isEqualTo(2);
    } else {
      StepVerifier.create(identifiers()).expectNext("p0", "p1").expectErrorSatisfies(e -> assertTyped(e, fault))
          .verify(DEADLINE);
      assertThat(requestsFor(1)).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0} for good")
  @MethodSource("faults")
  void aFaultThatStaysEndsWithItsTypedErrorAfterBoundedAttempts(FaultCase fault) {
    stubPage(1, fault.response().get());

    StepVerifier.create(identifiers()).expectNext("p0", "p1").expectErrorSatisfies(e -> assertTyped(e, fault))
        .verify(DEADLINE);
    assertThat(requestsFor(1)).isEqualTo(fault.retried() ? Fixtures.MAX_ATTEMPTS : 1);
    assertThat(requestsFor(2)).isZero();
  }

  @Test
  void aStormOf429sIsRiddenOut() {
    failThenRecover(Fixtures.MAX_ATTEMPTS - 1, json(429, ""));

    StepVerifier.create(identifiers()).expectNextSequence(ALL).expectComplete().verify(DEADLINE);
    assertThat(requestsFor(1)).isEqualTo(Fixtures.MAX_ATTEMPTS);
  }

  @Test
  void cancellingWhileAPageIsInFlightStopsRequestsAndFreesTheConnection() {
    stubPage(1, ok(1).withFixedDelay(400));

    // lookahead 1: once the first item is out, page 1 goes on the wire; the consumer cancels while
    // the server holds it. The poll waits for that request to be sent (the wait is the point).
    StepVerifier.create(identifiers(), 1)
        .expectNext("p0")
        .then(() -> Fixtures.awaitAtLeast(sent, 2))
        .thenCancel()
        .verify(DEADLINE);
    assertThat(sent).hasValue(2); // pages 0 and 1; nothing after the cancel
  }

  @Test
  void cancellingBeforeTheFirstPageAnswersFreesTheConnection() {
    stubPage(0, ok(0).withFixedDelay(400));

    // The wait is the point: the request must be on the wire, held by the server, when the cancel comes.
    StepVerifier.create(identifiers()).thenAwait(Duration.ofMillis(100)).thenCancel().verify(DEADLINE);
    assertThat(sent).hasValue(1);
  }

  private Flux<String> identifiers() {
    PagedFlux<ProjectResponse> projects = PlatformClient.of(client).projects().list("default").withPageSize(2);
    return projects.map(p -> p.getProject().getIdentifier());
  }

  private static void assertTyped(Throwable failure, FaultCase fault) {
    Fixtures.record(failure);
    assertThat(failure).isInstanceOf(fault.error());
    assertThat(failure.getMessage()).contains("GET ", "/ng/api/projects").doesNotContain("<html", "<body");
    if (failure instanceof ServerErrorException server) {
      assertThat(fault.name()).contains(Integer.toString(server.statusCode()));
    }
  }

  private static int requestsFor(int index) {
    return harness.findAll(getRequestedFor(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + index)))
        .size();
  }

  private static void failThenRecover(int failures, ResponseDefinitionBuilder fault) {
    for (int i = 0; i < failures; i++) {
      harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("1"))
          .inScenario("page 1").whenScenarioStateIs(i == 0 ? STARTED : "failed " + i).willSetStateTo("failed " + (i + 1))
          .willReturn(fault));
    }
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("1"))
        .inScenario("page 1").whenScenarioStateIs("failed " + failures).willReturn(ok(1)));
  }

  private static void stubPage(int index, ResponseDefinitionBuilder response) {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + index))
        .willReturn(response));
  }

  private static ResponseDefinitionBuilder ok(int index) {
    return json(200, page(index));
  }

  static String page(int index) {
    return """
        {"status":"SUCCESS","data":{"totalItems":6,"totalPages":3,"pageIndex":%d,"pageSize":2,"content":[\
        {"project":{"identifier":"p%d","orgIdentifier":"default","name":"Project %d"}},\
        {"project":{"identifier":"p%d","orgIdentifier":"default","name":"Project %d"}}]}}"""
        .formatted(index, 2 * index, 2 * index, 2 * index + 1, 2 * index + 1);
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
