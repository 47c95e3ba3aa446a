package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.NotFoundException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.v1.model.OrganizationResponse;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Each guard ends a listing that cannot continue safely, with a message that says what was seen. */
class PaginationGuardsTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;

  @BeforeEach
  void setUp() {
    client = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT)).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private PagedFlux<ProjectResponse> projects() {
    return projectsOf(client);
  }

  private PagedFlux<OrgUnitCategory> categories() {
    return client.api(CollectionCategoriesApi.class).paged("listCollectionCategories", OrgUnitCategory.class, List.of(),
        (api, page) -> api.listCollectionCategoriesWithResponseSpec(new DefaultListRequest().page(page.index()).pageSize(page.size())))
        .withPageSize(2);
  }

  private static String ngPage(int index, long total, String... identifiers) {
    StringBuilder content = new StringBuilder();
    for (String id : identifiers) {
      content.append(content.length() == 0 ? "" : ",").append("{\"project\":{\"identifier\":\"").append(id).append("\"}}");
    }
    return """
        {"status":"SUCCESS","data":{"totalItems":%d,"totalPages":%d,"pageIndex":%d,"pageSize":2,"content":[%s]}}"""
        .formatted(total, (total + 1) / 2, index, content);
  }

  private static void stubNg(int index, String body) {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + index)).willReturn(json(200, body)));
  }

  private static void expectPaginationError(Flux<?> flux, int items, String... fragments) {
    StepVerifier.create(flux)
        .expectNextCount(items)
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(PaginationException.class);
          for (String fragment : fragments) {
            assertThat(e).hasMessageContaining(fragment);
          }
        })
        .verify(TIMEOUT);
  }

  @Test
  void aServerThatIgnoresThePageIndexIsCaughtByTheRepeatedItems() {
    harness.stubFor(get(urlPathEqualTo("/v1/orgs")).willReturn(json(200,
        "[{\"org\":{\"identifier\":\"a\"}},{\"org\":{\"identifier\":\"b\"}}]")));
    PagedFlux<OrganizationResponse> orgs = client.api(OrganizationsApi.class).paged("listOrganizations", OrganizationResponse.class,
        List.of(), (api, page) -> api.listOrganizationsWithResponseSpec(null, null, null, page.index(), page.size(), null, null));

    expectPaginationError(orgs.withPageSize(2), 2, "listOrganizations, page 1", "ignores the page index");
    assertThat(harness.getAllServeEvents()).hasSize(2);
  }

  @Test
  void aPageThatAnswersAnotherIndexIsCaught() {
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(json(200,
        "{\"records\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"_metadata\":{\"page\":0,\"page_size\":2,\"has_next\":true}}")));

    expectPaginationError(categories(), 2, "asked for page 1 but the server answered page 0 again");
  }

  @Test
  void aListThatShiftsUnderTheListingIsCaughtByARepeatedItem() {
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(matchingJsonPath("$.page", equalTo("0")))
        .willReturn(json(200, "{\"records\":[{\"id\":\"00000000-0000-0000-0000-00000000000a\"},{\"id\":\"00000000-0000-0000-0000-00000000000b\"}],\"_metadata\":{\"page\":0,\"page_size\":2,\"has_next\":true}}")));
    // an item was inserted at the front: "b" moves to the second page
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(matchingJsonPath("$.page", equalTo("1")))
        .willReturn(json(200, "{\"records\":[{\"id\":\"00000000-0000-0000-0000-00000000000b\"},{\"id\":\"00000000-0000-0000-0000-00000000000c\"}],\"_metadata\":{\"page\":1,\"page_size\":2,\"has_next\":true}}")));

    expectPaginationError(categories(), 2, "page 1", "item 0 of the page was also on the previous page", "shifted");
  }

  @Test
  void aTotalThatChangesDuringTheListingIsCaught() {
    stubNg(0, ngPage(0, 5, "p0", "p1"));
    stubNg(1, ngPage(1, 6, "p2", "p3"));

    expectPaginationError(projects(), 2, "page 1", "the total changed from 5 to 6", "data changed underneath");
  }

  @Test
  void aPageLargerThanAskedIsCaught() {
    stubNg(0, ngPage(0, 5, "p0", "p1", "p2"));

    expectPaginationError(projects(), 0, "page 0", "holds more than the 2 items asked for");
  }

  @Test
  void aServerThatAlwaysSaysMoreEndsAtTheMaximumPageCount() {
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(json(200, """
        {"records":[{"name":"a{{jsonPath request.body '$.page'}}"},{"name":"b{{jsonPath request.body '$.page'}}"}],
         "_metadata":{"page":{{jsonPath request.body '$.page'}},"page_size":2,"has_next":true}}""")
        .withTransformers("response-template")));

    expectPaginationError(categories().withMaxPages(5), 10, "page 5", "more than 5 pages");
    assertThat(harness.getAllServeEvents()).hasSize(5);
  }

  /** M7: more items than the reported total is a contradiction, not a last page. */
  @Test
  void moreItemsThanTheReportedTotalEndTheListing() {
    stubNg(0, ngPage(0, 1, "p0", "p1"));

    expectPaginationError(projects(), 0, "page 0", "brings the items seen to 2, more than the total of 1");
  }

  /** M7: a last page that leaves items missing against the total (a record deleted meanwhile) says so, and completes. */
  @Test
  void aLastPageWithItemsMissingSaysHowManyOnThePageAndAsAnEvent() {
    stubNg(0, ngPage(0, 5, "p0", "p1"));
    stubNg(1, ngPage(1, 5, "p2", "p3"));
    stubNg(2, "{\"status\":\"SUCCESS\",\"data\":{\"totalItems\":5,\"pageIndex\":2,\"pageSize\":2,\"content\":[]}}");
    List<String> events = new CopyOnWriteArrayList<>();

    try (HarnessClient observed = observedClient(events, "harness.page.incomplete")) {
      StepVerifier.create(projectsOf(observed).byPage())
          .assertNext(page -> assertThat(page.missingItems()).isZero())
          .assertNext(page -> assertThat(page.missingItems()).isZero())
          .assertNext(page -> {
            assertThat(page.isLast()).isTrue();
            assertThat(page.missingItems()).isEqualTo(1);
          })
          .expectComplete().verify(TIMEOUT);
    }
    assertThat(events).containsExactly("harness.page.incomplete page 2 is the last, but 1 of 5 items are missing");
  }

  /** M7: in strict mode the same listing delivers every item there is, then fails. */
  @Test
  void aStrictListingFailsAfterALastPageWithItemsMissing() {
    stubNg(0, ngPage(0, 3, "p0", "p1"));
    stubNg(1, "{\"status\":\"SUCCESS\",\"data\":{\"totalItems\":3,\"totalPages\":2,\"pageIndex\":1,\"content\":[]}}");

    expectPaginationError(projects().withStrictTotal(true), 2, "page 1", "the last page leaves 1 of 3 items missing");
    StepVerifier.create(projects()).expectNextCount(2).expectComplete().verify(TIMEOUT);
  }

  @Test
  void aBodyWithoutItsItemArrayIsCaught() {
    stubNg(0, "{\"status\":\"SUCCESS\",\"data\":{\"totalItems\":3,\"pageIndex\":0}}");

    expectPaginationError(projects(), 0, "no item array at 'data.content'", "data.totalItems");
  }

  @Test
  void anErrorEnvelopeInASuccessfulPageIsATypedError() {
    stubNg(0, "{\"status\":\"ERROR\",\"code\":\"ENTITY_NOT_FOUND\",\"message\":\"Organization missing\"}");

    StepVerifier.create(projects())
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class).hasMessageContaining("Organization missing"))
        .verify(TIMEOUT);
  }

  @Test
  void itemsAlreadyFetchedArriveBeforeTheErrorOfALaterPage() {
    stubNg(0, ngPage(0, 5, "p0", "p1"));
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("1")).willReturn(json(503, "")));

    StepVerifier.create(projects().map(p -> p.getProject().getIdentifier()))
        .expectNext("p0", "p1")
        .expectError(ServerErrorException.class)
        .verify(TIMEOUT);
  }

  /** A client whose observations report the events of one name, as "name description", into the list. */
  private static HarnessClient observedClient(List<String> events, String eventName) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onEvent(Observation.Event event, Observation.Context context) {
        if (event.getName().equals(eventName)) {
          events.add(event.getName() + " " + event.getContextualName());
        }
      }
    });
    return TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT)).observationRegistry(registry).build();
  }

  private static PagedFlux<ProjectResponse> projectsOf(HarnessClient client) {
    return client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class, List.of(),
        (api, page) -> api.listProjectsWithResponseSpec(ACCOUNT, null, null, null, null, null, page.index(), page.size(), null, null, null))
        .withPageSize(2);
  }

  @Test
  void eachPageFetchedIsAnObservationEvent() {
    stubNg(0, ngPage(0, 3, "p0", "p1"));
    stubNg(1, ngPage(1, 3, "p2"));
    List<String> events = new CopyOnWriteArrayList<>();
    try (HarnessClient observed = observedClient(events, "harness.page.fetched")) {
      StepVerifier.create(projectsOf(observed)).expectNextCount(3).expectComplete().verify(TIMEOUT);
    }
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).startsWith("harness.page.fetched page 0: 2 items in ");
    assertThat(events.get(1)).startsWith("harness.page.fetched page 1: 1 items in ");
  }
}
