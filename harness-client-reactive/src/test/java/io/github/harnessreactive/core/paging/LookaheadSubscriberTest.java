package io.github.harnessreactive.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/**
 * The demand rule of {@link PagedFlux}, exactly: which pages the source is asked for as the
 * subscriber asks for items or pages, at lookahead 0 and 1, and after cancelling. The source is a
 * {@link TestPublisher}, so every request is counted as it is made; nothing waits.
 */
class LookaheadSubscriberTest {

  private final TestPublisher<Page<String>> source = TestPublisher.createCold();

  /** Page {@code index} of two items, {@code "<index>a"} and {@code "<index>b"}. */
  private static Page<String> page(int index, boolean last) {
    return new Page<>(List.of(index + "a", index + "b"), index, 2, OptionalLong.empty(), OptionalLong.empty(), last,
        HttpHeaders.EMPTY, null, Duration.ZERO);
  }

  /** Pages the source has been asked for so far. */
  private long requested;

  private long pagesRequested() {
    return requested;
  }

  /** A listing over the test publisher that counts the pages asked of it. */
  private PagedFlux<String> counting(int lookahead) {
    return new PagedFlux<String>(request -> source.flux().doOnRequest(n -> requested += n))
        .withLookahead(lookahead);
  }

  @Test
  void withoutDemandNothingIsRequestedAtLookaheadZeroAndOnePageAtLookaheadOne() {
    StepVerifier.create(counting(0), 0).then(() -> assertThat(pagesRequested()).isZero()).thenCancel().verify();

    requested = 0;
    StepVerifier.create(counting(1), 0).then(() -> assertThat(pagesRequested()).isEqualTo(1)).thenCancel().verify();
  }

  @Test
  void atLookaheadZeroTheNextPageIsRequestedOnlyWhenDemandReachesIt() {
    StepVerifier.create(counting(0), 1)
        .then(() -> assertThat(pagesRequested()).isEqualTo(1))
        .then(() -> source.next(page(0, false)))
        .expectNext("0a")
        .thenRequest(1)
        .expectNext("0b")
        .then(() -> assertThat(pagesRequested()).isEqualTo(1))
        .thenRequest(1)
        .then(() -> assertThat(pagesRequested()).isEqualTo(2))
        .then(() -> source.next(page(1, true)))
        .expectNext("1a")
        .thenCancel()
        .verify();
  }

  @Test
  void atLookaheadOneTheNextPageIsRequestedWhileTheCurrentOneIsConsumed() {
    StepVerifier.create(counting(1), 1)
        .then(() -> assertThat(pagesRequested()).isEqualTo(2)) // the page the item is on, and one ahead
        .then(() -> source.next(page(0, false)))
        .expectNext("0a")
        .then(() -> assertThat(pagesRequested()).isEqualTo(2))
        .thenRequest(1)
        .expectNext("0b")
        .then(() -> assertThat(pagesRequested()).isEqualTo(2))
        .then(() -> source.next(page(1, false)))
        .thenRequest(1)
        .expectNext("1a")
        .then(() -> assertThat(pagesRequested()).isEqualTo(3))
        .thenCancel()
        .verify();
  }

  @Test
  void atMostLookaheadPlusOnePagesAreHeldWhateverTheDemand() {
    StepVerifier.create(counting(2).byPage(), 0)
        .then(() -> assertThat(pagesRequested()).isEqualTo(2))
        .thenRequest(1)
        .then(() -> assertThat(pagesRequested()).isEqualTo(3))
        .then(() -> source.next(page(0, false)))
        .expectNextCount(1)
        .then(() -> assertThat(pagesRequested()).isEqualTo(3))
        .thenCancel()
        .verify();
  }

  @Test
  void cancellingCancelsTheSourceAndAsksForNothingMore() {
    StepVerifier.create(counting(0).take(3), 3)
        .then(() -> source.next(page(0, false)))
        .expectNext("0a", "0b")
        .then(() -> source.next(page(1, false)))
        .expectNext("1a")
        .verifyComplete();
    assertThat(pagesRequested()).isEqualTo(2);
    source.assertCancelled();
  }

  @Test
  void aLastPageEndsTheStreamWithoutAskingForAnother() {
    StepVerifier.create(counting(1))
        .then(() -> source.next(page(0, false), page(1, true)))
        .expectNext("0a", "0b", "1a", "1b")
        .verifyComplete();
    assertThat(pagesRequested()).isEqualTo(2 + 1); // page 2 was asked for ahead; its source is cancelled unused
    source.assertCancelled();
  }

  @Test
  void itemsAlreadyFetchedAreDeliveredBeforeAnErrorOfALaterPage() {
    StepVerifier.create(counting(1).map(String::toUpperCase))
        .then(() -> source.next(page(0, false)))
        .then(() -> source.error(new IllegalStateException("page 1 failed")))
        .expectNext("0A", "0B")
        .verifyErrorMessage("page 1 failed");
  }

  @Test
  void thePagesViewDeliversEveryPageOnce() {
    StepVerifier.create(counting(1).byPage().map(Page::index))
        .then(() -> IntStream.range(0, 4).forEach(i -> source.next(page(i, i == 3))))
        .expectNext(0, 1, 2, 3)
        .verifyComplete();
  }
}
