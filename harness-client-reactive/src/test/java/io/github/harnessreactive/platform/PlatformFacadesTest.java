package io.github.harnessreactive.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorValidationResult;
import io.github.harnessreactive.generated.platform.ng.model.Organization;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.v1.model.ProjectRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The Platform facades against stubs that match the documented request and response bodies. */
class PlatformFacadesTest {

  static final String ACCOUNT = "acc0unt1D";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;
  private PlatformClient platform;

  @BeforeEach
  void setUp() {
    client = builder().credential(ApiKeyCredential.of(PAT)).build();
    platform = PlatformClient.of(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static HarnessClient.Builder builder() {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(harness.baseUrl())
        .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1))
            .withBurst(10_000)))
        .retryPolicy(RetryPolicy.none());
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, harness.baseUrl());
    }
    return builder;
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String ngData(String data) {
    return "{\"status\":\"SUCCESS\",\"data\":" + data + ",\"metaData\":null,\"correlationId\":\"c\"}";
  }

  private static final String PROJECT = """
      {"project":{"orgIdentifier":"default","identifier":"apisample","name":"APISample","color":"#0063F7",
       "modules":[],"description":"","tags":{}},"createdAt":1,"lastModifiedAt":2,"isFavorite":false}""";

  @Test
  void projectsRoundTrip() {
    harness.stubFor(post(urlPathEqualTo("/ng/api/projects")).willReturn(json(200, ngData(PROJECT))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/apisample")).willReturn(json(200, ngData(PROJECT))));
    harness.stubFor(put(urlPathEqualTo("/ng/api/projects/apisample")).willReturn(json(200, ngData(PROJECT))));
    harness.stubFor(delete(urlPathEqualTo("/ng/api/projects/apisample")).willReturn(json(200, ngData("true"))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).willReturn(json(200, ngData(
        "{\"totalPages\":1,\"totalItems\":1,\"pageIndex\":0,\"pageSize\":100,\"content\":[" + PROJECT + "]}"))));
    Project project = new Project().orgIdentifier("default").identifier("apisample").name("APISample").color("#0063F7")
        .modules(List.of()).description("").tags(Map.of());

    StepVerifier.create(platform.projects().create(project))
        .assertNext(created -> assertThat(created.getProject().getName()).isEqualTo("APISample")).verifyComplete();
    StepVerifier.create(platform.projects().get("default", "apisample"))
        .assertNext(got -> assertThat(got.getCreatedAt()).isEqualTo(1L)).verifyComplete();
    StepVerifier.create(platform.projects().update(project.description("changed"))).expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.projects().delete("default", "apisample")).expectNext(true).verifyComplete();
    StepVerifier.create(platform.projects().list("default").map(p -> p.getProject().getIdentifier()))
        .expectNext("apisample").verifyComplete();

    harness.verify(postRequestedFor(urlPathEqualTo("/ng/api/projects"))
        .withQueryParam("accountIdentifier", equalTo(ACCOUNT)).withQueryParam("orgIdentifier", equalTo("default"))
        .withHeader("x-api-key", equalTo(PAT))
        .withRequestBody(equalToJson("""
            {"project":{"orgIdentifier":"default","identifier":"apisample","name":"APISample","color":"#0063F7",
             "modules":[],"description":"","tags":{}}}""")));
    harness.verify(putRequestedFor(urlPathEqualTo("/ng/api/projects/apisample"))
        .withRequestBody(equalToJson("{\"project\":{\"description\":\"changed\"}}", true, true)));
    harness.verify(deleteRequestedFor(urlPathEqualTo("/ng/api/projects/apisample")).withQueryParam("orgIdentifier", equalTo("default")));
  }

  @Test
  void organizationsRoundTrip() {
    String org = "{\"organization\":{\"identifier\":\"eng\",\"name\":\"Engineering\"},\"createdAt\":1,\"lastModifiedAt\":1}";
    harness.stubFor(post(urlPathEqualTo("/ng/api/organizations")).willReturn(json(200, ngData(org))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/organizations/eng")).willReturn(json(200, ngData(org))));
    harness.stubFor(put(urlPathEqualTo("/ng/api/organizations/eng")).willReturn(json(200, ngData(org))));
    harness.stubFor(delete(urlPathEqualTo("/ng/api/organizations/eng")).willReturn(json(200, ngData("true"))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/organizations")).willReturn(json(200, ngData(
        "{\"totalPages\":1,\"totalItems\":1,\"pageIndex\":0,\"content\":[" + org + "]}"))));
    Organization engineering = new Organization().identifier("eng").name("Engineering");

    StepVerifier.create(platform.organizations().create(engineering)).expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.organizations().get("eng"))
        .assertNext(o -> assertThat(o.getOrganization().getName()).isEqualTo("Engineering")).verifyComplete();
    StepVerifier.create(platform.organizations().update("eng", engineering)).expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.organizations().delete("eng")).expectNext(true).verifyComplete();
    StepVerifier.create(platform.organizations().list()).expectNextCount(1).verifyComplete();

    harness.verify(postRequestedFor(urlPathEqualTo("/ng/api/organizations"))
        .withRequestBody(equalToJson("{\"organization\":{\"identifier\":\"eng\",\"name\":\"Engineering\"}}", true, true)));
  }

  @Test
  void connectorsRoundTripAndConnectionTest() {
    String connector = """
        {"connector":{"name":"dockerhub","identifier":"dockerhub","orgIdentifier":"default","projectIdentifier":"apisample",
         "type":"DockerRegistry","spec":{"dockerRegistryUrl":"https://index.docker.io/v2/"}},"createdAt":0,"harnessManaged":false}""";
    harness.stubFor(post(urlPathEqualTo("/ng/api/connectors")).willReturn(json(200, ngData(connector))));
    harness.stubFor(put(urlPathEqualTo("/ng/api/connectors")).willReturn(json(200, ngData(connector))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/connectors/dockerhub")).willReturn(json(200, ngData(connector))));
    harness.stubFor(delete(urlPathEqualTo("/ng/api/connectors/dockerhub")).willReturn(json(200, ngData("true"))));
    harness.stubFor(post(urlPathEqualTo("/ng/api/connectors/testConnection/dockerhub")).willReturn(json(200,
        ngData("{\"status\":\"SUCCESS\",\"errors\":[],\"testedAt\":1700000000000}"))));
    harness.stubFor(get(urlPathEqualTo("/ng/api/connectors")).willReturn(json(200, ngData(
        "{\"totalPages\":1,\"totalItems\":1,\"pageIndex\":0,\"content\":[" + connector + "]}"))));
    Scope scope = Scope.project("default", "apisample");
    ConnectorInfoDTO dockerhub = new ConnectorInfoDTO().name("dockerhub").identifier("dockerhub").orgIdentifier("default")
        .projectIdentifier("apisample").type("DockerRegistry").spec(Map.of("connectorType", "DockerConnector",
            "dockerRegistryUrl", "https://index.docker.io/v2/", "providerType", "DockerHub", "auth", Map.of("type", "Anonymous")));

    StepVerifier.create(platform.connectors().create(dockerhub))
        .assertNext(c -> assertThat(c.getConnector().getType()).isEqualTo("DockerRegistry")).verifyComplete();
    StepVerifier.create(platform.connectors().update(dockerhub)).expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.connectors().get(scope, "dockerhub")).expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.connectors().testConnection(scope, "dockerhub"))
        .assertNext(result -> assertThat(result.getStatus()).isEqualTo(ConnectorValidationResult.StatusEnum.SUCCESS))
        .verifyComplete();
    StepVerifier.create(platform.connectors().delete(scope, "dockerhub")).expectNext(true).verifyComplete();
    StepVerifier.create(platform.connectors().list(scope)).expectNextCount(1).verifyComplete();

    harness.verify(postRequestedFor(urlPathEqualTo("/ng/api/connectors")).withQueryParam("accountIdentifier", equalTo(ACCOUNT))
        .withRequestBody(equalToJson("""
            {"connector":{"name":"dockerhub","identifier":"dockerhub","orgIdentifier":"default","projectIdentifier":"apisample",
             "type":"DockerRegistry","spec":{"connectorType":"DockerConnector","dockerRegistryUrl":"https://index.docker.io/v2/",
             "providerType":"DockerHub","auth":{"type":"Anonymous"}}}}""", false, true)));
    harness.verify(postRequestedFor(urlPathEqualTo("/ng/api/connectors/testConnection/dockerhub"))
        .withQueryParam("orgIdentifier", equalTo("default")).withQueryParam("projectIdentifier", equalTo("apisample")));
  }

  @Test
  void pipelinesFromYamlListedReadUpdatedAndDeleted() {
    String yaml = "pipeline:\n  name: api example\n  identifier: api_example\n";
    harness.stubFor(post(urlPathEqualTo("/pipeline/api/pipelines/v2")).willReturn(json(200,
        ngData("{\"identifier\":\"api_example\",\"governanceMetadata\":{}}"))));
    harness.stubFor(post(urlPathEqualTo("/pipeline/api/pipelines/list")).willReturn(json(200, ngData("""
        {"content":[{"identifier":"api_example","name":"api example"}],"totalElements":1,"totalPages":1,"number":0,
         "size":100,"first":true,"last":true,"empty":false}"""))));
    String path = "/v1/orgs/default/projects/apisample/pipelines/api_example";
    harness.stubFor(get(urlPathEqualTo(path)).willReturn(json(200,
        "{\"pipeline_yaml\":\"" + yaml.replace("\n", "\\n") + "\",\"identifier\":\"api_example\",\"name\":\"api example\"}")));
    harness.stubFor(put(urlPathEqualTo(path)).willReturn(json(200, "{\"identifier\":\"api_example\"}")));
    harness.stubFor(delete(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));

    StepVerifier.create(platform.pipelines().createFromYaml("default", "apisample", yaml))
        .assertNext(saved -> assertThat(saved.getIdentifier()).isEqualTo("api_example")).verifyComplete();
    StepVerifier.create(platform.pipelines().list("default", "apisample").map(p -> p.getIdentifier()))
        .expectNext("api_example").verifyComplete();
    StepVerifier.create(platform.pipelines().get("default", "apisample", "api_example"))
        .assertNext(pipeline -> assertThat(pipeline.getPipelineYaml()).isEqualTo(yaml)).verifyComplete();
    StepVerifier.create(platform.pipelines().updateFromYaml("default", "apisample", "api_example", "api example", yaml))
        .expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.pipelines().delete("default", "apisample", "api_example")).verifyComplete();

    harness.verify(postRequestedFor(urlPathEqualTo("/pipeline/api/pipelines/v2"))
        .withHeader("Content-Type", equalTo("application/yaml")).withRequestBody(equalTo(yaml))
        .withQueryParam("accountIdentifier", equalTo(ACCOUNT)).withQueryParam("projectIdentifier", equalTo("apisample")));
    harness.verify(putRequestedFor(urlPathEqualTo(path)).withHeader("Harness-Account", equalTo(ACCOUNT))
        .withRequestBody(equalToJson("{\"pipeline_yaml\":\"" + yaml.replace("\n", "\\n")
            + "\",\"identifier\":\"api_example\",\"name\":\"api example\"}")));
    harness.verify(deleteRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void pipelineRunsAreStartedRerunAndRetried() {
    String base = "/v1/orgs/default/projects/apisample/pipelines/api_example/execute";
    String started = "{\"execution_details\":{\"execution_id\":\"run1\",\"status\":\"Running\"}}";
    harness.stubFor(post(urlPathEqualTo(base)).willReturn(json(200, started)));
    harness.stubFor(post(urlPathEqualTo(base + "/rerun/run1")).willReturn(json(200, started)));
    harness.stubFor(post(urlPathEqualTo(base + "/retry/run1")).willReturn(json(200, started)));

    StepVerifier.create(platform.executions().run("default", "apisample", "api_example", "pipeline:\n  variables: []\n"))
        .assertNext(run -> assertThat(run.getExecutionDetails().getExecutionId()).isEqualTo("run1")).verifyComplete();
    StepVerifier.create(platform.executions().rerun("default", "apisample", "api_example", "run1", null))
        .expectNextCount(1).verifyComplete();
    StepVerifier.create(platform.executions().retry("default", "apisample", "api_example", "run1"))
        .expectNextCount(1).verifyComplete();

    harness.verify(postRequestedFor(urlPathEqualTo(base)).withHeader("Harness-Account", equalTo(ACCOUNT))
        .withRequestBody(equalToJson("{\"inputs_yaml\":\"pipeline:\\n  variables: []\\n\"}")));
    harness.verify(postRequestedFor(urlPathEqualTo(base + "/rerun/run1")));
    harness.verify(postRequestedFor(urlPathEqualTo(base + "/retry/run1")));
  }

  @Test
  void v1OrganizationsAndProjectsArePagedByHeaders() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs")).withQueryParam("page", equalTo("0")).willReturn(json(200,
        "[{\"org\":{\"identifier\":\"o1\",\"name\":\"O1\"}}]").withHeader("X-Total-Elements", "1")));
    harness.stubFor(get(urlPathEqualTo("/v1/orgs/o1/projects")).withQueryParam("page", equalTo("0")).willReturn(json(200,
        "[{\"project\":{\"identifier\":\"p1\",\"name\":\"P1\",\"org\":\"o1\"}}]").withHeader("X-Total-Elements", "1")));
    harness.stubFor(post(urlPathEqualTo("/v1/orgs/o1/projects")).willReturn(json(201,
        "{\"project\":{\"identifier\":\"p2\",\"name\":\"P2\",\"org\":\"o1\"}}")));

    StepVerifier.create(platform.v1().organizations().list().map(o -> o.getOrg().getIdentifier())).expectNext("o1").verifyComplete();
    StepVerifier.create(platform.v1().projects().list("o1").map(p -> p.getProject().getIdentifier())).expectNext("p1").verifyComplete();
    StepVerifier.create(platform.v1().projects().create("o1", new ProjectRequest().identifier("p2").name("P2")))
        .assertNext(p -> assertThat(p.getProject().getIdentifier()).isEqualTo("p2")).verifyComplete();

    harness.verify(postRequestedFor(urlPathEqualTo("/v1/orgs/o1/projects"))
        .withRequestBody(equalToJson("{\"project\":{\"identifier\":\"p2\",\"name\":\"P2\"}}", false, true)));
  }

  @Test
  void withoutAnAccountThePlatformCallsFailThroughOnError() {
    try (HarnessClient seiOnly = builder().credential(SeiApiKeyCredential.of("seiKey123456")).build()) {
      StepVerifier.create(PlatformClient.of(seiOnly).projects().get("default", "p"))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("account id"))
          .verify(TIMEOUT);
    }
    assertThat(harness.getAllServeEvents()).isEmpty();
  }
}
