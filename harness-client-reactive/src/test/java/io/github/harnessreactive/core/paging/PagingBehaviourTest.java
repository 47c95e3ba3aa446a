package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static io.github.harnessreactive.core.TestHarness.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * Paging over HTTP: the item stream and the pages carry everything once, continuation tokens
 * resume exactly where their page left off, and cancelling stops every further request. Requests
 * are counted by a filter on the client as they are sent, so "nothing more was requested" needs no
 * waiting. The exact demand rule is pinned without HTTP in {@link LookaheadSubscriberTest}.
 */
class PagingBehaviourTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final AtomicInteger sent = new AtomicInteger();
  private HarnessClient client;

  @BeforeEach
  void setUp() {
    client = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT))
        .webClientBuilder(WebClient.builder().filter((request, next) -> {
          sent.incrementAndGet();
          return next.exchange(request);
        }))
        .build();
    // Five pages of two categories, c0..c9, the last one saying has_next: false.
    for (int page = 0; page < 5; page++) {
      List<String> items = List.of("c" + (2 * page), "c" + (2 * page + 1));
      harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(matchingJsonPath("$.page", equalTo("" + page)))
          .willReturn(json(200, """
              {"records":%s,"count":2,"_metadata":{"page":%d,"page_size":2,"has_next":%b,"total_count":10}}"""
              .formatted(objects(items, "{\"name\":\"%s\"}"), page, page < 4))));
    }
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private PagedFlux<OrgUnitCategory> categories(String filterValue) {
    return client.api(CollectionCategoriesApi.class).paged("listCollectionCategories", OrgUnitCategory.class,
        List.of(filterValue), (api, page) -> api.listCollectionCategoriesWithResponseSpec(new DefaultListRequest()
            .page(page.index()).pageSize(page.size()).putFilterItem("name", filterValue))).withPageSize(2);
  }

  /** The page indexes the server received, in order (complete once every request sent was answered). */
  private static List<Integer> receivedPages() {
    List<Integer> pages = new ArrayList<>();
    harness.getAllServeEvents().forEach(event -> pages.add(
        Integer.parseInt(event.getRequest().getBodyAsString().replaceAll(".*\"page\"\\s*:\\s*(\\d+).*", "$1"))));
    pages.sort(Integer::compare);
    return pages;
  }

  @Test
  void cancellingStopsEveryFurtherRequest() {
    StepVerifier.create(categories("x").withLookahead(0).take(3)).expectNextCount(3).expectComplete().verify(TIMEOUT);
    assertThat(sent).hasValue(2);
    assertThat(receivedPages()).containsExactly(0, 1);

    harness.resetRequests();
    sent.set(0);
    StepVerifier.create(categories("x").take(5)).expectNextCount(5).expectComplete().verify(TIMEOUT);
    // Three pages hold five items; the page after them would have been asked for once the fifth
    // item had been delivered, but take(5) cancelled on that item, so it never was.
    assertThat(sent).hasValue(3);
  }

  /**
   * Lookahead 0 on the pages: the next page is asked for only when the subscriber asks for it,
   * not as soon as the page before it is delivered. The wait is the point: a page fetched ahead of
   * demand would be on the wire by then.
   */
  @Test
  void withoutLookaheadTheNextPageWaitsForDemand() {
    StepVerifier.create(categories("x").withLookahead(0).byPage(), 1)
        .expectNextCount(1)
        .thenAwait(Duration.ofMillis(300))
        .then(() -> assertThat(sent).hasValue(1))
        .thenRequest(1)
        .expectNextCount(1)
        .thenAwait(Duration.ofMillis(300))
        .then(() -> assertThat(sent).hasValue(2))
        .thenCancel()
        .verify(TIMEOUT);
    assertThat(receivedPages()).containsExactly(0, 1);
  }

  @Test
  void theItemStreamAndThePagesCarryEverythingOnce() {
    StepVerifier.create(categories("x").map(OrgUnitCategory::getName))
        .expectNextSequence(IntStream.range(0, 10).mapToObj(i -> "c" + i).toList())
        .expectComplete()
        .verify(TIMEOUT);

    harness.resetRequests();
    StepVerifier.create(categories("x").byPage())
        .assertNext(page -> {
          assertThat(page.index()).isZero();
          assertThat(page.requestedSize()).isEqualTo(2);
          assertThat(page.totalItems()).hasValue(10);
          assertThat(page.isLast()).isFalse();
          assertThat(page.continuationToken()).isPresent();
          assertThat(page.headers().getFirst("Content-Type")).isEqualTo("application/json");
        })
        .expectNextCount(3)
        .assertNext(page -> {
          assertThat(page.index()).isEqualTo(4);
          assertThat(page.isLast()).isTrue();
          assertThat(page.continuationToken()).isEmpty();
        })
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(receivedPages()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aContinuationTokenResumesExactlyWithTheRemainingItems() {
    Page<OrgUnitCategory> second = categories("x").byPage().skip(1).blockFirst(TIMEOUT);
    String token = second.continuationToken().orElseThrow();
    harness.resetRequests();

    StepVerifier.create(categories("x").byPage(token).concatMapIterable(Page::items).map(OrgUnitCategory::getName))
        .expectNext("c4", "c5", "c6", "c7", "c8", "c9")
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(receivedPages()).containsExactly(2, 3, 4);
  }

  @Test
  void aTokenUsedWithOtherParametersFailsBeforeAnyRequest() {
    String token = categories("x").byPage().blockFirst(TIMEOUT).continuationToken().orElseThrow();
    harness.resetRequests();

    StepVerifier.create(categories("y").byPage(token))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("other query parameters"))
        .verify(TIMEOUT);
    StepVerifier.create(categories("x").byPage("bm90LWEtdG9rZW4"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class))
        .verify(TIMEOUT);
    assertThat(harness.getAllServeEvents()).isEmpty();
  }

  @Test
  void aPageSizeAboveTheOperationsMaximumFailsBeforeAnyRequest() {
    StepVerifier.create(categories("x").withPageSize(1_000_000))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("above the maximum of listCollectionCategories"))
        .verify(TIMEOUT);
    assertThat(harness.getAllServeEvents()).isEmpty();
  }

  @Test
  void eachSubscriptionListsOnItsOwn() {
    PagedFlux<OrgUnitCategory> shared = categories("x");
    StepVerifier.create(shared.take(1)).expectNextCount(1).expectComplete().verify(TIMEOUT);
    StepVerifier.create(shared.count()).expectNext(10L).expectComplete().verify(TIMEOUT);
  }

}
