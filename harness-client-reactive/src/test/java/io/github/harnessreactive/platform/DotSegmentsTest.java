package io.github.harnessreactive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.model.Organization;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.v1.api.PipelinesApi;
import io.github.harnessreactive.generated.platform.v1.model.ProjectRequest;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * H1: an identifier of {@code .} or {@code ..} never becomes a path segment. Every facade method
 * that puts a value into a path or a query refuses it before any request, naming the parameter;
 * through the escape hatch, the last per-attempt filter refuses the path. The server records raw
 * request targets (Reactor Netty's server normalises nothing), so a segment that reached it would show.
 */
class DotSegmentsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();
  private static DisposableServer server;

  private HarnessClient client;
  private PlatformClient platform;

  @BeforeAll
  static void startServer() {
    server = HttpServer.create().host("127.0.0.1").port(0)
        .handle((request, response) -> {
          RECEIVED.add(request.method() + " " + request.uri());
          return response.header("Content-Type", "application/json").sendString(Mono.just("{}"));
        })
        .bindNow();
  }

  @AfterAll
  static void stopServer() {
    server.disposeNow();
  }

  @BeforeEach
  void setUp() {
    RECEIVED.clear();
    String base = "http://127.0.0.1:" + server.port();
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(base).credential(ApiKeyCredential.of(TestHarness.PAT))
        .rateLimiter(TestHarness.unlimited());
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, base);
    }
    client = builder.build();
    platform = PlatformClient.of(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** A facade call given a hostile value, and the parameter the refusal must name. */
  private static Arguments call(String name, String parameter, Function<PlatformClient, Publisher<?>> call) {
    return Arguments.of(Named.of(name, call), parameter);
  }

  static Stream<Arguments> facadeCalls() {
    String dots = "..";
    return Stream.of(
        call("organizations().get", "identifier", p -> p.organizations().get(dots)),
        call("organizations().update", "identifier", p -> p.organizations().update(dots, new Organization())),
        call("organizations().delete", "identifier", p -> p.organizations().delete(".")),
        call("projects().list", "orgIdentifier", p -> p.projects().list(dots)),
        call("projects().get", "identifier", p -> p.projects().get("default", dots)),
        call("projects().get (org)", "orgIdentifier", p -> p.projects().get(dots, "p1")),
        call("projects().create", "project.orgIdentifier", p -> p.projects().create(new Project().orgIdentifier(dots).identifier("p1"))),
        call("projects().update", "project.identifier", p -> p.projects().update(new Project().orgIdentifier("o").identifier(dots))),
        call("projects().delete", "identifier", p -> p.projects().delete("default", "%2e%2e")),
        call("connectors().get", "identifier", p -> p.connectors().get(Scope.account(), dots)),
        call("connectors().delete", "identifier", p -> p.connectors().delete(Scope.account(), dots)),
        call("connectors().testConnection", "identifier", p -> p.connectors().testConnection(Scope.account(), dots)),
        call("Scope.project", "projectIdentifier", p -> p.connectors().list(Scope.project("o", dots))),
        call("pipelines().createFromYaml", "projectIdentifier", p -> p.pipelines().createFromYaml("o", dots, "pipeline: {}")),
        call("pipelines().list", "orgIdentifier", p -> p.pipelines().list(dots, "p")),
        call("pipelines().get", "pipeline", p -> p.pipelines().get("o", "p", dots)),
        call("pipelines().updateFromYaml", "pipeline", p -> p.pipelines().updateFromYaml("o", "p", dots, "n", "pipeline: {}")),
        call("pipelines().delete", "pipeline", p -> p.pipelines().delete("o", "p", dots)),
        call("pipelines().delete (project)", "projectIdentifier", p -> p.pipelines().delete("o", dots, "x")),
        call("executions().run", "pipeline", p -> p.executions().run("o", "p", dots, null)),
        call("executions().rerun", "executionId", p -> p.executions().rerun("o", "p", "x", dots, null)),
        call("executions().retry", "executionId", p -> p.executions().retry("o", "p", "x", ".")),
        call("v1().organizations().get", "org", p -> p.v1().organizations().get(dots)),
        call("v1().organizations().update", "organization.identifier", p -> p.v1().organizations()
            .update(new io.github.harnessreactive.generated.platform.v1.model.Organization().identifier(dots))),
        call("v1().organizations().delete", "org", p -> p.v1().organizations().delete(dots)),
        call("v1().projects().list", "org", p -> p.v1().projects().list(dots)),
        call("v1().projects().get", "project", p -> p.v1().projects().get("o", dots)),
        call("v1().projects().create", "org", p -> p.v1().projects().create(dots, new ProjectRequest().identifier("p"))),
        call("v1().projects().update", "project.identifier", p -> p.v1().projects().update("o", new ProjectRequest().identifier(dots))),
        call("v1().projects().delete", "project", p -> p.v1().projects().delete("o", dots)));
  }

  @ParameterizedTest
  @MethodSource("facadeCalls")
  void everyFacadeRefusesADotIdentifierBeforeAnyRequest(Function<PlatformClient, Publisher<?>> call, String parameter) {
    Throwable refused = catchThrowable(() -> Flux.from(call.apply(platform)).then().block(TIMEOUT));

    assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(parameter + " ");
    assertThat(RECEIVED).as("requests that reached the server").isEmpty();
  }

  @Test
  void theEscapeHatchCannotSendADotSegmentEither() {
    var pipelines = client.api(PipelinesApi.class);
    for (String value : List.of("..", ".", "%2e%2E", ".%2e")) {
      Throwable refused = catchThrowable(() -> pipelines.call(api -> api.deletePipeline("o", "p", value, TestHarness.ACCOUNT))
          .block(TIMEOUT));
      assertThat(refused).as(value).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..' path segment");
    }
    Throwable viaBasePath = catchThrowable(() -> pipelines.call(api -> {
      api.getApiClient().setBasePath("http://127.0.0.1:" + server.port() + "/v1/orgs/o/projects/p/..");
      return api.getPipeline("o", "p", "x", TestHarness.ACCOUNT, null, null, null, null);
    }).block(TIMEOUT));

    assertThat(viaBasePath).isInstanceOf(IllegalArgumentException.class);
    assertThat(RECEIVED).as("requests that reached the server").isEmpty();
  }

  @Test
  void aWellFormedIdentifierStillGoesThrough() {
    Flux.from(platform.pipelines().delete("o", "p", "my_pipeline$1")).then().block(TIMEOUT);

    assertThat(RECEIVED).containsExactly("DELETE /v1/orgs/o/projects/p/pipelines/my_pipeline%241");
  }
}
