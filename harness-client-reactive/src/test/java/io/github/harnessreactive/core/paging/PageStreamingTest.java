package io.github.harnessreactive.core.paging;

import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ResponseTooLargeException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * Pages read from the body's buffers as they arrive, over HTTP, against a Reactor Netty server that
 * decides exactly which bytes each attempt gets and when: items split across chunks at every byte
 * offset (multi-byte UTF-8 included), metadata after the items, a body cut in the middle of an item
 * (retried, no item twice with early emission), a retry that does not match what went out, the
 * page and item byte limits, early emission delivering the first item while the page is still on
 * the wire, and a listing cancelled while its page is in flight (L5).
 */
class PageStreamingTest {

  private static final String PATH = "/v1/org/groups/list";

  private DisposableServer server;
  private HarnessClient client;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch connectionClosed = new CountDownLatch(1);

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.disposeNow();
  }

  /** Starts the server: the n-th request (from 1) gets the chunks {@code body} gives for n. */
  private void serve(Function<Integer, Flux<String>> body, UnaryOperator<HarnessClient.Builder> options) {
    server = HttpServer.create().host("127.0.0.1").port(0)
        .route(routes -> routes.post(PATH, (request, response) -> {
          int n = requests.incrementAndGet();
          return request.receive().then()
              .then(Mono.from(response.header("Content-Type", "application/json").sendHeaders()))
              .then(Mono.from(response.withConnection(c -> c.onDispose(connectionClosed::countDown))
                  .send(body.apply(n).map(PageStreamingTest::bytes), chunk -> true)));
        }))
        .bindNow();
    client = options.apply(HarnessClient.builder().credential(ApiKeyCredential.of(TestHarness.PAT))
        .serviceUrl(HarnessService.SEI_V1, "http://127.0.0.1:" + server.port())
        .rateLimiter(TestHarness.unlimited()).retryPolicy(RetryPolicy.none())).build();
  }

  private static ByteBuf bytes(String chunk) {
    return Unpooled.wrappedBuffer(chunk.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Splits a body's UTF-8 bytes into chunks at these byte offsets (the server sends them as Latin-1 strings). */
  private static Flux<String> chunks(String body, int... offsets) {
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    List<String> chunks = new ArrayList<>();
    int start = 0;
    for (int offset : offsets) {
      chunks.add(new String(Arrays.copyOfRange(utf8, start, offset), StandardCharsets.ISO_8859_1));
      start = offset;
    }
    chunks.add(new String(Arrays.copyOfRange(utf8, start, utf8.length), StandardCharsets.ISO_8859_1));
    return Flux.fromIterable(chunks);
  }

  private static String page(boolean last, String... names) {
    StringBuilder records = new StringBuilder();
    for (String name : names) {
      records.append(records.length() == 0 ? "" : ",").append("{\"id\":\"").append(id(name)).append("\",\"name\":\"")
          .append(name).append("\"}");
    }
    // SEI v1 sends its metadata after the records.
    return "{\"records\":[" + records + "],\"_metadata\":{\"page_size\":4,\"has_next\":" + !last + "}}";
  }

  /** A category's id (a UUID, as SEI v1 gives them), the same for the same name. */
  private static String id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private PagedFlux<OrgUnitCategory> categories() {
    return client.api(CollectionCategoriesApi.class).paged("listCollectionCategories", OrgUnitCategory.class, List.of(),
        (api, page) -> api.listCollectionCategoriesWithResponseSpec(new DefaultListRequest().page(page.index())
            .pageSize(page.size()))).withPageSize(4);
  }

  private static List<String> names(Flux<OrgUnitCategory> items) {
    return items.map(OrgUnitCategory::getName).collectList().block(TIMEOUT);
  }

  private static UnaryOperator<HarnessClient.Builder> retries() {
    return builder -> builder.retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)));
  }

  @Test
  void itemsAndMultiByteCharactersSplitAtEveryByteOffsetArriveWhole() {
    String body = page(true, "Zürich", "☃ snow", "𝄞 clef", "plain");
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    serve(n -> chunks(body, (n - 1) % (length - 1) + 1), builder -> builder);
    List<String> expected = List.of("Zürich", "☃ snow", "𝄞 clef", "plain");
    for (int offset = 1; offset < length; offset++) {
      assertThat(names(categories())).as("split at byte %d", offset).isEqualTo(expected);
    }
    for (int offset = 1; offset < length; offset++) {
      assertThat(names(categories().withEarlyEmission())).as("early, split at byte %d", offset).isEqualTo(expected);
    }
    assertThat(requests).hasValue(2 * (length - 1));
  }

  @Test
  void metadataAfterTheItemsDecidesTheLastPageInBothModes() {
    serve(n -> Flux.just((n % 2 == 1 ? page(false, "a", "b", "c", "d") : page(true, "e"))), builder -> builder);
    assertThat(names(categories())).containsExactly("a", "b", "c", "d", "e");
    assertThat(names(categories().withEarlyEmission())).containsExactly("a", "b", "c", "d", "e");
    assertThat(requests).hasValue(4);
  }

  /**
   * Early emission with a consumer that asked for one item: the first attempt decodes a and b,
   * delivers a, and fails before b was asked for. b counts as delivered only once it went out, so
   * the retry skips a alone and delivers b. The wait is the point: the failure must come while the
   * consumer holds its demand at one.
   */
  @Test
  void anItemDecodedButNotYetAskedForWhenThePageFailsComesFromTheRetry() {
    String full = page(true, "a", "b", "c", "d");
    String cut = full.substring(0, full.indexOf("\"c\"") + 3);
    serve(n -> n % 2 == 1 ? chunks(cut).concatWith(Flux.error(new IllegalStateException("the server fell over")))
        : Flux.just(full), retries());
    StepVerifier.create(categories().withEarlyEmission().map(OrgUnitCategory::getName), 1)
        .expectNext("a")
        .thenAwait(Duration.ofMillis(300))
        .thenRequest(Long.MAX_VALUE)
        .expectNext("b", "c", "d")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void aBodyCutInTheMiddleOfAnItemIsRetriedAndNoItemGoesOutTwice() {
    String full = page(true, "a", "b", "c", "d");
    String cut = full.substring(0, full.indexOf("\"c\"") + 3); // in the middle of item c
    Function<Integer, Flux<String>> cutThenWhole = n -> n % 2 == 1
        ? chunks(cut).concatWith(Flux.error(new IllegalStateException("the server fell over")))
        : Flux.just(full);
    serve(cutThenWhole, retries());
    assertThat(names(categories())).containsExactly("a", "b", "c", "d");
    assertThat(names(categories().withEarlyEmission())).containsExactly("a", "b", "c", "d");
    assertThat(requests).hasValue(4);
  }

  @Test
  void withoutRetriesABodyCutShortIsARetryableTypedError() {
    String full = page(true, "a", "b", "c", "d");
    serve(n -> Flux.just(full.substring(0, full.length() - 5)), builder -> builder);
    StepVerifier.create(categories())
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ResponseDecodeException.class,
            decode -> assertThat(decode.isRetryable()).isTrue()))
        .verify(TIMEOUT);
    StepVerifier.create(categories().withEarlyEmission())
        .expectNextCount(4) // every item was whole: only the metadata was cut
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ResponseDecodeException.class,
            decode -> assertThat(decode.isTruncated()).isTrue()))
        .verify(TIMEOUT);
  }

  @Test
  void aRetryWhoseItemsDoNotMatchWhatWentOutEndsTheListing() {
    String first = page(true, "a", "b", "c", "d");
    serve(n -> n == 1 ? chunks(first.substring(0, first.indexOf("\"c\""))).concatWith(Flux.error(new IllegalStateException()))
        : Flux.just(page(true, "x", "y", "c", "d")), retries());
    StepVerifier.create(categories().withEarlyEmission().map(OrgUnitCategory::getName))
        .expectNext("a", "b")
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(PaginationException.class)
            .hasMessageContaining("failed after 2 of its items went out")
            .hasMessageContaining("does not have the same item at that place"))
        .verify(TIMEOUT);
  }

  @Test
  void aPageOverItsByteLimitAndAnItemOverItsLimitAreTypedErrorsNotRetried() {
    String big = page(true, "a".repeat(600), "b");
    serve(n -> Flux.just(big), builder -> retries().apply(builder).maxPageBytes(500).maxItemBytes(400));
    for (PagedFlux<OrgUnitCategory> listing : List.of(categories(), categories().withEarlyEmission())) {
      StepVerifier.create(listing)
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ResponseTooLargeException.class, tooLarge -> {
            assertThat(tooLarge.part()).isEqualTo(ResponseTooLargeException.Part.PAGE);
            assertThat(tooLarge.limitBytes()).isEqualTo(500);
            assertThat(tooLarge.isRetryable()).isFalse();
          }))
          .verify(TIMEOUT);
    }
    assertThat(requests).hasValue(2);
  }

  @Test
  void anItemOverItsLimitIsATypedErrorInBothModes() {
    String page = page(true, "a", "b".repeat(300), "c");
    serve(n -> Flux.just(page), builder -> builder.maxItemBytes(200));
    StepVerifier.create(categories())
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ResponseTooLargeException.class,
            tooLarge -> assertThat(tooLarge.part()).isEqualTo(ResponseTooLargeException.Part.ITEM)))
        .verify(TIMEOUT);
    StepVerifier.create(categories().withEarlyEmission().map(OrgUnitCategory::getName))
        .expectNext("a")
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ResponseTooLargeException.class,
            tooLarge -> assertThat(tooLarge.part()).isEqualTo(ResponseTooLargeException.Part.ITEM)))
        .verify(TIMEOUT);
  }

  @Test
  void earlyEmissionDeliversTheFirstItemWhileThePageIsStillOnTheWire() {
    String body = page(true, "a", "b", "c");
    int split = body.indexOf(",{\"id\":\"" + id("b"));
    Sinks.Empty<Void> rest = Sinks.empty();
    serve(n -> Flux.just(body.substring(0, split)).concatWith(rest.asMono().thenMany(Flux.just(body.substring(split)))),
        builder -> builder);

    StepVerifier.create(categories().withEarlyEmission().map(OrgUnitCategory::getName))
        .expectNext("a") // the rest of the page is held back until the test has this item
        .then(rest::tryEmitEmpty)
        .expectNext("b", "c")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void byDefaultNoItemGoesOutBeforeThePageIsComplete() {
    String body = page(true, "a", "b", "c");
    int split = body.indexOf(",{\"id\":\"" + id("b"));
    Sinks.Empty<Void> rest = Sinks.empty();
    serve(n -> Flux.just(body.substring(0, split)).concatWith(rest.asMono().thenMany(Flux.just(body.substring(split)))),
        builder -> builder);

    StepVerifier.create(categories().map(OrgUnitCategory::getName))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(200)) // "a" has arrived; the page has not
        .then(rest::tryEmitEmpty)
        .expectNext("a", "b", "c")
        .expectComplete()
        .verify(TIMEOUT);
  }

  /**
   * L5: a listing cancelled from inside its first page's request, that is while the page's call is
   * being subscribed, cancels that call: the server sees the connection closed long before the
   * response timeout, and no item and no second request follow.
   */
  @Test
  void aListingCancelledWhileItsPageIsBeingSubscribedCancelsThatPage() throws InterruptedException {
    serve(n -> Flux.never(), builder -> builder);
    List<OrgUnitCategory> received = new ArrayList<>();
    BaseSubscriber<OrgUnitCategory> subscriber = new BaseSubscriber<>() {
      @Override
      protected void hookOnNext(OrgUnitCategory value) {
        received.add(value);
      }
    };
    PagedFlux<OrgUnitCategory> listing = client.api(CollectionCategoriesApi.class).paged("listCollectionCategories",
        OrgUnitCategory.class, List.of(), (api, page) -> {
          var spec = api.listCollectionCategoriesWithResponseSpec(new DefaultListRequest().page(page.index()).pageSize(4));
          subscriber.dispose(); // the consumer goes away while the page's call is being set up
          return spec;
        });
    listing.withLookahead(0).subscribe(subscriber);

    // Either the request never left, or it did and its connection was closed: not left open until the response timeout.
    boolean closed = connectionClosed.await(2, TimeUnit.SECONDS);
    assertThat(closed || requests.get() == 0).as("the in-flight page was cancelled").isTrue();
    assertThat(received).isEmpty();
    assertThat(requests.get()).isLessThanOrEqualTo(1);
  }
}
