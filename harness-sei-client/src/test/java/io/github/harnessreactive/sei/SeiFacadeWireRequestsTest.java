package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.sei.SeiFixtures.ACCOUNT;
import static io.github.harnessreactive.sei.SeiFixtures.PAT;
import static io.github.harnessreactive.sei.SeiFixtures.SEI_V1_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitActivation;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitDTO;
import io.github.harnessreactive.generated.sei.v1.model.OrgUserDTO;
import io.github.harnessreactive.generated.sei.v2.model.ActivityLogAction;
import io.github.harnessreactive.generated.sei.v2.model.ActivityLogItemType;
import io.github.harnessreactive.generated.sei.v2.model.CreateCustomVariableRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperFieldMappingDTO;
import io.github.harnessreactive.generated.sei.v2.model.DrillDownRequest;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyMetricDrilldownRequest;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyRequest;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.GroupedTeamFiltersResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.MTTRDrilldownRequest;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeCreateRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeUpdateRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamInfoUpdateRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamIntegrationDTO;
import io.github.harnessreactive.generated.sei.v2.model.UpdateCustomVariableRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.UpdateCustomVariableTeamOverrideRequestDTO;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.sei.v1.SeiV1;
import io.github.harnessreactive.sei.v2.ActivityLogQuery;
import io.github.harnessreactive.sei.v2.SeiV2;
import io.github.harnessreactive.sei.v2.UpsertOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact request every SEI facade method sends: method, path and every query parameter with its
 * value, the credential (and for SEI 2.0 the account) headers, and the body. Each argument gets its
 * own value, so generated parameters of the same type that swap places cannot pass unnoticed.
 */
class SeiFacadeWireRequestsTest {

  static final String V1_PAGE = "{\"records\":[],\"count\":0,\"_metadata\":{\"page\":0,\"page_size\":1000,\"has_next\":false}}";
  static final String FIRST_PAGE = "{\"page\":0,\"page_size\":1000}";
  static final UUID ID = UUID.fromString("6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b");

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SeiClient client;
  private SeiV1 v1;
  private SeiV2 v2;

