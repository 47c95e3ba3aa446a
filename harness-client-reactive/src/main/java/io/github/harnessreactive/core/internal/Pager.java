package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.catalogue.PageShape.Meta;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.catalogue.PageShapes;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.core.paging.PageFetcher;
import io.github.harnessreactive.core.paging.PageRequest;
import io.github.harnessreactive.core.paging.PageRetriever;
import io.github.harnessreactive.core.paging.PaginationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists one operation page by page, as its catalogue entry and page shape describe: strictly on
 * demand (a page is requested only when it has been asked for and the previous one has been
 * delivered), each page one logical call through {@link CallLayer}, every page checked by the
 * guards before it is delivered.
 *
 * <p>Guards: the body must have its item array; a page may not hold more items than asked for;
 * the page index the server reports must be the one asked for; the total may not change between
 * pages, and the items seen may not pass it; a page may not repeat the previous page, nor start
 * with an item of it (the list shifted); the listing may not pass its maximum number of pages. The
 * last page is the first that is empty, or that the shape's metadata calls last (no next page,
 * the last page index, the total reached), or, for a shape that reports none of these, the first
 * with fewer items than asked for. A last page that leaves items missing against the total says
 * so ({@link Page#missingItems()}, a {@code harness.page.incomplete} event), and fails the listing
 * after it is delivered when the listing is strict. A negative total means "not reported".
 *
 * <p>Each page is checked inside its call, so what a page reports is an event of that page's
 * observation. Continuation tokens are checked as {@link ContinuationToken} says, and signed when
 * the client has a key.
 *
 * @param <A> the generated API class
 * @param <T> the item type
 */
public final class Pager<A, T> implements PageRetriever<T> {

  private static final Set<Meta> AUTHORITATIVE = EnumSet.of(Meta.HAS_NEXT, Meta.IS_LAST, Meta.TOTAL_PAGES, Meta.TOTAL_ITEMS);

  private final CallLayer calls;
  private final HarnessService service;
  private final A api;
  private final OperationInfo operation;
  private final OperationInfo.PagingSpec paging;
  private final PageShape shape;
  private final PageDecoder decoder;
  private final PageFetcher<A> fetcher;
  private final List<?> query;
  private final String defaultAccount;

  /**
   * @param query the listing's parameters besides paging, which its continuation tokens are bound to
   */
  public Pager(CallLayer calls, HarnessService service, A api, OperationInfo operation, Class<T> itemType,
      List<?> query, PageFetcher<A> fetcher, JsonMapper mapper, String defaultAccount) {
    this.calls = calls;
    this.service = service;
    this.api = api;
    this.operation = operation;
    this.paging = operation.paging().orElseThrow(() -> new IllegalArgumentException(
        operation.operationId() + " is not a list operation of " + operation.document()));
    this.shape = PageShapes.get(paging.shape());
    this.fetcher = fetcher;
    this.query = Collections.unmodifiableList(new ArrayList<>(query)); // null values are legitimate parameters
    this.defaultAccount = defaultAccount;
    Set<String> wanted = shape.fields().values().stream().filter(l -> !l.header()).map(PageShape.Location::name)
        .collect(Collectors.toSet());
    wanted.add("status");
    if (shape.position() == PageShape.Position.CURSOR) {
      throw new IllegalArgumentException(operation.operationId() + " pages by cursor, which this pager does not read yet");
    }
    this.decoder = new PageDecoder(mapper, itemType, paging.items(), wanted);
  }

  @Override
  public Flux<Page<T>> retrieve(String continuationToken, Integer pageSize, long maxPages) {
    return retrieve(continuationToken, pageSize, maxPages, false);
  }

  @Override
  public Flux<Page<T>> retrieve(String continuationToken, Integer pageSize, long maxPages, boolean strictTotal) {
    return Flux.deferContextual(context -> {
      String binding = ContinuationToken.binding(query, account(HarnessContext.from(context)));
      Run run = continuationToken == null ? firstRun(pageSize, binding, strictTotal) : resumedRun(
          ContinuationToken.parse(continuationToken, key(), binding, paging.maxPageSize(), calls.tokenSigner()), pageSize,
          binding, strictTotal);
      return Flux.<Page<T>>create(sink -> new StrictProducer(sink, run, maxPages).start(), FluxSink.OverflowStrategy.ERROR);
    });
  }

  /**
   * Fetches exactly one page per page requested downstream, one at a time: a page is fetched only
   * when it has been asked for and the previous one has been delivered. Cancelling cancels the
   * fetch in flight.
   */
  private final class StrictProducer {
    private final FluxSink<Page<T>> sink;
    private final Run run;
    private final long maxPages;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean inFlight;
    private volatile Disposable fetching = Disposables.disposed();

    StrictProducer(FluxSink<Page<T>> sink, Run run, long maxPages) {
      this.sink = sink;
      this.run = run;
      this.maxPages = maxPages;
    }

    void start() {
      sink.onRequest(n -> drain());
      sink.onDispose(() -> fetching.dispose());
    }

    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      do {
        // The end is signalled as soon as it is known, demand or not: after a last page that leaves
        // items missing, a strict listing's failure must follow that page, not wait for a request.
        if (!inFlight && !sink.isCancelled() && run.done) {
          if (run.failure != null) {
            sink.error(run.failure);
          } else {
            sink.complete();
          }
        } else if (!inFlight && !sink.isCancelled() && sink.requestedFromDownstream() > 0) {
          if (run.pages >= maxPages) {
            sink.error(new PaginationException(operation.operationId(), run.nextIndex, "more than " + maxPages
                + " pages; the server keeps announcing more (raise maxPages if the list is that long)"));
          } else {
            inFlight = true;
            fetching = fetch(run).contextWrite(sink.contextView()).subscribe(page -> {
              sink.next(page);
              inFlight = false;
              drain();
            }, failure -> sink.error(resumable(failure, run)));
          }
        }
      } while (wip.decrementAndGet() != 0);
    }
  }

  private Run firstRun(Integer pageSize, String binding, boolean strictTotal) {
    if (!shape.isPaged()) {
      return new Run(binding, 0, Integer.MAX_VALUE, 0, -1, strictTotal);
    }
    int size = pageSize == null ? paging.maxPageSize() : pageSize;
    if (size > paging.maxPageSize()) {
      throw new IllegalArgumentException("page size " + size + " is above the maximum of " + operation.operationId()
          + " (" + paging.maxPageSize() + ")");
    }
    return new Run(binding, paging.firstPage(), size, 0, -1, strictTotal);
  }

  private Run resumedRun(ContinuationToken token, Integer pageSize, String binding, boolean strictTotal) {
    if (pageSize != null && pageSize != token.pageSize()) {
      throw new IllegalArgumentException("the continuation token was made with another page size than " + pageSize
          + "; resume without withPageSize, or with the size the listing had");
    }
    return new Run(binding, token.nextIndex(), token.pageSize(), token.seen(), token.total(), strictTotal);
  }

  /**
   * The account a listing is bound to, the one its requests act for: the context's (its account,
   * else the one its credential names), else the client's; empty for a credential with no account
   * (an SEI v1 key). Binding to the account rather than the key lets a listing resume after the
   * key was rotated.
   */
  private String account(HarnessContext overrides) {
    return AccountScopeFilter.contextAccount(overrides).or(() -> Optional.ofNullable(defaultAccount)).orElse("");
  }

  /**
   * A failure of a page fetch carries the token that resumes the listing at that page (a list that
   * is not paged is one request: there is nothing to resume).
   */
  private Throwable resumable(Throwable failure, Run run) {
    if (shape.isPaged() && failure instanceof HarnessException harness && !(failure instanceof PaginationException)) {
      HarnessExceptionAccess.resumableFrom(harness, run.token());
    }
    return failure;
  }

  private String key() {
    return operation.document() + "/" + operation.operationId();
  }

  private Mono<Page<T>> fetch(Run run) {
    int index = run.nextIndex;
    long started = System.nanoTime();
    return calls.mono(service, () -> Mono.deferContextual(context -> {
      CallEvents events = CallState.require(context).events();
      return fetcher.fetch(api, new PageRequest(index, run.size)).toEntity(byte[].class)
          .map(entity -> run.accept(decode(entity, index, started, events), index,
              Duration.ofNanos(System.nanoTime() - started), events));
    }));
  }

  /** Decodes inside the attempt, so that a body error is reported with the response status. */
  private Fetched<T> decode(ResponseEntity<byte[]> entity, int index, long started, CallEvents events) {
    byte[] body = entity.getBody() == null ? new byte[0] : entity.getBody();
    PageDecoder.RawPage<T> raw = decoder.decode(body);
    JsonNode status = raw.fields().get("status");
    if (status != null && status.isString() && ErrorEnvelope.isError(status.asString(), operation.document())) {
      throw new HarnessJsonDecoder.ErrorInSuccessBody(body);
    }
    events.pageFetched(index, raw.items().size(), Duration.ofNanos(System.nanoTime() - started));
    return new Fetched<>(raw, entity.getHeaders());
  }

  private record Fetched<T>(PageDecoder.RawPage<T> raw, HttpHeaders headers) {
  }

  /** The state of one listing: one per subscription, advanced by one page at a time. */
  private final class Run {
    private final String binding;
    private final int size;
    private final boolean strictTotal;
    private volatile int nextIndex;
    private volatile long seen;
    private volatile long total;
    private volatile int pages;
    private volatile boolean done;
    private volatile PaginationException failure;
    private volatile List<T> previousItems = List.of();

    Run(String binding, int nextIndex, int size, long seen, long total, boolean strictTotal) {
      this.binding = binding;
      this.nextIndex = nextIndex;
      this.size = size;
      this.seen = seen;
      this.total = total;
      this.strictTotal = strictTotal;
    }

    Page<T> accept(Fetched<T> fetched, int index, Duration elapsed, CallEvents events) {
      PageDecoder.RawPage<T> raw = fetched.raw();
      List<T> items = raw.items();
      if (!raw.itemsFound()) {
        throw fail(index, "the body has no item array at " + paging.items().stream()
            .map(path -> path.isEmpty() ? "(root)" : "'" + path + "'").collect(Collectors.joining(", "))
            + "; fields seen: " + raw.fields().keySet());
      }
      if (items.size() > size) {
        throw fail(index, "the page holds " + items.size() + " items, more than the " + size + " asked for");
      }
      OptionalLong reportedIndex = number(Meta.PAGE_INDEX, fetched);
      if (reportedIndex.isPresent() && reportedIndex.getAsLong() != index) {
        throw fail(index, "asked for page " + index + " but the server answered page " + reportedIndex.getAsLong()
            + (reportedIndex.getAsLong() < index ? " again" : ""));
      }
      OptionalLong totalItems = total(fetched);
      if (totalItems.isPresent() && total >= 0 && totalItems.getAsLong() != total) {
        throw fail(index, "the total changed from " + total + " to " + totalItems.getAsLong()
            + " during the listing: the data changed underneath, so items may be missed or repeated; list again");
      }
      if (!items.isEmpty() && items.equals(previousItems)) {
        throw fail(index, "the page repeats the previous page's " + items.size() + " items; the server ignores the page index");
      }
      // k items inserted before the listing's position push the previous page's last k items onto
      // this page, so its first item is one of them: checking that item alone finds any shift
      // smaller than a page (a whole page is the repeated page above) at the cost of one scan.
      if (!items.isEmpty() && previousItems.contains(items.get(0))) {
        throw fail(index, "item 0 of the page was also on the previous page: the list shifted while it was"
            + " listed (an item was added before it), so items may be missed or repeated; list again");
      }
      OptionalLong totalPages = number(Meta.TOTAL_PAGES, fetched);
      Optional<Boolean> hasNext = bool(Meta.HAS_NEXT, fetched);
      Optional<Boolean> isLast = bool(Meta.IS_LAST, fetched);
      long seenNow = seen + items.size();
      if (totalItems.isPresent() && seenNow > totalItems.getAsLong()) {
        throw fail(index, "the page brings the items seen to " + seenNow + ", more than the total of "
            + totalItems.getAsLong() + " the server reports: its metadata contradicts its pages");
      }

      boolean last = items.isEmpty()
          || !shape.isPaged()
          || hasNext.map(next -> !next).orElse(false)
          || isLast.orElse(false)
          || (totalPages.isPresent() && index - paging.firstPage() + 1 >= totalPages.getAsLong())
          || (totalItems.isPresent() && seenNow >= totalItems.getAsLong())
          || (!reportsEnd(fetched) && items.size() < size);

      long missing = last && totalItems.isPresent() ? totalItems.getAsLong() - seenNow : 0;
      if (missing > 0) {
        events.pageIncomplete(index, missing, totalItems.getAsLong());
        if (strictTotal) {
          failure = fail(index, "the last page leaves " + missing + " of " + totalItems.getAsLong() + " items missing:"
              + " items were removed while the list was read, or the total is stale; list again");
        }
      }

      pages++;
      seen = seenNow;
      total = totalItems.orElse(total);
      previousItems = items;
      nextIndex = index + 1;
      done = last;
      String token = last ? null : token();
      return new Page<>(items, index, size, totalItems, totalPages, last, fetched.headers(), token, elapsed, missing);
    }

    /** The token of where the listing stands: the next page to fetch, with what was seen so far. */
    String token() {
      return new ContinuationToken(key(), binding, nextIndex, size, seen, total).serialize(calls.tokenSigner());
    }

    /** Whether the shape reported any end-of-list metadata on this page. */
    private boolean reportsEnd(Fetched<T> fetched) {
      return AUTHORITATIVE.stream().anyMatch(meta -> value(meta, fetched).isPresent());
    }

    private PaginationException fail(int index, String message) {
      return new PaginationException(operation.operationId(), index, message);
    }
  }

  private Optional<String> value(Meta meta, Fetched<T> fetched) {
    return shape.location(meta).flatMap(location -> {
      if (location.header()) {
        return Optional.ofNullable(fetched.headers().getFirst(location.name()));
      }
      JsonNode node = fetched.raw().fields().get(location.name());
      return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    });
  }

  /** The total of items the page reports; a negative one means "not reported". */
  private OptionalLong total(Fetched<T> fetched) {
    OptionalLong reported = number(Meta.TOTAL_ITEMS, fetched);
    return reported.isPresent() && reported.getAsLong() < 0 ? OptionalLong.empty() : reported;
  }

  private OptionalLong number(Meta meta, Fetched<T> fetched) {
    Optional<String> text = value(meta, fetched);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.get().trim()));
    } catch (NumberFormatException e) {
      throw new PaginationException(operation.operationId(), -1, "page metadata " + meta + " is not a number: " + text.get());
    }
  }

  private Optional<Boolean> bool(Meta meta, Fetched<T> fetched) {
    return value(meta, fetched).map(text -> Boolean.parseBoolean(text.trim()));
  }
}
