package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.paging.PagingFixtures.TIMEOUT;
import static io.github.harnessreactive.core.paging.PagingFixtures.json;
import static io.github.harnessreactive.core.paging.PagingFixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * Demand, lookahead, cancellation and resumption, asserted from WireMock's request log: a page is
 * requested only when demand needs it (plus the lookahead), never after a cancel, and a
 * continuation token resumes exactly where its page left off.
 */
class PagingBehaviourTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HarnessClient client;

  @BeforeEach
  void setUp() {
    client = PagingFixtures.client(harness);
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

  /** The page indexes requested so far, in order. */
  private static List<Integer> requestedPages() {
    List<Integer> pages = new ArrayList<>();
    harness.getAllServeEvents().forEach(event -> pages.add(
        Integer.parseInt(event.getRequest().getBodyAsString().replaceAll(".*\"page\"\\s*:\\s*(\\d+).*", "$1"))));
    pages.sort(Integer::compare);
    return pages;
  }

  /** Waits until the log holds this many requests, then gives a further request time to show up. */
  private static void awaitRequests(int count) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (harness.getAllServeEvents().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void withoutDemandNothingIsFetchedAtLookaheadZeroAndOnePageAtLookaheadOne() {
    StepVerifier.create(categories("x").withLookahead(0), 0)
        .then(() -> awaitRequests(0))
        .then(() -> assertThat(requestedPages()).isEmpty())
        .thenCancel()
        .verify(TIMEOUT);

    StepVerifier.create(categories("x"), 0)
        .then(() -> awaitRequests(1))
        .then(() -> assertThat(requestedPages()).containsExactly(0))
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void atLookaheadZeroThePageAfterIsRequestedOnlyWhenDemandReachesIt() {
    StepVerifier.create(categories("x").withLookahead(0), 1)
        .expectNext(categoryNamed("c0"))
        .then(() -> awaitRequests(1))
        .then(() -> assertThat(requestedPages()).containsExactly(0))
        .thenRequest(1)
        .expectNext(categoryNamed("c1"))
        .then(() -> assertThat(requestedPages()).containsExactly(0))
        .thenRequest(1)
        .expectNext(categoryNamed("c2"))
        .then(() -> assertThat(requestedPages()).containsExactly(0, 1))
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void atLookaheadOneTheNextPageIsRequestedWhileTheCurrentOneIsConsumed() {
    StepVerifier.create(categories("x"), 1)
        .expectNext(categoryNamed("c0"))
        .then(() -> awaitRequests(2))
        .then(() -> assertThat(requestedPages()).containsExactly(0, 1))
        .thenRequest(1)
        .expectNext(categoryNamed("c1"))
        .then(() -> assertThat(requestedPages()).containsExactly(0, 1))
        .thenRequest(1)
        .expectNext(categoryNamed("c2"))
        .then(() -> awaitRequests(3))
        .then(() -> assertThat(requestedPages()).containsExactly(0, 1, 2))
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void cancellingStopsEveryFurtherRequest() {
    StepVerifier.create(categories("x").withLookahead(0).take(3)).expectNextCount(3).expectComplete().verify(TIMEOUT);
    awaitRequests(2);
    assertThat(requestedPages()).containsExactly(0, 1);

    harness.resetRequests();
    StepVerifier.create(categories("x").take(5)).expectNextCount(5).expectComplete().verify(TIMEOUT);
    int atCancel = harness.getAllServeEvents().size();
    awaitRequests(atCancel);
    // Three pages hold five items; the page after them would have been asked for once the fifth
    // item had been delivered, but take(5) cancelled on that item, so it never was.
    assertThat(requestedPages()).containsExactly(0, 1, 2);
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
    assertThat(requestedPages()).containsExactly(0, 1, 2, 3, 4);
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
    assertThat(requestedPages()).containsExactly(2, 3, 4);
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

  private static OrgUnitCategory categoryNamed(String name) {
    return new OrgUnitCategory().name(name);
  }
}
