package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.generated.sei.v2.api.AiEngineeringApi;
import io.github.harnessreactive.generated.sei.v2.api.EfficiencyInsightsApi;
import io.github.harnessreactive.generated.sei.v2.api.ExternalDataApi;
import io.github.harnessreactive.generated.sei.v2.model.DrillDownRequest;
import io.github.harnessreactive.generated.sei.v2.model.MTTRDrilldownRequest;
import io.github.harnessreactive.platform.PlatformClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * Every page shape, served by the simulator and read by the runtime: each list yields exactly the
 * configured number of distinct items in the expected number of requests.
 */
class SimulatorPageShapesTest {

  static final int ITEMS = 23;

  // Sampled lists, not stored resources: the shapes are the point here.
  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults().withState(false)
      .withDefaultListSize(ITEMS).withRequestLimit(0, Duration.ofMinutes(1)).withTotals(false)
      .withListSize("listScmPullRequests", 20)); // a multiple of the page size: the has_next quirk shows

  static HarnessClient platform;
  static HarnessClient seiV1;

  @BeforeAll
  static void clients() {
    platform = client(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY));
    seiV1 = client(SeiApiKeyCredential.of(SimulatorOptions.DEMO_SEI_V1_KEY));
  }

  @AfterAll
  static void close() {
    platform.close();
    seiV1.close();
  }

  private static HarnessClient client(io.github.harnessreactive.core.credentials.HarnessCredential credential) {
    return HarnessClient.builder().baseUrl(harness.simulator().baseUrl()).credential(credential)
        .accountId(SimulatorOptions.DEMO_ACCOUNT).retryPolicy(RetryPolicy.none())
        .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(100_000, Duration.ofSeconds(1)))).build();
  }

  private static <T> void expect(Flux<Page<T>> pages, long items, int requests) {
    long before = harness.simulator().stats().requests();
    List<Page<T>> all = pages.collectList().block(Duration.ofSeconds(30));
    assertThat(all.stream().mapToLong(p -> p.items().size()).sum()).isEqualTo(items);
    assertThat(all.stream().flatMap(p -> p.items().stream()).distinct().count()).isEqualTo(items);
    assertThat(harness.simulator().stats().requests() - before).isEqualTo(requests);
  }

  @Test
  void ngPageResponseAndSpringPage() {
    expect(PlatformClient.of(platform).projects().list("default").withPageSize(10).byPage(), ITEMS, 3);
    expect(PlatformClient.of(platform).pipelines().list("default", "proj").withPageSize(10).byPage(), ITEMS, 3);
  }

  @Test
  void v1Headers() {
    expect(PlatformClient.of(platform).v1().organizations().list().withPageSize(10).byPage(), ITEMS, 3);
  }

  @Test
  void seiV1BodyWithTheHasNextQuirk() {
    var sei = io.github.harnessreactive.sei.SeiClient.of(seiV1, null);
    // 20 records in pages of 10: the second page is full and says has_next, so an empty third page ends the list
    expect(sei.v1().scm().pullRequests(io.github.harnessreactive.sei.v1.ListQuery.all()).withPageSize(10).byPage(), 20, 3);
    expect(sei.v1().collectionCategories().list(io.github.harnessreactive.sei.v1.ListQuery.all()).withPageSize(10).byPage(), ITEMS, 3);
  }

  @Test
  void seiV2Shapes() {
    var sei = io.github.harnessreactive.sei.SeiClient.of(null, platform).v2();
    expect(sei.developers().list().withPageSize(10).byPage(), ITEMS, 3);
    expect(sei.teams().list("default", "proj").withPageSize(10).byPage(), ITEMS, 3);
    expect(sei.orgTrees().list("default", "proj").withPageSize(10).byPage(), ITEMS, 3);
    expect(sei.teams().developers(7).withPageSize(10).byPage(), ITEMS, 3);
    OffsetDateTime end = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    expect(platform.api(EfficiencyInsightsApi.class).paged("listDeploymentFrequencyDrilldown", Object.class, List.of(),
        (api, page) -> api.listDeploymentFrequencyDrilldownWithResponseSpec(SimulatorOptions.DEMO_ACCOUNT, "o", "p",
            new DrillDownRequest().teamRefId("7").dateStart(end.minusDays(30)).dateEnd(end).page(page.index()).pageSize(page.size())))
        .withPageSize(10).byPage(), ITEMS, 3);
  }

  @Test
  void theShapesOfTheCoverageWork() {
    var sei = io.github.harnessreactive.sei.SeiClient.of(null, platform).v2();
    expect(sei.exports().jobs("proj").withPageSize(10).byPage(), ITEMS, 3);                       // bare array
    expect(sei.exports().productivity().list().withPageSize(10).byPage(), ITEMS, 3);              // sei-v2-exports
    expect(sei.exports().ticketData().list().withPageSize(10).byPage(), ITEMS, 3);                // exports + totalCount
    expect(sei.activityLogs().list().withPageSize(10).byPage(), ITEMS, 3);                        // records + total
    expect(sei.customVariables().list("default", "proj").withPageSize(10).byPage(), ITEMS, 3);    // custom variables
    expect(sei.integrations().list().withPageSize(10).byPage(), ITEMS, 3);
    expect(platform.api(ExternalDataApi.class).paged("listExternalDataIngestions", Object.class, List.of(),  // ng-page-meta
        (api, page) -> api.listExternalDataIngestionsWithResponseSpec(7, null, page.index(), page.size(), null))
        .withPageSize(10).byPage(), ITEMS, 3);
    OffsetDateTime end = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    expect(sei.efficiency().meanTimeToRestoreDrilldown("default", "proj",                          // three item arrays
        new MTTRDrilldownRequest().teamRefId("7").dateStart(end.minusDays(30)).dateEnd(end)).withPageSize(10).byPage(), ITEMS, 3);
  }

  /** A cursor list: each page asked for with the cursor the one before handed out, and resumed from a token. */
  @Test
  void aCursorListFollowsItsCursorsAndResumesFromAToken() {
    HarnessApi<AiEngineeringApi> api = platform.api(AiEngineeringApi.class);
    PagedFlux<Object> developers = api.paged("listAiEngineeringDevelopers", Object.class, List.of(),
        (a, page) -> a.listAiEngineeringDevelopersWithResponseSpec(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, page.cursor(), page.size())).withPageSize(10);
    expect(developers.byPage(), ITEMS, 3);

    Page<Object> first = developers.byPage().blockFirst(Duration.ofSeconds(10));
    String token = first.continuationToken().orElseThrow(() -> new AssertionError("a cursor list can be resumed"));
    expect(developers.byPage(token), ITEMS - 10, 2);
  }

  @Test
  void seiRecordsArePlausible() {
    var sei = io.github.harnessreactive.sei.SeiClient.of(seiV1, null);
    Map<String, Object> pr = sei.v1().scm().pullRequests(io.github.harnessreactive.sei.v1.ListQuery.all()).blockFirst(Duration.ofSeconds(10));
    assertThat(pr).containsKeys("id", "title", "creator", "pr_merged_at");
    assertThat(Set.of("merged")).contains((String) pr.get("state"));
  }
}
