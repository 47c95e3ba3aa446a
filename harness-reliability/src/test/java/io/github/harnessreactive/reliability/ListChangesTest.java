package io.github.harnessreactive.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.reliability.FaultMatrixTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.core.paging.PaginationException;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * A list that changes while it is paged through. What the pager can see (a changed total, an item it
 * already delivered, a server that never says the end) ends the stream with a {@link PaginationException};
 * what offset paging cannot see (an item removed from a page already read, with no total to compare)
 * is pinned here so the README's statement stays true.
 */
@Order(3)
class ListChangesTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private HarnessClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(harness.baseUrl()).build();
  }

  @AfterEach
  void tearDown() {
    Fixtures.assertNothingLeaked(client);
    client.close();
  }

  @Test
  void aListThatShrinksIsReportedByItsTotal() {
    stubProjects(0, 6, "p0", "p1");
    stubProjects(1, 5, "p3", "p4"); // p2 was deleted after page 0 was read

    StepVerifier.create(projects()).expectNext("p0", "p1")
        .expectErrorSatisfies(e -> assertThat(Fixtures.record(e)).isInstanceOf(PaginationException.class)
            .hasMessageContaining("the total changed from 6 to 5"))
        .verify(DEADLINE);
  }

  @Test
  void aListThatShiftsIsReportedByTheRepeatedItem() {
    stubCategories(0, true, "a", "b");
    stubCategories(1, true, "b", "c"); // an item was inserted before "a": "b" moved to page 1

    StepVerifier.create(categories()).expectNext("a", "b")
        .expectErrorSatisfies(e -> assertThat(Fixtures.record(e)).isInstanceOf(PaginationException.class)
            .hasMessageContaining("was also on the previous page"))
        .verify(DEADLINE);
  }

  @Test
  void aServerThatSaysHasNextForeverIsStoppedAtTheMaximumPageCount() {
    for (int page = 0; page < 10; page++) {
      stubCategories(page, true, "a" + page, "b" + page);
    }

    StepVerifier.create(pagedCategories().withMaxPages(5).map(OrgUnitCategory::getName)).expectNextCount(10)
        .expectErrorSatisfies(e -> assertThat(Fixtures.record(e)).isInstanceOf(PaginationException.class)
            .hasMessageContaining("more than 5 pages"))
        .verify(DEADLINE);
    assertThat(harness.getAllServeEvents()).hasSize(5);
  }

  @Test
  void anItemRemovedBehindTheListingWithoutATotalIsNotSeen() {
    stubCategories(0, true, "a", "b");
    stubCategories(1, true, "d", "e"); // "a" was deleted after page 0: "c" moved to page 0 and is skipped
    stubCategories(2, false);

    StepVerifier.create(categories()).expectNext("a", "b", "d", "e").expectComplete().verify(DEADLINE);
  }

  private Flux<String> projects() {
    return PlatformClient.of(client).projects().list("default").withPageSize(2).map(p -> p.getProject().getIdentifier());
  }

  private Flux<String> categories() {
    return pagedCategories().map(OrgUnitCategory::getName);
  }

  private PagedFlux<OrgUnitCategory> pagedCategories() {
    return SeiClient.of(client, null).v1().collectionCategories().list(ListQuery.all()).withPageSize(2);
  }

  private static void stubProjects(int index, int total, String... identifiers) {
    String content = objects("{\"project\":{\"identifier\":\"%s\"}}", identifiers);
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + index))
        .willReturn(json(200, """
            {"status":"SUCCESS","data":{"totalItems":%d,"pageIndex":%d,"pageSize":2,"content":[%s]}}"""
            .formatted(total, index, content))));
  }

  private static void stubCategories(int page, boolean hasNext, String... names) {
    // A category is identified by its id (a UUID), derived here from its name.
    String records = Arrays.stream(names).map(name -> "{\"id\":\"%s\",\"name\":\"%s\"}"
        .formatted(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name)).collect(Collectors.joining(","));
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(matchingJsonPath("$.page", equalTo("" + page)))
        .willReturn(json(200, """
            {"records":[%s],"_metadata":{"page":%d,"page_size":2,"has_next":%s}}""".formatted(records, page, hasNext))));
  }

  /** One JSON object per value, from a format with one {@code %s}, joined by commas. */
  private static String objects(String format, String... values) {
    return Arrays.stream(values).map(format::formatted).collect(Collectors.joining(","));
  }
}
