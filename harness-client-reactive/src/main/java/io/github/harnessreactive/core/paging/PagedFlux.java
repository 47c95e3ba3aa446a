package io.github.harnessreactive.core.paging;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A list as a lazy stream of its items, fetched page by page as demand needs them.
 *
 * <ul>
 *   <li>It is a {@code Flux<T>} of items; {@link #byPage()} gives the pages with their metadata.</li>
 *   <li>A page is requested only when downstream demand needs it, plus {@linkplain #withLookahead
 *       lookahead} pages ahead (default 1: the next page is fetched while the current one is being
 *       consumed; 0: strictly on demand). At most {@code lookahead + 1} pages are held in memory,
 *       however slow the consumer.</li>
 *   <li>Cancelling stops every further request.</li>
 *   <li>Each subscription starts its own listing from the first page (or from a
 *       {@linkplain #byPage(String) continuation token}); nothing is shared between subscriptions.</li>
 *   <li>Pages are as large as the operation allows unless {@link #withPageSize} says otherwise:
 *       Harness limits requests, not records.</li>
 *   <li>By default a page's items go downstream once the whole page has arrived and been judged,
 *       so every guard runs before any item of the page is delivered, and a page that fails half
 *       way and is retried cannot deliver an item twice. {@link #withEarlyEmission()} delivers each
 *       item as its last byte arrives instead.</li>
 * </ul>
 *
 * <p>A listing that cannot continue safely ends with a {@link PaginationException}; errors of a
 * page fetch are the runtime's typed errors. Immutable: the {@code with...} methods return copies.
 *
 * @param <T> the item type
 */
public final class PagedFlux<T> extends Flux<T> {

  /** The default lookahead: one page. */
  public static final int DEFAULT_LOOKAHEAD = 1;
  /** The default maximum number of pages of one listing. */
  public static final long DEFAULT_MAX_PAGES = 100_000;

  private final PageRetriever<T> retriever;
  private final Integer pageSize;
  private final int lookahead;
  private final long maxPages;
  private final boolean strictTotal;
  private final boolean earlyEmission;
  private final Function<Throwable, Throwable> errors;

  /** For the runtime and facades; applications get a {@code PagedFlux} from them. */
  public PagedFlux(PageRetriever<T> retriever) {
    this(retriever, null, DEFAULT_LOOKAHEAD, DEFAULT_MAX_PAGES, false, false, Function.identity());
  }

  private PagedFlux(PageRetriever<T> retriever, Integer pageSize, int lookahead, long maxPages, boolean strictTotal,
      boolean earlyEmission, Function<Throwable, Throwable> errors) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.pageSize = pageSize;
    this.lookahead = lookahead;
    this.maxPages = maxPages;
    this.strictTotal = strictTotal;
    this.earlyEmission = earlyEmission;
    this.errors = errors;
  }

  /**
   * The same listing with another page size.
   *
   * @throws IllegalArgumentException when not positive; a size above the operation's maximum fails at subscription
   */
  public PagedFlux<T> withPageSize(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("page size must be positive");
    }
    return new PagedFlux<>(retriever, size, lookahead, maxPages, strictTotal, earlyEmission, errors);
  }

  /** The same listing fetching this many pages ahead of demand (0 = strictly on demand). */
  public PagedFlux<T> withLookahead(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("lookahead must not be negative");
    }
    return new PagedFlux<>(retriever, pageSize, pages, maxPages, strictTotal, earlyEmission, errors);
  }

  /** The same listing failing with {@link PaginationException} past this many pages. */
  public PagedFlux<T> withMaxPages(long pages) {
    if (pages <= 0) {
      throw new IllegalArgumentException("maxPages must be positive");
    }
    return new PagedFlux<>(retriever, pageSize, lookahead, pages, strictTotal, earlyEmission, errors);
  }

  /**
   * The same listing, strict or lenient about items missing at its end. When the last page leaves
   * items missing against the total Harness reported (a record deleted while the list was read,
   * or a stale total), a lenient listing (the default) completes and says so on the page
   * ({@link Page#missingItems()}) and in a {@code harness.page.incomplete} event; a strict one
   * delivers that page, then fails with {@link PaginationException}. More items than the total is
   * a contradiction that fails either way.
   */
  public PagedFlux<T> withStrictTotal(boolean strict) {
    return new PagedFlux<>(retriever, pageSize, lookahead, maxPages, strict, earlyEmission, errors);
  }

  /**
   * The same listing delivering each item as its last byte arrives, rather than when its page is
   * complete: the first items of a large page reach the consumer while the rest of it is still on
   * the wire. What it changes:
   * <ul>
   *   <li>The guards that need the whole page (its metadata, which SEI v1 sends after its items)
   *       fire after the page's items went out: the listing then ends with its error, the items
   *       already delivered stand. Those that fire before an item goes out: a page with more
   *       items than asked for, a first item that repeats or shifts the previous page.</li>
   *   <li>A page that fails after delivering k items is retried as any page is (it stays one call
   *       for the deadline and the retry policy); the retry skips its first k items after checking
   *       that the k-th is the same record (by the operation's item identity), and ends the
   *       listing with {@link PaginationException} when it is not, or when the operation's items
   *       have no identity: no item is delivered twice or skipped unseen.</li>
   *   <li>The next page is fetched once the current page's items have all been delivered, so
   *       {@link #withLookahead lookahead} does not apply: a page being received counts as the one
   *       page in flight, and memory holds the items decoded but not yet asked for, never a page.</li>
   *   <li>{@link #byPage()} and {@link #checkpointed} are unchanged: they deliver whole pages.</li>
   * </ul>
   */
  public PagedFlux<T> withEarlyEmission() {
    return new PagedFlux<>(retriever, pageSize, lookahead, maxPages, strictTotal, true, errors);
  }

  /**
   * The same listing with its errors translated, for facades that give a service's failures a
   * more specific type; the listing itself is unchanged.
   */
  public PagedFlux<T> mapErrors(Function<? super Throwable, ? extends Throwable> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new PagedFlux<>(retriever, pageSize, lookahead, maxPages, strictTotal, earlyEmission,
        e -> mapper.apply(errors.apply(e)));
  }

  /** The pages, from the first, with their metadata. */
  public Flux<Page<T>> byPage() {
    return byPage(null);
  }

  /**
   * The pages from where a {@linkplain Page#continuationToken() continuation token} left off.
   * A token made by another listing (another operation, other query parameters or another
   * account), out of range, or not signed as the client requires ({@code continuationTokenKey})
   * fails at subscription with {@link IllegalArgumentException}, before any request.
   */
  public Flux<Page<T>> byPage(String continuationToken) {
    Flux<Page<T>> pages = pages(continuationToken);
    return new Flux<>() {
      @Override
      public void subscribe(CoreSubscriber<? super Page<T>> actual) {
        pages.subscribe(new LookaheadSubscriber<T>(actual, lookahead, false));
      }
    };
  }

  /**
   * The items, resuming from the checkpoint under {@code key} when there is one, and saving each
   * page's checkpoint once the consumer has asked for the item after that page's last one, which
   * holds only for a consumer that asks for the next item after it has finished the previous one:
   * {@code concatMap(item -> process(item), 0)}, or {@code request(1)} after processing. Operators
   * that ask ahead of the work ({@code publishOn}, {@code flatMap}, {@code buffer}, an unbounded
   * {@code subscribe}) would save pages whose items are not processed yet; such consumers use
   * {@link #byPage()} and save after their own output is durable. When the last page is done, the
   * checkpoint is deleted, so the next run lists from the start.
   *
   * <p>A checkpoint saves only the token: a consumer that needs more to resume (a file offset)
   * saves its own {@link Checkpoint} with attributes from {@code byPage()}.
   *
   * @param store where the checkpoint is kept
   * @param key the checkpoint's key, one per listing and consumer
   * @return the items, each once over any number of resumed runs, given the precondition
   * @throws NullPointerException when the store or the key is {@code null}
   */
  public Flux<T> checkpointed(CheckpointStore store, String key) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(key, "key");
    return store.load(key).map(Checkpoint::continuationToken)
        .map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMapMany(token -> byPage(token.orElse(null)))
        // One page at a time: each page's items, then a marker that is asked for only when the item after them is.
        .concatMap(page -> Flux.fromIterable(page.items()).<Object>map(item -> item).concatWith(Mono.just(new PageEnd(page))), 0)
        .concatMap(element -> element instanceof PageEnd end ? save(store, key, end.page()) : Mono.just(element), 0)
        .map(this::cast);
  }

  /** The marker that follows a page's items in {@link #checkpointed}. */
  private record PageEnd(Page<?> page) {
  }

  private static <R> Mono<R> save(CheckpointStore store, String key, Page<?> page) {
    return page.continuationToken().map(token -> store.save(key, Checkpoint.of(token))).orElseGet(() -> store.delete(key))
        .then(Mono.empty());
  }

  @SuppressWarnings("unchecked")
  private T cast(Object item) {
    return (T) item;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (earlyEmission) {
      Flux.defer(() -> retriever.retrieveItems(request(null))).onErrorMap(errors).subscribe(actual);
    } else {
      pages(null).subscribe(new LookaheadSubscriber<T>(actual, lookahead, true));
    }
  }

  private Flux<Page<T>> pages(String continuationToken) {
    return Flux.defer(() -> retriever.retrieve(request(continuationToken))).onErrorMap(errors);
  }

  private ListingRequest request(String continuationToken) {
    return new ListingRequest(continuationToken, pageSize, maxPages, strictTotal);
  }
}
