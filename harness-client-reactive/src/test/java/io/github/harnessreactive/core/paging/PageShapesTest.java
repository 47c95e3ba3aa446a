package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static io.github.harnessreactive.core.TestHarness.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.api.PipelinesApi;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.PMSPipelineSummaryResponse;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.v1.model.OrganizationResponse;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.github.harnessreactive.generated.sei.v2.api.DevelopersApi;
import io.github.harnessreactive.generated.sei.v2.api.EfficiencyInsightsApi;
import io.github.harnessreactive.generated.sei.v2.api.OrgTreesApi;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import io.github.harnessreactive.generated.sei.v2.model.DrillDownRequest;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamDeveloperDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamSummary;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Every page shape over three or more pages: all items, in order, no duplicates, and exactly the
 * expected number of HTTP requests. The same pager serves them all; only the catalogue's
 * description of each operation differs.
 */
class PageShapesTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;

  @BeforeEach
  void buildClient() {
    client = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT)).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static void expectAll(Flux<String> names, List<String> expected) {
    StepVerifier.create(names).expectNextSequence(expected).expectComplete().verify(TIMEOUT);
  }

  private static List<String> names(String prefix, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  private static void expectRequests(int count, RequestPatternBuilder pattern) {
    harness.verify(count, pattern);
    assertThat(harness.getAllServeEvents()).hasSize(count);
  }

  @Test
  void ngPageResponse() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("p", 5).subList(page * 2, Math.min(5, page * 2 + 2));
      harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + page))
          .withQueryParam("pageSize", equalTo("2"))
          .willReturn(json(200, """
              {"status":"SUCCESS","data":{"totalPages":3,"totalItems":5,"pageItemCount":%d,"pageSize":2,"pageIndex":%d,
               "empty":false,"content":%s},"correlationId":"c"}""".formatted(items.size(), page,
              objects(items, "{\"project\":{\"identifier\":\"%s\",\"name\":\"N\"}}")))));
    }
    PagedFlux<ProjectResponse> projects = client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class,
        List.of("default"), (api, page) -> api.listProjectsWithResponseSpec(ACCOUNT, "default", null, null, null, null,
            page.index(), page.size(), null, null, null));

    expectAll(projects.withPageSize(2).map(p -> p.getProject().getIdentifier()), names("p", 5));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/ng/api/projects")));
  }

  @Test
  void springPage() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("pl", 6).subList(page * 2, page * 2 + 2);
      harness.stubFor(post(urlPathEqualTo("/pipeline/api/pipelines/list")).withQueryParam("page", equalTo("" + page))
          .withQueryParam("size", equalTo("2"))
          .willReturn(json(200, """
              {"status":"SUCCESS","data":{"content":%s,"totalElements":6,"totalPages":3,"number":%d,"size":2,
               "first":%b,"last":%b,"numberOfElements":2,"empty":false}}""".formatted(
              objects(items, "{\"identifier\":\"%s\",\"name\":\"N\"}"), page, page == 0, page == 2))));
    }
    PagedFlux<PMSPipelineSummaryResponse> pipelines = client.api(PipelinesApi.class).paged("listPipelines",
        PMSPipelineSummaryResponse.class, List.of("o", "p"), (api, page) -> api.listPipelinesWithResponseSpec(ACCOUNT, "o",
            "p", page.index(), page.size(), null, null, null, null, null));

    expectAll(pipelines.withPageSize(2).map(PMSPipelineSummaryResponse::getIdentifier), names("pl", 6));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/pipeline/api/pipelines/list")));
  }

  @Test
  void v1Headers() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("o", 5).subList(page * 2, Math.min(5, page * 2 + 2));
      harness.stubFor(get(urlPathEqualTo("/v1/orgs")).withQueryParam("page", equalTo("" + page)).withQueryParam("limit", equalTo("2"))
          .willReturn(json(200, objects(items, "{\"org\":{\"identifier\":\"%s\",\"name\":\"N\"}}"))
              .withHeader("X-Total-Elements", "5").withHeader("X-Page-Number", "" + page).withHeader("X-Page-Size", "2")));
    }
    PagedFlux<OrganizationResponse> orgs = client.api(OrganizationsApi.class).paged("listOrganizations",
        OrganizationResponse.class, List.of(), (api, page) -> api.listOrganizationsWithResponseSpec(null, null, null,
            page.index(), page.size(), null, null));

    expectAll(orgs.withPageSize(2).map(o -> o.getOrg().getIdentifier()), names("o", 5));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v1/orgs")));
  }

  private PagedFlux<OrgUnitCategory> categories() {
    return client.api(CollectionCategoriesApi.class).paged("listCollectionCategories", OrgUnitCategory.class, List.of(),
        (api, page) -> api.listCollectionCategoriesWithResponseSpec(new DefaultListRequest().page(page.index()).pageSize(page.size())));
  }

  private static void stubSeiV1Page(int page, List<String> items, boolean hasNext, Integer totalCount) {
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(matchingJsonPath("$.page", equalTo("" + page)))
        .withRequestBody(matchingJsonPath("$.page_size", equalTo("2")))
        .willReturn(json(200, """
            {"records":%s,"count":%d,"_metadata":{"page":%d,"page_size":2,"has_next":%b%s}}""".formatted(
            objects(items, "{\"name\":\"%s\"}"), items.size(), page, hasNext,
            totalCount == null ? "" : ",\"total_count\":" + totalCount))));
  }

  @Test
  void seiV1BodyWithTotalCountMakesNoExtraRequest() {
    stubSeiV1Page(0, List.of("c0", "c1"), true, 6);
    stubSeiV1Page(1, List.of("c2", "c3"), true, 6);
    stubSeiV1Page(2, List.of("c4", "c5"), true, 6); // the full last page still says has_next: true

    expectAll(categories().withPageSize(2).map(OrgUnitCategory::getName), names("c", 6));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/org/groups/list")));
  }

  @Test
  void seiV1BodyWithoutTotalCountEndsOnTheEmptyPageAfterAFullLastPage() {
    stubSeiV1Page(0, List.of("c0", "c1"), true, null);
    stubSeiV1Page(1, List.of("c2", "c3"), true, null);
    stubSeiV1Page(2, List.of("c4", "c5"), true, null); // has_next: true on an exactly full last page
    stubSeiV1Page(3, List.of(), false, null);

    expectAll(categories().withPageSize(2).map(OrgUnitCategory::getName), names("c", 6));
    expectRequests(4, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/org/groups/list")));
  }

  @Test
  void seiV1BodyEndsOnHasNextFalse() {
    stubSeiV1Page(0, List.of("c0", "c1"), true, null);
    stubSeiV1Page(1, List.of("c2", "c3"), true, null);
    stubSeiV1Page(2, List.of("c4"), false, null);

    expectAll(categories().withPageSize(2).map(OrgUnitCategory::getName), names("c", 5));
    harness.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/org/groups/list"))
        .withRequestBody(equalToJson("{\"page\":2,\"page_size\":2}", true, true)));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/org/groups/list")));
  }

  @Test
  void seiV2Records() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("t", 5).subList(page * 2, Math.min(5, page * 2 + 2));
      harness.stubFor(get(urlPathEqualTo("/v2/org-trees")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, "{\"records\":%s,\"totalCount\":5,\"pageIndex\":%d,\"pageSize\":2}"
              .formatted(objects(items, "{\"name\":\"%s\"}"), page))));
    }
    PagedFlux<OrgTreeResponseDTO> trees = client.api(OrgTreesApi.class).paged("listOrgTrees", OrgTreeResponseDTO.class,
        List.of("p", "o"), (api, page) -> api.listOrgTreesWithResponseSpec(ACCOUNT, "p", "o", page.index(), page.size()));

    expectAll(trees.withPageSize(2).map(OrgTreeResponseDTO::getName), names("t", 5));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v2/org-trees")));
  }

  @Test
  void seiV2Items() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("team", 6).subList(page * 2, page * 2 + 2);
      harness.stubFor(get(urlPathEqualTo("/v2/teams/list")).withQueryParam("page", equalTo("" + page))
          .withQueryParam("pageSize", equalTo("2"))
          .willReturn(json(200, "{\"items\":%s,\"totalItems\":6,\"totalPages\":3,\"pageIndex\":%d,\"pageSize\":2,\"hasNext\":%b}"
              .formatted(objects(items, "{\"name\":\"%s\"}"), page, page < 2))));
    }
    PagedFlux<TeamSummary> teams = client.api(TeamsApi.class).paged("listTeams", TeamSummary.class, List.of("o", "p"),
        (api, page) -> api.listTeamsWithResponseSpec(ACCOUNT, "o", "p", null, page.index(), page.size()));

    expectAll(teams.withPageSize(2).map(TeamSummary::getName), names("team", 6));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v2/teams/list")));
  }

  @Test
  void seiV2Nested() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("d", 5).subList(page * 2, Math.min(5, page * 2 + 2));
      harness.stubFor(get(urlPathEqualTo("/v2/teams/7/developers")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, """
              {"teamRefId":7,"developers":%s,"pagination":{"pageNumber":%d,"pageSize":2,"totalElements":5,"totalPages":3}}"""
              .formatted(objects(items, "{\"email\":\"%s@example.com\"}"), page))));
    }
    PagedFlux<TeamDeveloperDTO> developers = client.api(TeamsApi.class).paged("listTeamDevelopers", TeamDeveloperDTO.class,
        List.of(7), (api, page) -> api.listTeamDevelopersWithResponseSpec(7, null, null, null, null, null, null,
            page.index(), page.size()));

    expectAll(developers.withPageSize(2).map(d -> d.getEmail().replace("@example.com", "")), names("d", 5));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v2/teams/7/developers")));
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void seiV2Developers() {
    for (int page = 0; page < 3; page++) {
      List<String> items = names("dev", 6).subList(page * 2, page * 2 + 2);
      harness.stubFor(get(urlPathEqualTo("/v2/developers")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, "{\"records\":%s,\"fields\":[],\"totalRecords\":6,\"pageIndex\":%d,\"pageSize\":2}"
              .formatted(objects(items, "{\"email\":\"%s\"}"), page))));
    }
    PagedFlux<Map> developers = client.api(DevelopersApi.class).paged("listDevelopers", Map.class, List.of(),
        (api, page) -> api.listDevelopersWithResponseSpec(null, null, null, null, null, null, page.index(), page.size()));

    expectAll(developers.withPageSize(2).map(d -> (String) d.get("email")), names("dev", 6));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v2/developers")));
  }

  @Test
  void seiV2DrilldownPagedInTheRequestBody() {
    String path = "/v2/insights/efficiency/deploymentFrequency/drilldown";
    for (int page = 0; page < 3; page++) {
      List<String> items = names("r", 5).subList(page * 2, Math.min(5, page * 2 + 2));
      harness.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.page", equalTo("" + page)))
          .withRequestBody(matchingJsonPath("$.pageSize", equalTo("2")))
          .willReturn(json(200, """
              {"records":%s,"pagination":{"totalItems":5,"totalPages":3,"pageSize":2,"currentPage":%d,"hasMore":%b}}"""
              .formatted(objects(items, "{\"id\":\"%s\"}"), page, page < 2))));
    }
    OffsetDateTime end = OffsetDateTime.parse("2026-11-01T00:00:00Z");
    PagedFlux<Object> records = client.api(EfficiencyInsightsApi.class).paged("listDeploymentFrequencyDrilldown",
        Object.class, List.of("team1"), (api, page) -> api.listDeploymentFrequencyDrilldownWithResponseSpec(ACCOUNT, "o", "p",
            new DrillDownRequest().teamRefId("team1").dateStart(end.minusDays(30)).dateEnd(end)
                .page(page.index()).pageSize(page.size())));

    expectAll(records.withPageSize(2).map(r -> (String) ((Map<?, ?>) r).get("id")), names("r", 5));
    expectRequests(3, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void streamingEverythingUsesTheOperationsMaximumPageSize() {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).willReturn(json(200, """
        {"status":"SUCCESS","data":{"totalPages":1,"totalItems":1,"pageIndex":0,"pageSize":100,"content":[{"project":{"identifier":"p0"}}]}}""")));

    StepVerifier.create(client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class, List.of(),
            (api, page) -> api.listProjectsWithResponseSpec(ACCOUNT, null, null, null, null, null, page.index(), page.size(), null, null, null)))
        .expectNextCount(1).expectComplete().verify(TIMEOUT);
    harness.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/ng/api/projects"))
        .withQueryParam("pageSize", equalTo("100")));
  }
}