  @BeforeEach
  void setUp() {
    client = SeiFixtures.client(sei);
    v1 = client.v1();
    v2 = client.v2();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void v2Developers(@TempDir Path dir) throws IOException {
    Path csv = Files.writeString(dir.resolve("developers.csv"), "Name,Email\nAda,ada@example.com\n");
    String upserted = "{\"status\":\"SUCCESS\"}";

    LoggedRequest upload = v2(v2.developers().initialUpload(csv), json("{\"versionId\":7}"),
        "POST /v2/developers?fileType=CSV", "");
    assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(upload.getBodyAsString()).contains("name=\"file\"", "Ada,ada@example.com");
    v2(v2.developers().saveFieldMappings(7, List.of(new DeveloperFieldMappingDTO().name("Email")
            .fieldType(DeveloperFieldMappingDTO.FieldTypeEnum.EMAIL))), json("{\"savedRecords\":1}"),
        "PUT /v2/developers/versions/7/fieldMappings", "[{\"name\":\"Email\",\"fieldType\":\"EMAIL\"}]");
    v2(v2.developers().activate(7), aResponse().withStatus(204), "PATCH /v2/developers/versions/7", "{\"active\":true}");
    v2(v2.developers().list(), json("{\"records\":[],\"totalRecords\":0,\"pageIndex\":0,\"pageSize\":1000}"),
        "GET /v2/developers?pageIndex=0&pageSize=1000", null);
    v2(v2.developers().schema(), json("{\"fields\":[]}"), "GET /v2/developers/schema", null);
    v2(v2.developers().identities(), json("{\"records\":[],\"totalCount\":0,\"pageIndex\":0,\"pageSize\":1000}"),
        "GET /v2/developers/identities?pageIndex=0&pageSize=1000", null);
    v2(v2.developers().upsert(Flux.just(Map.of("email", "ada@example.com"))), json(upserted), "PATCH /v2/developers",
        "[{\"email\":\"ada@example.com\"}]");
    v2(v2.developers().upsert(Flux.just(Map.of("email", "bob@example.com")), new UpsertOptions(10, 10_000)),
        json(upserted), "PATCH /v2/developers", "[{\"email\":\"bob@example.com\"}]");
    v2(v2.developers().delete(List.of("ada@example.com")), json(upserted), "DELETE /v2/developers",
        "{\"emails\":[\"ada@example.com\"]}");
  }

  @Test
  void v2TeamsOrgTreesInsightsAndExport() {
    String account = "account=" + ACCOUNT;
    String scoped = "orgIdentifier=o1&projectIdentifier=p1";
    EfficiencyRequest request = new EfficiencyRequest().teamRefId("5").granularity("MONTHLY");
    String body = "{\"teamRefId\":\"5\",\"dateStart\":null,\"dateEnd\":null,\"granularity\":\"MONTHLY\"}";

    v2(v2.teams().list("o1", "p1"), json("{\"items\":[],\"totalItems\":0,\"hasNext\":false}"),
        "GET /v2/teams/list?" + account + "&orgIdentifier=o1&page=0&pageSize=50&projectIdentifier=p1", null);
    v2(v2.teams().info(5), json("{}"), "GET /v2/teams/5/team_info", null);
    v2(v2.teams().developers(5), json("{\"developers\":[],\"pagination\":{\"pageNumber\":0,\"totalPages\":0}}"),
        "GET /v2/teams/5/developers?pageIndex=0&pageSize=100", null);
    v2(v2.orgTrees().list("o1", "p1"), json("{\"records\":[],\"totalCount\":0}"),
        "GET /v2/org-trees?accountIdentifier=" + ACCOUNT + "&orgIdentifier=o1&pageIndex=0&pageSize=50&projectIdentifier=p1",
        null);
    v2(v2.orgTrees().get(9), json("{}"), "GET /v2/org-trees/9?accountIdentifier=" + ACCOUNT, null);
    String efficiency = "/v2/insights/efficiency/";
    v2(v2.efficiency().deploymentFrequency("o1", "p1", request), json("{}"),
        "POST " + efficiency + "deploymentFrequency?" + account + "&" + scoped, body);
    v2(v2.efficiency().changeFailureRate("o1", "p1", request), json("{}"),
        "POST " + efficiency + "changeFailureRate?" + account + "&" + scoped, body);
    v2(v2.efficiency().meanTimeToRestore("o1", "p1", request), json("{}"),
        "POST " + efficiency + "mttr?" + account + "&" + scoped, body);
    v2(v2.efficiency().leadTime("o1", "p1", request), json("{}"),
        "POST " + efficiency + "leadtime?" + account + "&" + scoped, body);
    v2(v2.export().teamsReport("o1", "p1", new ExportRequestDTO().name("quarterly").collectionId("42")),
        aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody("team,value\na,1\n"),
        "POST /v2/insights/teams/reports?accountId=" + ACCOUNT + "&" + scoped,
        "{\"name\":\"quarterly\",\"dateStart\":null,\"dateEnd\":null,\"collectionId\":\"42\"}");
  }

  @Test
  void v2TeamAndOrgTreeWritesAndTheNewLists() {
    String account = "account=" + ACCOUNT;
    String scoped = "orgIdentifier=o1&projectIdentifier=p1";
    String none = "{\"records\":[],\"totalCount\":0}";

    v2(v2.teams().updateInfo(5, "ana@example.com", new TeamInfoUpdateRequestDTO().name("Payments")), json("{}"),
        "PUT /v2/teams/5/team_info?" + account + "&email=ana@example.com", "{\"name\":\"Payments\"}");
    v2(v2.teams().updateIntegrations(5, new TeamIntegrationDTO().teamRefId(5)), aResponse().withStatus(200),
        "PUT /v2/teams/5/integrations?" + account, "{\"teamRefId\":5}");
    v2(v2.teams().updateIntegrationFilters(5, new GroupedTeamFiltersResponseDTO().teamRefId(5)), aResponse().withStatus(206),
        "PUT /v2/teams/5/integration_filters?" + account, "{\"teamRefId\":5}");
    v2(v2.teams().addDevelopers(5, List.of(11, 12)), aResponse().withStatus(200), "PATCH /v2/teams/5/developers",
        "{\"developerRefIds\":[11,12]}");
    v2(v2.teams().removeDevelopers(5, List.of(11)), aResponse().withStatus(200), "DELETE /v2/teams/5/developers",
        "{\"developerRefIds\":[11]}");
    v2(v2.orgTrees().create("o1", "p1", new OrgTreeCreateRequestDTO().name("Org").groupByFields(List.of())), json("{}"),
        "POST /v2/org-trees?accountIdentifier=" + ACCOUNT + "&" + scoped, "{\"name\":\"Org\",\"groupByFields\":[]}");
    v2(v2.orgTrees().update(9, new OrgTreeUpdateRequestDTO().name("Org 2")), json("{}"), "PUT /v2/org-trees/9",
        "{\"name\":\"Org 2\"}");
    v2(v2.orgTrees().delete(9), aResponse().withStatus(204), "DELETE /v2/org-trees/9", null);
    v2(v2.integrations().list(), json(none), "GET /v2/integrations/list?" + account + "&pageIndex=0&pageSize=100", null);
    v2(v2.integrations().configs(List.of(3, 4)), json(none),
        "POST /v2/integrations/configs/list?" + account + "&pageIndex=0&pageSize=100", "{\"integrationIds\":[3,4]}");
    v2(v2.activityLogs().list(ActivityLogQuery.all().itemTypes(ActivityLogItemType.TEAM).emails("ana@example.com")
            .actions(ActivityLogAction.DELETED).between(100, 200)), json("{\"records\":[],\"total\":0}"),
        "GET /v2/activity-logs?actions=DELETED&emails=ana@example.com&endTime=200&itemTypes=TEAM&pageIndex=0&pageSize=20"
            + "&startTime=100", null);
  }

  @Test
  void v2CustomVariables() {
    String scoped = "orgIdentifier=o1&projectIdentifier=p1";
    String variable = "{\"id\":3,\"name\":\"tier\"}";

    v2(v2.customVariables().list("o1", "p1"), json("{\"customVariables\":[],\"totalItems\":0,\"hasNext\":false}"),
        "GET /v2/custom-variables?orgIdentifier=o1&page=0&pageSize=1000&projectIdentifier=p1", null);
    v2(v2.customVariables().create("o1", "p1", new CreateCustomVariableRequestDTO().name("tier").defaultValues(List.of("gold"))),
        json(variable), "POST /v2/custom-variables?" + scoped, "{\"name\":\"tier\",\"defaultValues\":[\"gold\"]}");
    v2(v2.customVariables().update("o1", "p1", 3, new UpdateCustomVariableRequestDTO().description("Support tier")),
        json(variable), "PATCH /v2/custom-variables/3?" + scoped, "{\"description\":\"Support tier\"}");
    v2(v2.customVariables().delete("o1", "p1", 3), aResponse().withStatus(204), "DELETE /v2/custom-variables/3?" + scoped, null);
    v2(v2.customVariables().ofTeam("o1", "p1", 5), json("{}"), "GET /v2/custom-variables/teams/5?" + scoped, null);
    v2(v2.customVariables().overrideForTeam("o1", "p1", 5,
            new UpdateCustomVariableTeamOverrideRequestDTO().customVariableId(3).overrideValues(List.of("silver"))), json("{}"),
        "PATCH /v2/custom-variables/teams/5?" + scoped, "{\"customVariableId\":3,\"overrideValues\":[\"silver\"]}");
    v2(v2.customVariables().removeTeamOverride("o1", "p1", 5, 3), aResponse().withStatus(204),
        "DELETE /v2/custom-variables/teams/5/3?" + scoped, null);
  }

  @Test
  void v2DrilldownsAndReports() {
    String query = "?account=" + ACCOUNT + "&orgIdentifier=o1&projectIdentifier=p1";
    String efficiency = "/v2/insights/efficiency/";
    String page = "{\"records\":[],\"imRecords\":[],\"data\":[],\"pagination\":{\"totalItems\":0,\"hasMore\":false}}";
    OffsetDateTime start = OffsetDateTime.parse("2026-07-01T00:00:00Z");
    OffsetDateTime end = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    String window = "\"teamRefId\":\"5\",\"dateStart\":\"2026-07-01T00:00:00Z\",\"dateEnd\":\"2026-10-01T00:00:00Z\"";
    DrillDownRequest drilldown = new DrillDownRequest().teamRefId("5").dateStart(start).dateEnd(end);

    v2(v2.efficiency().deploymentFrequencyDrilldown("o1", "p1", drilldown), json(page),
        "POST " + efficiency + "deploymentFrequency/drilldown" + query, "{" + window + ",\"page\":0,\"pageSize\":50}");
    v2(v2.efficiency().changeFailureRateDrilldown("o1", "p1", drilldown), json(page),
        "POST " + efficiency + "changeFailureRate/drilldown" + query, "{" + window + ",\"page\":0,\"pageSize\":50}");
    v2(v2.efficiency().meanTimeToRestoreDrilldown("o1", "p1", new MTTRDrilldownRequest().teamRefId("5").dateStart(start)
            .dateEnd(end)), json(page),
        "POST " + efficiency + "mttr/drilldown" + query, "{" + window + ",\"page\":0,\"pageSize\":50}");
    v2(v2.efficiency().leadTimeDrilldown("o1", "p1", new EfficiencyMetricDrilldownRequest().teamRefId("5").dateStart(start)
            .dateEnd(end)), json(page),
        "POST " + efficiency + "leadtime/drilldown" + query,
        "{\"dateStart\":\"2026-07-01T00:00:00Z\",\"dateEnd\":\"2026-10-01T00:00:00Z\",\"teamRefId\":\"5\","
            + "\"pagination\":{\"maxPageSize\":50,\"pageNumber\":0}}");
    assertThat(drilldown.getPage()).as("the caller's request is not changed").isNull();
    v2(v2.export().collectionReport("o1", "p1", new ExportRequestDTO().name("quarterly").collectionId("42")),
        aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody("team,value\na,1\n"),
        "POST /v2/insights/reports?accountId=" + ACCOUNT + "&orgIdentifier=o1&projectIdentifier=p1",
        "{\"name\":\"quarterly\",\"dateStart\":null,\"dateEnd\":null,\"collectionId\":\"42\"}");
  }

  @Test
  void v2ExportJobStatusesAndLists() {
    String exports = "{\"exports\":[],\"pagination\":{\"total\":0,\"hasMore\":false}}";
    String insights = "/v2/insights/";

    v2(v2.exports().job(ID), json("{}"), "GET " + insights + "async-exports/" + ID + "?accountId=" + ACCOUNT, null);
    v2(v2.exports().jobs("p1"), json("[]"),
        "GET " + insights + "async-exports?accountId=" + ACCOUNT + "&page=0&projectIdentifier=p1&size=20", null);
    v2(v2.exports().productivity().status("e1"), json("{}"), "GET " + insights + "productivity/exports/e1", null);
    v2(v2.exports().productivity().list(), json(exports), "GET " + insights + "productivity/exports?limit=50&page=0", null);
    v2(v2.exports().sprints().status("e2"), json("{}"), "GET " + insights + "sprints/exports/e2", null);
    v2(v2.exports().sprints().list(), json(exports), "GET " + insights + "sprints/exports?limit=50&page=0", null);
    v2(v2.exports().efficiency().status("e3"), json("{}"), "GET " + insights + "efficiency/exports/e3", null);
    v2(v2.exports().efficiency().list(), json(exports), "GET " + insights + "efficiency/exports?limit=50&page=0", null);
    v2(v2.exports().businessAlignment().status("e4"), json("{}"), "GET " + insights + "ba/exports/e4", null);
    v2(v2.exports().businessAlignment().list(), json(exports), "GET " + insights + "ba/exports?limit=50&page=0", null);
    v2(v2.exports().ticketData().status("e5"), json("{}"), "GET " + insights + "ticket-data/exports/e5", null);
    v2(v2.exports().ticketData().list(), json("{\"exports\":[],\"totalCount\":0}"),
        "GET " + insights + "ticket-data/exports?page=0&size=20", null);
  }

  @Test
  void v1CollectionCategoriesAndCollections() {
    OrgUnitCategory teams = new OrgUnitCategory().name("Teams");
    OrgUnitDTO platform = new OrgUnitDTO().name("Platform");

    v1(v1.collectionCategories().list(ListQuery.all()), json(V1_PAGE), "POST /v1/org/groups/list", FIRST_PAGE);
    v1(v1.collectionCategories().get(ID), json("{}"), "GET /v1/org/groups/" + ID, null);
    v1(v1.collectionCategories().create(teams), json("{}"), "POST /v1/org/groups", "{\"name\":\"Teams\"}");
    v1(v1.collectionCategories().update(ID, teams), json("{}"), "PUT /v1/org/groups/" + ID, "{\"name\":\"Teams\"}");
    v1(v1.collectionCategories().delete(List.of(ID)), json("{\"records\":[],\"count\":0}"), "DELETE /v1/org/groups",
        "[\"" + ID + "\"]");
    v1(v1.collections().list(ListQuery.all().collections(42).filter("integration_ids", List.of("4711"))
            .partial("name", "plat").sortBy("name", true)), json(V1_PAGE), "POST /v1/org/units/list",
        "{\"page\":0,\"page_size\":1000,\"filter\":{\"integration_ids\":[\"4711\"],\"partial\":{\"name\":\"plat\"}},"
            + "\"sort\":[{\"id\":\"name\",\"desc\":true}],\"ou_ids\":[42]}");
    v1(v1.collections().get(42), json("{}"), "GET /v1/org/units/42", null);
    v1(v1.collections().create(platform), json("{}"), "POST /v1/org/units/single", "{\"name\":\"Platform\"}");
    v1(v1.collections().update(Set.of(platform)), json("\"ok\""), "PUT /v1/org/units", "[{\"name\":\"Platform\"}]");
    v1(v1.collections().delete(List.of("42")), json("\"ok\""), "DELETE /v1/org/units", "[\"42\"]");
    v1(v1.collections().versions(42), json("[]"), "GET /v1/org/units/versions?org_id=42", null);
    v1(v1.collections().activateVersion(new OrgUnitActivation().ouId(42).activeVersion(3)), aResponse().withStatus(200),
        "POST /v1/org/units/versions", "{\"ou_id\":42,\"active_version\":3}");
  }

  @Test
  void v1ContributorsAndIntegrations(@TempDir Path dir) throws IOException {
    OrgUserDTO ada = new OrgUserDTO().fullName("Ada").email("ada@example.com");
    String adaJson = "{\"full_name\":\"Ada\",\"email\":\"ada@example.com\"}";
    Path csv = Files.writeString(dir.resolve("contributors.csv"), "full_name,email\nAda,ada@example.com\n");

    v1(v1.contributors().list(ListQuery.all()), json(V1_PAGE), "POST /v1/org/users/list", FIRST_PAGE);
    v1(v1.contributors().get(ID), json("{}"), "GET /v1/org/users/" + ID, null);
    v1(v1.contributors().create(Set.of(ada)), json("{}"), "POST /v1/org/users", "[" + adaJson + "]");
    v1(v1.contributors().update(Set.of(ada)), json("\"ok\""), "PUT /v1/org/users", "[" + adaJson + "]");
    LoggedRequest imported = v1(v1.contributors().importCsv(csv, true), json("{\"version\":4}"),
        "POST /v1/org/users/import?import_mode=replace&type=csv", "");
    assertThat(imported.getBodyAsString()).contains("name=\"file\"", "Ada,ada@example.com");
    v1(v1.contributors().schema(), json("{}"), "GET /v1/org/users/schema", null);
    v1(v1.integrations().list(ListQuery.all()), json(V1_PAGE), "POST /v1/integrations/list", FIRST_PAGE);
    v1(v1.integrations().get("4711"), json("{}"), "GET /v1/integrations/4711", null);
  }

  @Test
  void v1ScmIssuesAndDora() {
    ListQuery query = ListQuery.all();
    String series = "{\"time_series\":{}}";

    v1(v1.scm().commits(query), json(V1_PAGE), "POST /v1/scm/commits/list", FIRST_PAGE);
    v1(v1.scm().pullRequests(query), json(V1_PAGE), "POST /v1/scm/prs/list", FIRST_PAGE);
    v1(v1.scm().committers(query), json(V1_PAGE), "POST /v1/scm/committers/list", FIRST_PAGE);
    v1(v1.scm().contributors(query), json(V1_PAGE), "POST /v1/scm/contributors/list", FIRST_PAGE);
    v1(v1.issues().jira(query), json(V1_PAGE), "POST /v1/jira_issues/list", FIRST_PAGE);
    v1(v1.issues().workItems(query), json(V1_PAGE), "POST /v1/issue_mgmt/workitems/list", FIRST_PAGE);
    v1(v1.dora().deploymentFrequency(query), json(series), "POST /v1/dora/deployment_frequency", FIRST_PAGE);
    v1(v1.dora().changeFailureRate(query), json(series), "POST /v1/dora/change_failure_rate", FIRST_PAGE);
    v1(v1.dora().leadTime(query), json(V1_PAGE), "POST /v1/dora/lead-time", FIRST_PAGE);
    v1(v1.dora().meanTimeToRestore(query), json(V1_PAGE), "POST /v1/dora/mean-time", FIRST_PAGE);
    v1(v1.dora().drilldown(query), json(V1_PAGE), "POST /v1/dora/drilldown/list", FIRST_PAGE);
  }

  /** An SEI v1 call: {@code Authorization: ApiKey}, no Platform key. */
  private static LoggedRequest v1(Publisher<?> call, ResponseDefinitionBuilder answer, String line, String body) {
    LoggedRequest request = expect(call, answer, line, body);
    assertThat(request.getHeader("Authorization")).as("credential").isEqualTo("ApiKey " + SEI_V1_KEY);
    assertThat(request.containsHeader("x-api-key")).isFalse();
    return request;
  }

  /** An SEI 2.0 call: {@code x-api-key} and the account header. */
  private static LoggedRequest v2(Publisher<?> call, ResponseDefinitionBuilder answer, String line, String body) {
    LoggedRequest request = expect(call, answer, line, body);
    assertThat(request.getHeader("x-api-key")).as("credential").isEqualTo(PAT);
    assertThat(request.getHeader("Harness-Account")).as("account header").isEqualTo(ACCOUNT);
    return request;
  }

  /**
   * Runs a facade call against a server that answers {@code answer} to anything, and checks the one
   * request it made.
   *
   * @param line {@code METHOD /path?query}, the query parameters sorted by name
   * @param body the JSON body expected (compared as JSON), "" to check it elsewhere, null for none
   */
  private static LoggedRequest expect(Publisher<?> call, ResponseDefinitionBuilder answer, String line, String body) {
    sei.resetAll();
    sei.stubFor(any(anyUrl()).willReturn(answer));
    StepVerifier.create(Flux.from(call)).thenConsumeWhile(item -> true).expectComplete().verify(Duration.ofSeconds(10));
    List<LoggedRequest> requests = sei.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).as("requests for %s", line).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(line(request)).isEqualTo(line);
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
}
