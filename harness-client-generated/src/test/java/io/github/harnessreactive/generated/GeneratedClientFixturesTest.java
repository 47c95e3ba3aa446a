package io.github.harnessreactive.generated;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.platform.ng.api.ConnectorsApi;
import io.github.harnessreactive.generated.platform.ng.api.PipelinesApi;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.Connector;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.Error;
import io.github.harnessreactive.generated.platform.ng.model.Failure;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.ng.model.ProjectRequest;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOConnectorResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOPageResponseProjectResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOPipelineSaveResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOProjectResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseMessage;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.v1.model.ErrorResponse;
import io.github.harnessreactive.generated.platform.v1.model.OrganizationResponse;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.PaginatedResponseOrgUnitCategory;
import io.github.harnessreactive.generated.sei.v1.model.SeiErrorResponse;
import io.github.harnessreactive.generated.sei.v1.model.SortEntry;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Harness bodies, served over HTTP, decode into the generated models through the generated
 * endpoint classes, and encode back to the same JSON; unknown fields and enum values do not break
 * decoding. The error envelopes decode into their generated models.
 */
class GeneratedClientFixturesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final JsonMapper mapper =
      io.github.harnessreactive.generated.platform.ng.invoker.ApiClient.createDefaultMapper(null);

  @Test
  void ngProjectPageDecodesWithUnknownFieldsAndEncodesBack() {
    String fixture = Fixtures.read("ng-project-page.json");
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects"))
        .withQueryParam("accountIdentifier", equalTo("acc1"))
        .withQueryParam("pageIndex", equalTo("0"))
        .withQueryParam("pageSize", equalTo("2"))
        .willReturn(json(200, fixture)));

    Mono<ResponseDTOPageResponseProjectResponse> page = new ProjectsApi(ngClient())
        .listProjects("acc1", null, null, null, null, null, 0, 2, null, null, null);

    StepVerifier.create(page)
        .assertNext(body -> {
          assertThat(body.getStatus()).isEqualTo(ResponseDTOPageResponseProjectResponse.StatusEnum.SUCCESS);
          assertThat(body.getData().getTotalItems()).isEqualTo(5L);
          assertThat(body.getData().getTotalPages()).isEqualTo(3L);
          assertThat(body.getData().getPageIndex()).isZero();
          assertThat(body.getData().getContent())
              .extracting(p -> p.getProject().getIdentifier())
              .containsExactly("apisample", "second");
          assertThat(body.getData().getContent().get(0).getProject().getTags()).containsEntry("team", "platform");
          assertThat(body.getCorrelationId()).isEqualTo("0b5e1c6e-1111-4c1b-9a4e-5f0c2b7d9a01");
          Fixtures.assertEncodesBack(fixture, mapper.writeValueAsString(body), Set.of("fieldAddedByHarnessLater"));
        })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void seedCreateProjectResponseDecodesAndRequestEncodesTheSeedBody() {
    String fixture = Fixtures.read("ng-create-project-response.json");
    harness.stubFor(post(urlPathEqualTo("/ng/api/projects")).willReturn(json(200, fixture)));
    ProjectRequest request = new ProjectRequest().project(new Project()
        .orgIdentifier("default").identifier("apisample").name("APISample").color("#0063F7")
        .modules(List.of()).description("").tags(Map.of()));

    StepVerifier.create(new ProjectsApi(ngClient()).createProject("ACCOUNT_ID", request, "default"))
        .assertNext(body -> {
          assertThat(body.getStatus()).isEqualTo(ResponseDTOProjectResponse.StatusEnum.SUCCESS);
          assertThat(body.getData().getProject().getName()).isEqualTo("APISample");
          assertThat(body.getData().getIsFavorite()).isTrue();
          Fixtures.assertEncodesBack(fixture, mapper.writeValueAsString(body), Set.of());
        })
        .expectComplete()
        .verify(TIMEOUT);

    harness.verify(postRequestedFor(urlPathEqualTo("/ng/api/projects"))
        .withQueryParam("accountIdentifier", equalTo("ACCOUNT_ID"))
        .withQueryParam("orgIdentifier", equalTo("default"))
        .withRequestBody(equalToJson("""
            {"project": {"orgIdentifier": "default", "identifier": "apisample", "name": "APISample",
             "color": "#0063F7", "modules": [], "description": "", "tags": {}}}""")));
  }

  @Test
  void seedCreateConnectorResponseDecodesAndEncodesBack() {
    String fixture = Fixtures.read("ng-create-connector-response.json");
    harness.stubFor(post(urlPathEqualTo("/ng/api/connectors")).willReturn(json(200, fixture)));
    Connector connector = new Connector().connector(new ConnectorInfoDTO()
        .name("dockerhub").identifier("dockerhub").orgIdentifier("default").projectIdentifier("apisample")
        .type("DockerRegistry"));

    StepVerifier.create(new ConnectorsApi(ngClient()).createConnector("ACCOUNT_ID", connector))
        .assertNext(body -> {
          assertThat(body.getStatus()).isEqualTo(ResponseDTOConnectorResponse.StatusEnum.SUCCESS);
          assertThat(body.getData().getConnector().getType()).isEqualTo("DockerRegistry");
          assertThat(body.getData().getHarnessManaged()).isTrue();
          Fixtures.assertEncodesBack(fixture, mapper.writeValueAsString(body), Set.of());
        })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void pipelineIsCreatedFromYamlWithTheYamlContentType() {
    String yaml = """
        pipeline:
          name: api example
          identifier: api_example
          projectIdentifier: apisample
          orgIdentifier: default
        """;
    String fixture = Fixtures.read("ng-create-pipeline-response.json");
    harness.stubFor(post(urlPathEqualTo("/pipeline/api/pipelines/v2")).willReturn(json(200, fixture)));

    StepVerifier.create(new PipelinesApi(ngClient()).createPipeline("ACCOUNT_ID", "default", "apisample", yaml))
        .assertNext(body -> {
          assertThat(body.getStatus()).isEqualTo(ResponseDTOPipelineSaveResponse.StatusEnum.SUCCESS);
          assertThat(body.getData().getIdentifier()).isEqualTo("api_example");
          Fixtures.assertEncodesBack(fixture, mapper.writeValueAsString(body), Set.of());
        })
        .expectComplete()
        .verify(TIMEOUT);

    harness.verify(postRequestedFor(urlPathEqualTo("/pipeline/api/pipelines/v2"))
        .withHeader("Content-Type", equalTo("application/yaml"))
        .withQueryParam("projectIdentifier", equalTo("apisample"))
        .withRequestBody(equalTo(yaml)));
  }

  @Test
  void seiV1ListPageDecodesItsMetadataAndTheRequestCarriesThePagingBody() {
    String fixture = Fixtures.read("sei-v1-categories-page.json");
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(json(200, fixture)));
    DefaultListRequest request = new DefaultListRequest()
        .page(0).pageSize(100)
        .filter(Map.of("enabled", true, "partial", Map.of("name", "Tea")))
        .sort(List.of(new SortEntry().id("name").desc(false)));

    Mono<PaginatedResponseOrgUnitCategory> page = new CollectionCategoriesApi(seiV1Client()).listCollectionCategories(request);

    StepVerifier.create(page)
        .assertNext(body -> {
          assertThat(body.getCount()).isEqualTo(1);
          assertThat(body.getMetadata().getHasNext()).isFalse();
          assertThat(body.getMetadata().getTotalCount()).isEqualTo(1);
          assertThat(body.getMetadata().getPageSize()).isEqualTo(100);
          assertThat(body.getRecords().get(0).getId()).isEqualTo(UUID.fromString("6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b"));
          assertThat(body.getRecords().get(0).getOuRefIds()).containsExactly(12, 13, 14);
          Fixtures.assertEncodesBack(fixture, mapper.writeValueAsString(body), Set.of("a_field_from_a_newer_sei"));
        })
        .expectComplete()
        .verify(TIMEOUT);

    harness.verify(postRequestedFor(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(equalToJson("""
        {"page": 0, "page_size": 100, "filter": {"enabled": true, "partial": {"name": "Tea"}},
         "sort": [{"id": "name", "desc": false}]}""", true, true)));
  }

  @Test
  void v1BareArrayPageDecodesWithItsPagingHeaders() {
    String fixture = Fixtures.read("v1-orgs-page.json");
    harness.stubFor(get(urlPathEqualTo("/v1/orgs"))
        .withQueryParam("page", equalTo("0"))
        .withQueryParam("limit", equalTo("2"))
        .withHeader("Harness-Account", equalTo("acc1"))
        .willReturn(json(200, fixture)
            .withHeader("X-Total-Elements", "5")
            .withHeader("X-Page-Number", "0")
            .withHeader("X-Page-Size", "2")));

    Mono<ResponseEntity<List<OrganizationResponse>>> page =
        new OrganizationsApi(v1Client()).listOrganizationsWithHttpInfo("acc1", null, null, 0, 2, null, null);

    StepVerifier.create(page)
        .assertNext(entity -> {
          assertThat(entity.getHeaders().getFirst("X-Total-Elements")).isEqualTo("5");
          assertThat(entity.getBody()).extracting(o -> o.getOrg().getIdentifier()).containsExactly("default", "eng");
          assertThat(entity.getBody().get(1).getHarnessManaged()).isFalse();
          Fixtures.assertEncodesBack(fixture, mapper.writeValueAsString(entity.getBody()), Set.of("added_later"));
        })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void unknownEnumValuesDecodeToTheUnknownConstant() {
    String body = """
        {"status": "PARTIALLY_SUCCEEDED", "data": {"identifier": "p1"}, "correlationId": "c"}""";
    ResponseDTOPipelineSaveResponse decoded = mapper.readValue(body, ResponseDTOPipelineSaveResponse.class);
    assertThat(decoded.getStatus()).isEqualTo(ResponseDTOPipelineSaveResponse.StatusEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(decoded.getData().getIdentifier()).isEqualTo("p1");

    ResponseMessage message = mapper.readValue("""
        {"code": "SOME_NEW_CODE", "level": "CATASTROPHIC", "message": "m", "failureTypes": ["A_NEW_FAILURE"]}""",
        ResponseMessage.class);
    assertThat(message.getCode()).isEqualTo("SOME_NEW_CODE");
    assertThat(message.getLevel()).isEqualTo(ResponseMessage.LevelEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(message.getFailureTypes()).containsExactly(ResponseMessage.FailureTypesEnum.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void ngErrorEnvelopeDecodesFromAnErrorResponse() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(json(400, Fixtures.read("ng-error.json"))));

    Error error = mapper.readValue(errorBody(new ProjectsApi(ngClient()).getProject("p1", "acc1", null)), Error.class);

    assertThat(error.getStatus()).isEqualTo(Error.StatusEnum.ERROR);
    assertThat(error.getCode()).isEqualTo("INVALID_REQUEST");
    assertThat(error.getCorrelationId()).isEqualTo("465d6463-2c2c-4f3a-9f3e-7d4a5b6c7d8e");
    assertThat(error.getResponseMessages()).singleElement()
        .satisfies(m -> assertThat(m.getLevel()).isEqualTo(ResponseMessage.LevelEnum.ERROR));
  }

  @Test
  void ngFailureEnvelopeDecodesWithFieldErrors() {
    harness.stubFor(post(urlPathEqualTo("/ng/api/projects")).willReturn(json(400, Fixtures.read("ng-failure.json"))));

    Failure failure = mapper.readValue(
        errorBody(new ProjectsApi(ngClient()).createProject("acc1", new ProjectRequest(), null)), Failure.class);

    assertThat(failure.getStatus()).isEqualTo(Failure.StatusEnum.FAILURE);
    assertThat(failure.getErrors()).extracting(e -> e.getFieldId() + ": " + e.getError())
        .containsExactly("identifier: may not be empty", "name: may not be empty");
  }

  @Test
  void bareResponseMessagesBodyDecodesAsAnNgError() {
    Error error = mapper.readValue(Fixtures.read("ng-bare-response-messages.json"), Error.class);

    assertThat(error.getStatus()).isNull();
    assertThat(error.getResponseMessages()).extracting(ResponseMessage::getMessage)
        .containsExactly("identifier may not be empty");
  }

  @Test
  void v1ErrorBodyDecodes() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs/bad")).willReturn(json(400, Fixtures.read("v1-error.json"))));

    ErrorResponse error = mapper.readValue(
        errorBody(new OrganizationsApi(v1Client()).getOrganization("bad", "acc1")), ErrorResponse.class);

    assertThat(error.getCode()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.getErrors()).singleElement().satisfies(e -> assertThat(e.getFieldName()).isEqualTo("identifier"));
  }

  @Test
  void seiV1ErrorBodyDecodes() {
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(json(500, Fixtures.read("sei-v1-error.json"))));

    SeiErrorResponse error = mapper.readValue(
        errorBody(new CollectionCategoriesApi(seiV1Client()).listCollectionCategories(new DefaultListRequest())),
        SeiErrorResponse.class);

    assertThat(error.getError()).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(error.getStatus()).isEqualTo(500);
    assertThat(error.getTimestamp()).isEqualTo(1700000000000L);
  }

  @Test
  void seiV2ErrorBodyDecodes() {
    harness.stubFor(get(urlPathEqualTo("/v2/teams/7/team_info")).willReturn(json(404, Fixtures.read("sei-v2-error.json"))));

    io.github.harnessreactive.generated.sei.v2.model.ErrorResponse error = mapper.readValue(
        errorBody(new TeamsApi(seiV2Client()).getTeamInfo(7)),
        io.github.harnessreactive.generated.sei.v2.model.ErrorResponse.class);

    assertThat(error.getStatus()).isEqualTo(404);
    assertThat(error.getErrorId()).isEqualTo("c1d2e3f4-0000-4000-8000-123456789abc");
  }

  private static byte[] errorBody(Mono<?> call) {
    WebClientResponseException[] failure = new WebClientResponseException[1];
    StepVerifier.create(call)
        .expectErrorSatisfies(e -> failure[0] = (WebClientResponseException) e)
        .verify(TIMEOUT);
    return failure[0].getResponseBodyAsByteArray();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static io.github.harnessreactive.generated.platform.ng.invoker.ApiClient ngClient() {
    return new io.github.harnessreactive.generated.platform.ng.invoker.ApiClient().setBasePath(harness.baseUrl());
  }

  private static io.github.harnessreactive.generated.platform.v1.invoker.ApiClient v1Client() {
    return new io.github.harnessreactive.generated.platform.v1.invoker.ApiClient().setBasePath(harness.baseUrl());
  }

  private static io.github.harnessreactive.generated.sei.v1.invoker.ApiClient seiV1Client() {
    return new io.github.harnessreactive.generated.sei.v1.invoker.ApiClient().setBasePath(harness.baseUrl());
  }

  private static io.github.harnessreactive.generated.sei.v2.invoker.ApiClient seiV2Client() {
    return new io.github.harnessreactive.generated.sei.v2.invoker.ApiClient().setBasePath(harness.baseUrl());
  }
}
