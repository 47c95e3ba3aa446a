package io.github.harnessreactive.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.Organization;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.v1.model.ProjectRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact request every Platform facade method sends: method, path and every query parameter
 * with its value, the credential and account headers, and the body. Each argument gets its own
 * value, so generated parameters of the same type that swap places (a source reordering them, or
 * making one required) cannot pass unnoticed.
 */
class PlatformFacadeWireRequestsTest {

  static final String ACCOUNT = "acc0unt1D";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  static final String ACC = "accountIdentifier=" + ACCOUNT;

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;
  private PlatformClient platform;

  @BeforeEach
  void setUp() {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(harness.baseUrl()).credential(ApiKeyCredential.of(PAT))
        .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1))
            .withBurst(10_000)))
        .retryPolicy(RetryPolicy.none());
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, harness.baseUrl());
    }
    client = builder.build();
    platform = PlatformClient.of(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void organizations() {
    Organizations organizations = platform.organizations();
    String org = "{\"organization\":{\"identifier\":\"o1\",\"name\":\"One\"}}";
    Organization one = new Organization().identifier("o1").name("One");

    expect(organizations.list(), ng(NG_PAGE), "GET /ng/api/organizations?" + ACC + "&pageIndex=0&pageSize=100", null);
    expect(organizations.list("s1"), ng(NG_PAGE),
        "GET /ng/api/organizations?" + ACC + "&pageIndex=0&pageSize=100&searchTerm=s1", null);
    expect(organizations.get("o1"), ng(org), "GET /ng/api/organizations/o1?" + ACC, null);
    expect(organizations.create(one), ng(org), "POST /ng/api/organizations?" + ACC, org);
    expect(organizations.update("o1", one), ng(org), "PUT /ng/api/organizations/o1?" + ACC, org);
    expect(organizations.delete("o1"), ng("true"), "DELETE /ng/api/organizations/o1?" + ACC, null);
  }

  @Test
  void projects() {
    Projects projects = platform.projects();
    Project p1 = new Project().orgIdentifier("o1").identifier("p1").name("One");
    String project = "{\"project\":{\"orgIdentifier\":\"o1\",\"identifier\":\"p1\",\"name\":\"One\"}}";

    expect(projects.list("o1"), ng(NG_PAGE),
        "GET /ng/api/projects?" + ACC + "&orgIdentifier=o1&pageIndex=0&pageSize=100", null);
    expect(projects.get("o1", "p1"), ng(project), "GET /ng/api/projects/p1?" + ACC + "&orgIdentifier=o1", null);
    expect(projects.create(p1), ng(project), "POST /ng/api/projects?" + ACC + "&orgIdentifier=o1", project);
    expect(projects.update(p1), ng(project), "PUT /ng/api/projects/p1?" + ACC + "&orgIdentifier=o1", project);
    expect(projects.delete("o1", "p1"), ng("true"), "DELETE /ng/api/projects/p1?" + ACC + "&orgIdentifier=o1", null);
  }

  @Test
  void connectors() {
    Connectors connectors = platform.connectors();
    Scope scope = Scope.project("o1", "p1");
    String scoped = ACC + "&orgIdentifier=o1&projectIdentifier=p1";
    ConnectorInfoDTO c1 = new ConnectorInfoDTO().identifier("c1").name("One").orgIdentifier("o1")
        .projectIdentifier("p1").type("DockerRegistry").spec(Map.of("dockerRegistryUrl", "https://r1"));
    String connector = "{\"connector\":{\"identifier\":\"c1\",\"name\":\"One\",\"orgIdentifier\":\"o1\","
        + "\"projectIdentifier\":\"p1\",\"type\":\"DockerRegistry\",\"spec\":{\"dockerRegistryUrl\":\"https://r1\"}}}";

    expect(connectors.list(scope), ng(NG_PAGE),
        "GET /ng/api/connectors?" + ACC + "&orgIdentifier=o1&pageIndex=0&pageSize=100&projectIdentifier=p1", null);
    expect(connectors.get(scope, "c1"), ng(connector), "GET /ng/api/connectors/c1?" + scoped, null);
    expect(connectors.create(c1), ng(connector), "POST /ng/api/connectors?" + ACC, connector);
    expect(connectors.update(c1), ng(connector), "PUT /ng/api/connectors?" + ACC, connector);
    expect(connectors.delete(scope, "c1"), ng("true"), "DELETE /ng/api/connectors/c1?" + scoped, null);
    expect(connectors.testConnection(scope, "c1"), ng("{\"status\":\"SUCCESS\"}"),
        "POST /ng/api/connectors/testConnection/c1?" + scoped, null);
  }

  @Test
  void pipelines() {
    Pipelines pipelines = platform.pipelines();
    String yaml = "pipeline:\n  identifier: pl1\n";
    String v1 = "/v1/orgs/o1/projects/p1/pipelines/pl1";

    LoggedRequest created = expect(pipelines.createFromYaml("o1", "p1", yaml), ng("{\"identifier\":\"pl1\"}"),
        "POST /pipeline/api/pipelines/v2?" + ACC + "&orgIdentifier=o1&projectIdentifier=p1", "");
    assertThat(created.getBodyAsString()).isEqualTo(yaml);
    assertThat(created.getHeader("Content-Type")).startsWith("application/yaml");
    expect(pipelines.list("o1", "p1"), ng(SPRING_PAGE),
        "POST /pipeline/api/pipelines/list?" + ACC + "&orgIdentifier=o1&page=0&projectIdentifier=p1&size=100", null);
    expect(pipelines.get("o1", "p1", "pl1"), json("{\"identifier\":\"pl1\"}"), "GET " + v1, null);
    expect(pipelines.updateFromYaml("o1", "p1", "pl1", "One", yaml), json("{\"identifier\":\"pl1\"}"), "PUT " + v1,
        "{\"identifier\":\"pl1\",\"name\":\"One\",\"pipeline_yaml\":\"pipeline:\\n  identifier: pl1\\n\"}");
    expect(pipelines.delete("o1", "p1", "pl1"), aResponse().withStatus(204), "DELETE " + v1, null);
  }

  @Test
  void pipelineExecutions() {
    PipelineExecutions executions = platform.executions();
    String base = "/v1/orgs/o1/projects/p1/pipelines/pl1/execute";
    String started = "{\"execution_details\":{\"execution_id\":\"e1\"}}";

    expect(executions.run("o1", "p1", "pl1", "inputs: 1\n"), json(started), "POST " + base,
        "{\"inputs_yaml\":\"inputs: 1\\n\"}");
    expect(executions.rerun("o1", "p1", "pl1", "e1", "inputs: 2\n"), json(started), "POST " + base + "/rerun/e1",
        "{\"inputs_yaml\":\"inputs: 2\\n\"}");
    expect(executions.retry("o1", "p1", "pl1", "e1"), json(started), "POST " + base + "/retry/e1", "{}");
  }

  @Test
  void v1OrganizationsAndProjects() {
    PlatformClient.V1 v1 = platform.v1();
    io.github.harnessreactive.generated.platform.v1.model.Organization o1 =
        new io.github.harnessreactive.generated.platform.v1.model.Organization().identifier("o1").name("One");
    String org = "{\"org\":{\"identifier\":\"o1\",\"name\":\"One\"}}";
    ProjectRequest p1 = new ProjectRequest().identifier("p1").name("One");
    String project = "{\"project\":{\"identifier\":\"p1\",\"name\":\"One\"}}";

    expect(v1.organizations().list(), json("[]"), "GET /v1/orgs?limit=1000&page=0", null);
    expect(v1.organizations().list("s1"), json("[]"), "GET /v1/orgs?limit=1000&page=0&search_term=s1", null);
    expect(v1.organizations().get("o1"), json(org), "GET /v1/orgs/o1", null);
    expect(v1.organizations().create(o1), json(org), "POST /v1/orgs", org);
    expect(v1.organizations().update(o1), json(org), "PUT /v1/orgs/o1", org);
    expect(v1.organizations().delete("o1"), json(org), "DELETE /v1/orgs/o1", null);
    expect(v1.projects().list("o1"), json("[]"), "GET /v1/orgs/o1/projects?limit=1000&page=0", null);
    expect(v1.projects().get("o1", "p1"), json(project), "GET /v1/orgs/o1/projects/p1", null);
    expect(v1.projects().create("o1", p1), json(project), "POST /v1/orgs/o1/projects", project);
    expect(v1.projects().update("o1", p1), json(project), "PUT /v1/orgs/o1/projects/p1", project);
    expect(v1.projects().delete("o1", "p1"), json(project), "DELETE /v1/orgs/o1/projects/p1", null);
  }

  private static final String NG_PAGE =
      "{\"content\":[],\"totalPages\":0,\"totalItems\":0,\"pageIndex\":0,\"pageSize\":100,\"empty\":true}";
  private static final String SPRING_PAGE = "{\"content\":[],\"totalElements\":0,\"totalPages\":0,\"number\":0,"
      + "\"size\":100,\"first\":true,\"last\":true,\"empty\":true}";

  /**
   * Runs a facade call against a server that answers {@code answer} to anything, and checks the one
   * request it made.
   *
   * @param line {@code METHOD /path?query}, the query parameters sorted by name
   * @param body the JSON body expected (compared as JSON), "" to check it elsewhere, null for none
   */
  private static LoggedRequest expect(Publisher<?> call, ResponseDefinitionBuilder answer, String line, String body) {
    harness.resetAll();
    harness.stubFor(any(anyUrl()).willReturn(answer));
    StepVerifier.create(Flux.from(call)).thenConsumeWhile(item -> true).expectComplete().verify(Duration.ofSeconds(10));
    List<LoggedRequest> requests = harness.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).as("requests for %s", line).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(line(request)).isEqualTo(line);
    assertThat(request.getHeader("x-api-key")).as("credential").isEqualTo(PAT);
    assertThat(request.getHeader("Harness-Account")).as("account header").isEqualTo(ACCOUNT);
    if (body == null) {
      assertThat(request.getBodyAsString()).as("body of %s", line).isEmpty();
    } else if (!body.isEmpty()) {
      JsonMapper mapper = JsonMapper.builder().build();
      assertThat(mapper.readTree(request.getBodyAsString())).as("body of %s", line).isEqualTo(mapper.readTree(body));
    }
    return request;
  }

  /** The request as {@code METHOD /path?a=1&b=2}, query parameters decoded and sorted. */
  private static String line(LoggedRequest request) {
    URI uri = URI.create(request.getUrl());
    String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> URLDecoder.decode(pair, UTF_8)).sorted().collect(Collectors.joining("&", "?", ""));
    return request.getMethod() + " " + uri.getRawPath() + query;
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder ng(String data) {
    return json("{\"status\":\"SUCCESS\",\"data\":" + data + ",\"correlationId\":\"c\"}");
  }
}
