package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.sei.SeiFixtures.SEI_V1_KEY;
import static io.github.harnessreactive.sei.SeiFixtures.TIMEOUT;
import static io.github.harnessreactive.sei.SeiFixtures.json;
import static io.github.harnessreactive.sei.SeiFixtures.seiV1Page;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.github.harnessreactive.sei.v1.BulkDeleteResult;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.sei.v1.SeiV1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** Every SEI v1 family against stubs of the documented bodies, with the exact request bodies asserted. */
class SeiV1FacadesTest {

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // Created after the server has started: JUnit builds the test instance after beforeAll.
  private final SeiClient client = SeiFixtures.client(sei);
  private final SeiV1 v1 = client.v1();

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static final ListQuery QUERY = ListQuery.all()
      .collections(42)
      .filter("integration_ids", List.of("4711"))
      .partial("title", "fix")
      .range("pr_merged_at", Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"))
      .sortBy("pr_merged_at", true);

  private static final String QUERY_BODY = """
      {"page":0,"page_size":1000,"ou_ids":[42],
       "filter":{"integration_ids":["4711"],"partial":{"title":"fix"},"pr_merged_at":{"$gt":"1782864000","$lt":"1790812800"}},
       "sort":[{"id":"pr_merged_at","desc":true}]}""";

  private static void stubList(String path, String record) {
    sei.stubFor(post(urlPathEqualTo(path)).willReturn(json(200, seiV1Page(List.of(record), 0, 1000, false, 1))));
  }

  @Test
  void scmAndIssueListsSendTheTypedQuery() {
    for (String path : List.of("/v1/scm/prs/list", "/v1/scm/commits/list", "/v1/jira_issues/list", "/v1/issue_mgmt/workitems/list",
        "/v1/scm/committers/list", "/v1/scm/contributors/list")) {
      stubList(path, "{\"id\":\"r1\",\"title\":\"fix it\"}");
    }

    StepVerifier.create(v1.scm().pullRequests(QUERY)).assertNext(pr -> assertThat(pr).containsEntry("title", "fix it")).verifyComplete();
    StepVerifier.create(v1.scm().commits(QUERY)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.scm().committers(QUERY)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.scm().contributors(QUERY)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.issues().jira(QUERY)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.issues().workItems(QUERY)).expectNextCount(1).verifyComplete();

    for (String path : List.of("/v1/scm/prs/list", "/v1/scm/commits/list", "/v1/jira_issues/list", "/v1/issue_mgmt/workitems/list")) {
      sei.verify(postRequestedFor(urlPathEqualTo(path))
          .withHeader("Authorization", equalTo("ApiKey " + SEI_V1_KEY))
          .withRequestBody(equalToJson(QUERY_BODY)));
    }
  }

  @Test
  void collectionCategoriesListCreateUpdateAndBulkDeleteWithPartialFailure() {
    UUID id = UUID.fromString("6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b");
    String category = "{\"id\":\"" + id + "\",\"name\":\"Teams\",\"root_ou_name\":\"All Teams\",\"workspace_id\":3}";
    stubList("/v1/org/groups/list", category);
    sei.stubFor(post(urlPathEqualTo("/v1/org/groups")).willReturn(json(202, category)));
    sei.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/v1/org/groups/" + id)).willReturn(json(202, category)));
    sei.stubFor(get(urlPathEqualTo("/v1/org/groups/" + id)).willReturn(json(200, category)));
    sei.stubFor(delete(urlPathEqualTo("/v1/org/groups")).willReturn(json(200, """
        {"records":[{"id":"%s","success":true},{"id":"00000000-0000-0000-0000-000000000001","success":false,
         "error":"Category is in use"}],"count":2}""".formatted(id))));
    OrgUnitCategory teams = new OrgUnitCategory().name("Teams").rootOuName("All Teams").workspaceId(3);

    StepVerifier.create(v1.collectionCategories().list(ListQuery.all().sortBy("name", false)))
        .assertNext(c -> assertThat(c.getId()).isEqualTo(id)).verifyComplete();
    StepVerifier.create(v1.collectionCategories().create(teams)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.collectionCategories().update(id, teams)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.collectionCategories().get(id)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.collectionCategories().delete(List.of(id, UUID.fromString("00000000-0000-0000-0000-000000000001"))))
        .assertNext((BulkDeleteResult result) -> {
          assertThat(result.isComplete()).isFalse();
          assertThat(result.deleted()).containsExactly(id.toString());
          assertThat(result.failures()).containsExactly(
              new BulkDeleteResult.Failure("00000000-0000-0000-0000-000000000001", "Category is in use"));
        })
        .verifyComplete();

    sei.verify(postRequestedFor(urlPathEqualTo("/v1/org/groups/list"))
        .withRequestBody(equalToJson("{\"page\":0,\"page_size\":1000,\"sort\":[{\"id\":\"name\",\"desc\":false}]}")));
    sei.verify(postRequestedFor(urlPathEqualTo("/v1/org/groups"))
        .withRequestBody(equalToJson("{\"name\":\"Teams\",\"root_ou_name\":\"All Teams\",\"workspace_id\":3}")));
    sei.verify(deleteRequestedFor(urlPathEqualTo("/v1/org/groups"))
        .withRequestBody(equalToJson("[\"" + id + "\",\"00000000-0000-0000-0000-000000000001\"]")));
  }

  @Test
  void collectionsContributorsAndIntegrations(@TempDir Path dir) throws IOException {
    stubList("/v1/org/units/list", "{\"id\":\"42\",\"ou_id\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",\"name\":\"Platform\"}");
    sei.stubFor(get(urlPathEqualTo("/v1/org/units/42")).willReturn(json(200, "{\"id\":\"42\",\"ou_id\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",\"name\":\"Platform\"}")));
    sei.stubFor(get(urlPathEqualTo("/v1/org/units/versions")).willReturn(json(200, "[{\"version\":1,\"active\":true}]")));
    stubList("/v1/org/users/list", "{\"id\":\"6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b\",\"full_name\":\"Ada\",\"email\":\"ada@example.com\"}");
    sei.stubFor(get(urlPathEqualTo("/v1/org/users/schema")).willReturn(json(200, "{\"version\":3,\"fields\":[{\"key\":\"email\"}]}")));
    sei.stubFor(post(urlPathEqualTo("/v1/org/users/import")).willReturn(json(200, "{\"version\":4}")));
    stubList("/v1/integrations/list", "{\"id\":\"4711\",\"name\":\"github\",\"application\":\"github\"}");
    sei.stubFor(get(urlPathEqualTo("/v1/integrations/4711")).willReturn(json(200, "{\"id\":\"4711\",\"name\":\"github\"}")));
    Path csv = Files.writeString(dir.resolve("contributors.csv"), "full_name,email\nAda,ada@example.com\n");

    StepVerifier.create(v1.collections().list(ListQuery.all().collections(42)))
        .assertNext(c -> assertThat(c.getName()).isEqualTo("Platform")).verifyComplete();
    StepVerifier.create(v1.collections().get(42)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.collections().versions(42)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.contributors().list(ListQuery.all().partial("email", "@example.com")))
        .assertNext(u -> assertThat(u.getEmail()).isEqualTo("ada@example.com")).verifyComplete();
    StepVerifier.create(v1.contributors().schema()).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.contributors().importCsv(csv, false)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.integrations().list(ListQuery.all())).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.integrations().get("4711")).expectNextCount(1).verifyComplete();

