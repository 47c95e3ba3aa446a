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
import io.github.harnessreactive.generated.platform.ng.model.AddUsersDTO;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.EnvironmentRequestDTO;
import io.github.harnessreactive.generated.platform.ng.model.InfrastructureRequest;
import io.github.harnessreactive.generated.platform.ng.model.Organization;
import io.github.harnessreactive.generated.platform.ng.model.PipelineExecutionFilterProperties;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.ng.model.ServiceAccountDTO;
import io.github.harnessreactive.generated.platform.ng.model.ServiceRequestDTO;
import io.github.harnessreactive.generated.platform.ng.model.UserGroupDTO;
import io.github.harnessreactive.generated.platform.v1.model.ProjectRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.Instant;
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

  @Test
  void secrets() {
    Secrets secrets = platform.secrets();
    Scope scope = Scope.project("o1", "p1");
    String scoped = ACC + "&orgIdentifier=o1&projectIdentifier=p1";
    String secret = "{\"secret\":{\"type\":\"SecretText\",\"identifier\":\"s1\",\"name\":\"One\",\"orgIdentifier\":\"o1\","
        + "\"projectIdentifier\":\"p1\",\"spec\":{\"secretManagerIdentifier\":\"harnessSecretManager\","
        + "\"valueType\":\"Inline\",\"value\":\"v4lue\"}}}";

    expect(secrets.list(scope), ng(NG_PAGE), "GET /ng/api/v2/secrets?" + scoped + "&pageIndex=0&pageSize=100", null);
    expect(secrets.get(scope, "s1"), ng(secret), "GET /ng/api/v2/secrets/s1?" + scoped, null);
    expect(secrets.create(Secrets.inlineText(scope, "s1", "One", "v4lue")), ng(secret), "POST /ng/api/v2/secrets?" + scoped,
        secret);
    expect(secrets.update(Secrets.inlineText(scope, "s1", "One", "v4lue")), ng(secret), "PUT /ng/api/v2/secrets/s1?" + scoped,
        secret);
    expect(secrets.delete(scope, "s1"), ng("true"), "DELETE /ng/api/v2/secrets/s1?" + scoped, null);
    expect(secrets.isIdentifierUnique(scope, "s1"), ng("true"),
        "GET /ng/api/v2/secrets/validateUniqueIdentifier/s1?" + scoped, null);
  }

  @Test
  void servicesAndEnvironments() {
    Scope scope = Scope.project("o1", "p1");
    String scoped = ACC + "&orgIdentifier=o1&projectIdentifier=p1";
    String service = "{\"identifier\":\"sv1\",\"orgIdentifier\":\"o1\",\"projectIdentifier\":\"p1\",\"name\":\"One\","
        + "\"yaml\":\"service: {}\"}";
    ServiceRequestDTO sv1 = new ServiceRequestDTO().identifier("sv1").orgIdentifier("o1").projectIdentifier("p1").name("One")
        .yaml("service: {}");

    expect(platform.services().list(scope), ng(NG_PAGE), "GET /ng/api/servicesV2?" + scoped + "&page=0&size=100", null);
    expect(platform.services().get(scope, "sv1"), ng("{}"), "GET /ng/api/servicesV2/sv1?" + scoped, null);
    expect(platform.services().create(sv1), ng("{}"), "POST /ng/api/servicesV2?" + ACC, service);
    expect(platform.services().update(sv1), ng("{}"), "PUT /ng/api/servicesV2?" + ACC, service);
    expect(platform.services().upsert(sv1), ng("{}"), "PUT /ng/api/servicesV2/upsert?" + ACC, service);
    expect(platform.services().delete(scope, "sv1"), ng("true"), "DELETE /ng/api/servicesV2/sv1?" + scoped, null);

    EnvironmentRequestDTO e1 = new EnvironmentRequestDTO().identifier("e1").orgIdentifier("o1").projectIdentifier("p1")
        .name("One").type(EnvironmentRequestDTO.TypeEnum.PRODUCTION);
    String environment = "{\"identifier\":\"e1\",\"orgIdentifier\":\"o1\",\"projectIdentifier\":\"p1\",\"name\":\"One\","
        + "\"type\":\"Production\"}";
    expect(platform.environments().list(scope), ng(NG_PAGE), "GET /ng/api/environmentsV2?" + scoped + "&page=0&size=100", null);
    expect(platform.environments().get(scope, "e1"), ng("{}"), "GET /ng/api/environmentsV2/e1?" + scoped, null);
    expect(platform.environments().create(e1), ng("{}"), "POST /ng/api/environmentsV2?" + ACC, environment);
    expect(platform.environments().update(e1), ng("{}"), "PUT /ng/api/environmentsV2?" + ACC, environment);
    expect(platform.environments().upsert(e1), ng("{}"), "PUT /ng/api/environmentsV2/upsert?" + ACC, environment);
    expect(platform.environments().delete(scope, "e1"), ng("true"), "DELETE /ng/api/environmentsV2/e1?" + scoped, null);
  }

  @Test
  void infrastructures() {
    Infrastructures infrastructures = platform.infrastructures();
    Scope scope = Scope.project("o1", "p1");
    String scoped = ACC + "&environmentIdentifier=e1&orgIdentifier=o1&projectIdentifier=p1";
    InfrastructureRequest i1 = new InfrastructureRequest().identifier("i1").environmentRef("e1").orgIdentifier("o1")
        .projectIdentifier("p1").yaml("infrastructureDefinition: {}");
    String infrastructure = "{\"identifier\":\"i1\",\"environmentRef\":\"e1\",\"orgIdentifier\":\"o1\","
        + "\"projectIdentifier\":\"p1\",\"yaml\":\"infrastructureDefinition: {}\"}";

    expect(infrastructures.list(scope, "e1"), ng(NG_PAGE), "GET /ng/api/infrastructures?" + scoped + "&page=0&size=100", null);
    expect(infrastructures.get(scope, "e1", "i1"), ng("{}"), "GET /ng/api/infrastructures/i1?" + scoped, null);
    expect(infrastructures.create(i1), ng("{}"), "POST /ng/api/infrastructures?" + ACC, infrastructure);
    expect(infrastructures.update(i1), ng("{}"), "PUT /ng/api/infrastructures?" + ACC, infrastructure);
    expect(infrastructures.delete(scope, "e1", "i1"), ng("true"), "DELETE /ng/api/infrastructures/i1?" + scoped, null);
  }

  @Test
  void usersAndUserGroups() {
    Scope scope = Scope.org("o1");
    String scoped = ACC + "&orgIdentifier=o1";
    expect(platform.users().list(scope), ng(NG_PAGE), "POST /ng/api/user/aggregate?" + scoped + "&pageIndex=0&pageSize=100",
        "{}");
    expect(platform.users().get(scope, "u1"), ng("{}"), "GET /ng/api/user/aggregate/u1?" + scoped, null);
    expect(platform.users().current(), ng("{}"), "GET /ng/api/user/currentUser?" + ACC, null);
    expect(platform.users().add(scope, new AddUsersDTO().emails(List.of("a@example.com"))), ng("{}"),
        "POST /ng/api/user/users?" + scoped, "{\"emails\":[\"a@example.com\"]}");
    expect(platform.users().remove(scope, "u1"), ng("true"), "DELETE /ng/api/user/u1?" + scoped, null);

    UserGroups groups = platform.userGroups();
    UserGroupDTO g1 = new UserGroupDTO().identifier("g1").name("One").orgIdentifier("o1");
    String group = "{\"identifier\":\"g1\",\"name\":\"One\",\"orgIdentifier\":\"o1\"}";
    expect(groups.list(scope), ng(NG_PAGE), "GET /ng/api/user-groups?" + scoped + "&pageIndex=0&pageSize=100", null);
    expect(groups.get(scope, "g1"), ng(group), "GET /ng/api/user-groups/g1?" + scoped, null);
    expect(groups.create(g1), ng(group), "POST /ng/api/user-groups?" + scoped, group);
    expect(groups.update(g1), ng(group), "PUT /ng/api/user-groups?" + scoped, group);
    expect(groups.delete(scope, "g1"), ng(group), "DELETE /ng/api/user-groups/g1?" + scoped, null);
    expect(groups.members(scope, "g1"), ng(NG_PAGE), "POST /ng/api/user-groups/g1/users?" + scoped + "&pageIndex=0&pageSize=100",
        "{}");
    expect(groups.isMember(scope, "g1", "u1"), ng("true"), "GET /ng/api/user-groups/g1/member/u1?" + scoped, null);
    expect(groups.addMember(scope, "g1", "u1"), ng(group), "PUT /ng/api/user-groups/g1/member/u1?" + scoped, null);
    expect(groups.removeMember(scope, "g1", "u1"), ng(group), "DELETE /ng/api/user-groups/g1/member/u1?" + scoped, null);
  }

  @Test
  void serviceAccountsApiKeysAndTokens() {
    Scope scope = Scope.project("o1", "p1");
    String scoped = ACC + "&orgIdentifier=o1&projectIdentifier=p1";
    ServiceAccountDTO sa1 = new ServiceAccountDTO().identifier("sa1").name("One").orgIdentifier("o1").projectIdentifier("p1");
    String account = "{\"identifier\":\"sa1\",\"name\":\"One\",\"orgIdentifier\":\"o1\",\"projectIdentifier\":\"p1\"}";
    expect(platform.serviceAccounts().list(scope), ng(NG_PAGE),
        "GET /ng/api/serviceaccount/aggregate?" + scoped + "&pageIndex=0&pageSize=100", null);
    expect(platform.serviceAccounts().get(scope, "sa1"), ng("{}"), "GET /ng/api/serviceaccount/aggregate/sa1?" + scoped, null);
    expect(platform.serviceAccounts().create(sa1), ng(account), "POST /ng/api/serviceaccount?" + scoped, account);
    expect(platform.serviceAccounts().update(sa1), ng(account), "PUT /ng/api/serviceaccount/sa1?" + scoped, account);
    expect(platform.serviceAccounts().delete(scope, "sa1"), ng("true"), "DELETE /ng/api/serviceaccount/sa1?" + scoped, null);

    ApiKeyOwner owner = ApiKeyOwner.serviceAccount(scope, "sa1");
    String keyQuery = ACC + "&apiKeyType=SERVICE_ACCOUNT&orgIdentifier=o1&parentIdentifier=sa1&projectIdentifier=p1";
    String key = "{\"identifier\":\"k1\",\"name\":\"One\",\"apiKeyType\":\"SERVICE_ACCOUNT\",\"parentIdentifier\":\"sa1\","
        + "\"orgIdentifier\":\"o1\",\"projectIdentifier\":\"p1\"}";
    expect(platform.apiKeys().list(owner), ng(NG_PAGE), "GET /ng/api/apikey/aggregate?" + keyQuery + "&pageIndex=0&pageSize=100",
        null);
    expect(platform.apiKeys().get(owner.key("k1")), ng("{}"), "GET /ng/api/apikey/aggregate/k1?" + keyQuery, null);
    expect(platform.apiKeys().create(ApiKeys.key(owner, "k1", "One")), ng(key), "POST /ng/api/apikey?" + ACC, key);
    expect(platform.apiKeys().update(ApiKeys.key(owner, "k1", "One")), ng(key), "PUT /ng/api/apikey/k1", key);
    expect(platform.apiKeys().delete(owner.key("k1")), ng("true"), "DELETE /ng/api/apikey/k1?" + keyQuery, null);

    Tokens tokens = platform.tokens();
    ApiKeyRef k1 = owner.key("k1");
    String tokenQuery = keyQuery + "&apiKeyIdentifier=k1";
    String token = "{\"identifier\":\"t1\",\"name\":\"One\",\"apiKeyIdentifier\":\"k1\",\"parentIdentifier\":\"sa1\","
        + "\"apiKeyType\":\"SERVICE_ACCOUNT\",\"orgIdentifier\":\"o1\",\"projectIdentifier\":\"p1\"}";
    String issued = "\"sat." + ACCOUNT + ".n3wT0kenId.N3wT0kenSecretValue\"";
    expect(tokens.list(k1), ng(NG_PAGE), "GET /ng/api/token/aggregate?" + tokenQuery + "&pageIndex=0&pageSize=100", null);
    expect(tokens.create(Tokens.token(k1, "t1", "One")), ng(issued), "POST /ng/api/token?" + ACC, token);
    expect(tokens.update(Tokens.token(k1, "t1", "One")), ng(token), "PUT /ng/api/token/t1?" + ACC, token);
    expect(tokens.delete(k1, "t1"), ng("true"), "DELETE /ng/api/token/t1?" + tokenQuery, null);
    expect(tokens.rotate(k1, "t1", Instant.ofEpochMilli(1_767_225_600_000L)), ng(issued),
        "POST /ng/api/token/rotate/t1?" + tokenQuery + "&rotateTimestamp=1767225600000", null);
  }

  @Test
  void variablesAndDelegates() {
    Scope scope = Scope.org("o1");
    String scoped = ACC + "&orgIdentifier=o1";
    String variable = "{\"variable\":{\"identifier\":\"v1\",\"name\":\"One\",\"type\":\"String\",\"orgIdentifier\":\"o1\","
        + "\"spec\":{\"valueType\":\"FIXED\",\"fixedValue\":\"x\"}}}";
    expect(platform.variables().list(scope), ng(NG_PAGE), "GET /ng/api/variables?" + scoped + "&pageIndex=0&pageSize=100", null);
    expect(platform.variables().get(scope, "v1"), ng("{}"), "GET /ng/api/variables/v1?" + scoped, null);
    expect(platform.variables().create(Variables.string(scope, "v1", "One", "x")), ng("{}"), "POST /ng/api/variables?" + ACC,
        variable);
    expect(platform.variables().update(Variables.string(scope, "v1", "One", "x")), ng("{}"), "PUT /ng/api/variables?" + ACC,
        variable);
    expect(platform.variables().delete(scope, "v1"), ng("true"), "DELETE /ng/api/variables/v1?" + scoped, null);

    expect(platform.delegates().list(scope), json("{\"resource\":[{\"name\":\"d1\"}]}"),
        "POST /ng/api/delegate-setup/listDelegates?" + scoped, "{\"filterType\":\"Delegate\"}");
  }

  @Test
  void pipelineRunsListAndSummary() {
    PipelineExecutions executions = platform.executions();
    String scoped = ACC + "&orgIdentifier=o1&projectIdentifier=p1";
    expect(executions.list("o1", "p1"), ng(SPRING_PAGE),
        "POST /pipeline/api/pipelines/execution/summary?" + scoped + "&page=0&size=100", null);
    expect(executions.list("o1", "p1", new PipelineExecutionFilterProperties().filterType("PipelineExecution")
            .status(List.of("Failed"))), ng(SPRING_PAGE),
        "POST /pipeline/api/pipelines/execution/summary?" + scoped + "&page=0&size=100",
        "{\"filterType\":\"PipelineExecution\",\"status\":[\"Failed\"]}");
    expect(executions.summary("o1", "p1", "e1"), ng("{\"pipelineExecutionSummary\":{\"planExecutionId\":\"e1\"}}"),
        "GET /pipeline/api/pipelines/execution/v2/e1?" + scoped, null);
  }

  private static final String NG_PAGE =
      "{\"content\":[],\"totalPages\":0,\"totalItems\":0,\"pageIndex\":0,\"pageSize\":100,\"empty\":true}";
  private static final String SPRING_PAGE = "{\"content\":[],\"totalElements\":0,\"totalPages\":0,\"number\":0,"
      + "\"size\":100,\"first\":true,\"last\":true,\"empty\":true}";

  /**
   * Runs a facade call against a server that answers {@code answer} to anything, and checks the one
   * request it made.
   *
   * @param line {@code METHOD /path?query}, the query parameters in any order
   * @param body the JSON body expected (compared as JSON), "" to check it elsewhere, null for none
   */
  private static LoggedRequest expect(Publisher<?> call, ResponseDefinitionBuilder answer, String line, String body) {
    harness.resetAll();
    harness.stubFor(any(anyUrl()).willReturn(answer));
    StepVerifier.create(Flux.from(call)).thenConsumeWhile(item -> true).expectComplete().verify(Duration.ofSeconds(10));
    List<LoggedRequest> requests = harness.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).as("requests for %s", line).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(line(request)).isEqualTo(sortedQuery(line));
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

  /** An expected line with its query parameters sorted, as {@link #line} writes them. */
  private static String sortedQuery(String line) {
    int question = line.indexOf('?');
    return question < 0 ? line : line.substring(0, question + 1)
        + Arrays.stream(line.substring(question + 1).split("&")).sorted().collect(Collectors.joining("&"));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder ng(String data) {
    return json("{\"status\":\"SUCCESS\",\"data\":" + data + ",\"correlationId\":\"c\"}");
  }
}