    sei.verify(postRequestedFor(urlPathEqualTo("/v1/org/users/list"))
        .withRequestBody(equalToJson("{\"page\":0,\"page_size\":1000,\"filter\":{\"partial\":{\"email\":\"@example.com\"}}}")));
    sei.verify(postRequestedFor(urlPathEqualTo("/v1/org/users/import")).withQueryParam("type", equalTo("csv"))
        .withQueryParam("import_mode", equalTo("update"))
        .withRequestBodyPart(new com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder().withName("file")
            .withBody(equalTo("full_name,email\nAda,ada@example.com\n")).build()));
  }

  @Test
  void doraMetricsForACollectionAndTimeRange() {
    String series = "{\"time_series\":{\"day\":[{\"key\":1782864000,\"count\":3}]},\"stats\":{\"total_deployment\":3}}";
    sei.stubFor(post(urlPathEqualTo("/v1/dora/deployment_frequency")).willReturn(json(200, series)));
    sei.stubFor(post(urlPathEqualTo("/v1/dora/change_failure_rate")).willReturn(json(200, series)));
    sei.stubFor(post(urlPathEqualTo("/v1/dora/lead-time")).willReturn(json(200, seiV1Page(List.of("{\"key\":\"x\"}"), 0, 1000, false, 1))));
    sei.stubFor(post(urlPathEqualTo("/v1/dora/mean-time")).willReturn(json(200, seiV1Page(List.of("{\"key\":\"x\"}"), 0, 1000, false, 1))));
    ListQuery quarter = ListQuery.all().collections(42)
        .range("time_range", Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));

    StepVerifier.create(v1.dora().deploymentFrequency(quarter)).assertNext(d -> assertThat(d.getStats()).isNotNull()).verifyComplete();
    StepVerifier.create(v1.dora().changeFailureRate(quarter)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.dora().leadTime(quarter)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v1.dora().meanTimeToRestore(quarter)).expectNextCount(1).verifyComplete();

    sei.verify(postRequestedFor(urlPathEqualTo("/v1/dora/deployment_frequency")).withRequestBody(equalToJson(
        "{\"ou_ids\":[42],\"filter\":{\"time_range\":{\"$gt\":\"1782864000\",\"$lt\":\"1790812800\"}}}", true, true)));
  }

  @Test
  void a403SaysTheKeyMayLackTheRole() {
    sei.stubFor(post(urlPathEqualTo("/v1/scm/prs/list")).willReturn(json(403, "{\"error\":\"Forbidden\",\"status\":403,\"message\":\"Access denied\"}")));

    StepVerifier.create(v1.scm().pullRequests(ListQuery.all()))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(SeiPermissionException.class)
            .hasMessageContaining("Access denied").hasMessageContaining("SEI Admin or SEI Ingestion"))
        .verify(TIMEOUT);
  }
}
