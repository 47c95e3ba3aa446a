package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.catalogue.PageShapes;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.paging.ListingRequest;
import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.core.paging.PageFetcher;
import io.github.harnessreactive.core.paging.PageRequest;
import io.github.harnessreactive.core.paging.PageRetriever;
import io.github.harnessreactive.core.paging.PaginationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.util.context.ContextView;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists one operation page by page, as its catalogue entry and page shape describe: strictly on
 * demand (a page is requested only when it has been asked for and the previous one has been
 * delivered; cancelling cancels the page in flight), each page one logical call through
 * {@link CallLayer}, judged by {@link PageJudge} inside that call, so what a page reports is an
 * event of that page's observation. The listing fails past its maximum of pages, and ends as soon
 * as its last page is known, demand or not (a strict listing's failure follows that page).
 *
 * <p>A page is read from the body's buffers as they arrive, never copied into a {@code byte[]}:
 * joined and read whole ({@link WholePageReader}) by default, or read as its bytes arrive with each
 * item going downstream as it is complete ({@link StreamingPageReader}, {@link EarlyPage}) with
 * early emission. Either way the client's {@link PageLimits} bound a page and an item.
 * Continuation tokens are checked as {@link ContinuationToken} says, and signed when the client
 * has a key.
 *
 * @param <A> the generated API class
 * @param <T> the item type
 */
public final class Pager<A, T> implements PageRetriever<T> {

  private final CallLayer calls;
  private final HarnessService service;
  private final A api;
  private final OperationInfo operation;
  private final OperationInfo.PagingSpec paging;
  private final PageShape shape;
  private final PageJudge judge;
  private final PageLayout layout;
  private final WholePageReader wholeReader;
  private final PageFetcher<A> fetcher;
  private final List<?> query;
  private final String defaultAccount;
  private final JsonMapper mapper;

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
    this.mapper = mapper;
    Set<String> wanted = shape.fields().values().stream().filter(l -> !l.header()).map(PageShape.Location::name)
        .collect(Collectors.toSet());
    wanted.addAll(ErrorEnvelope.FIELDS); // an error envelope answered with 200
    PageLimits limits = calls.pageLimits();
    this.layout = new PageLayout(mapper, itemType, paging.items(), wanted, limits.maxPageBytes(), limits.maxItemBytes());
    this.wholeReader = new WholePageReader(layout);
    this.judge = new PageJudge(operation.operationId(), shape, paging.firstPage(), paging.items(),
        ItemIdentity.at(paging.identity()));
  }

  @Override
  public Flux<Page<T>> retrieve(ListingRequest request) {
    return Flux.deferContextual(context -> {
      Listing listing = listing(request, context);
      // concatMap subscribes to the next inner as soon as the previous one completes, demand or not:
      // the page's call starts only when the page is asked for.
      return Flux.generate(listing::next).concatMap(at -> whenRequested(() -> page(at, listing)), 0);
    });
  }

  /** The items, each as its last byte arrives ({@link io.github.harnessreactive.core.paging.PagedFlux#withEarlyEmission()}). */
  @Override
  public Flux<T> retrieveItems(ListingRequest request) {
    return Flux.deferContextual(context -> {
      Listing listing = listing(request, context);
      // The next page's call starts once the current page's items have all gone out (its inner completed).
      return Flux.generate(listing::next).concatMap(at -> earlyPage(at, listing), 0);
    });
  }

  /**
   * A Mono that subscribes to the one {@code call} makes when it is first requested, not when it is
   * subscribed; cancelling it before then starts nothing, after then cancels the call. The sink
   * gets exactly one {@code success}: its value, or none for an empty call (a value followed by a
   * bare {@code success()} would drop the value when it arrives before the sink records the request).
   */
  private static <R> Mono<R> whenRequested(Supplier<Mono<R>> call) {
    return Mono.create(sink -> {
      AtomicBoolean started = new AtomicBoolean();
      sink.onRequest(n -> {
        if (started.compareAndSet(false, true)) {
          sink.onDispose(call.get().contextWrite(sink.contextView()).map(Optional::of).defaultIfEmpty(Optional.empty())
              .subscribe(value -> value.ifPresentOrElse(sink::success, sink::success), sink::error));
        }
      });
    });
  }

  private Listing listing(ListingRequest request, ContextView context) {
    String binding = ContinuationToken.binding(query, account(HarnessContext.from(context)));
    ListingPosition start = request.continuationToken() == null ? firstPosition(request.pageSize())
        : resumedPosition(ContinuationToken.parse(request.continuationToken(), key(), binding, paging.maxPageSize(),
            calls.tokenSigner()), request.pageSize());
    return new Listing(binding, start, request.maxPages(), request.strictTotal());
  }

  private ListingPosition firstPosition(Integer pageSize) {
    if (!shape.isPaged()) {
      return ListingPosition.start(0, Integer.MAX_VALUE, 0, -1, null);
    }
    int size = pageSize == null ? paging.maxPageSize() : pageSize;
    if (size > paging.maxPageSize()) {
      throw new IllegalArgumentException("page size " + size + " is above the maximum of " + operation.operationId()
          + " (" + paging.maxPageSize() + ")");
    }
    return ListingPosition.start(paging.firstPage(), size, 0, -1, null);
  }

  private ListingPosition resumedPosition(ContinuationToken token, Integer pageSize) {
    if (pageSize != null && pageSize != token.pageSize()) {
      throw new IllegalArgumentException("the continuation token was made with another page size than " + pageSize
          + "; resume without withPageSize, or with the size the listing had");
    }
    return ListingPosition.start(token.nextIndex(), token.pageSize(), token.seen(), token.total(), token.cursor());
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

  private String key() {
    return operation.document() + "/" + operation.operationId();
  }

  private PageRequest request(ListingPosition at) {
    return new PageRequest(at.nextIndex(), at.size(), at.cursor());
  }

  /** One page, read whole and judged inside its call, then accepted by the listing. */
  private Mono<Page<T>> page(ListingPosition at, Listing listing) {
    long started = System.nanoTime();
    Mono<Page<T>> page = calls.mono(service, () -> Mono.deferContextual(context -> {
      CallEvents events = CallState.require(context).events();
      return fetcher.fetch(api, request(at)).toEntityFlux(DataBuffer.class)
          .flatMap(entity -> joined(entity.getBody())
              .map(body -> listing.accept(read(body, entity.getHeaders(), at, listing.strictTotal), started, events)));
    }));
    return page.onErrorMap(failure -> resumable(failure, listing));
  }

  /** The body's buffers joined into one, within the page limit; an empty body is an empty buffer. */
  private Mono<DataBuffer> joined(Flux<DataBuffer> body) {
    long limit = layout.maxPageBytes();
    return DataBufferUtils.join(body, (int) Math.min(limit, Integer.MAX_VALUE))
        .onErrorMap(DataBufferLimitException.class, e -> PageBodyException.pageTooLarge(limit))
        .switchIfEmpty(Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(0)));
  }

  /** Reads and judges a whole page; the body is released whatever happens. */
  private Judged<T> read(DataBuffer body, HttpHeaders headers, ListingPosition at, boolean strictTotal) {
    int start = body.readPosition();
    try {
      PageLayout.Content<T> content;
      try {
        content = wholeReader.read(body, at.size());
      } catch (JacksonException e) {
        body.readPosition(start);
        int length = body.readableByteCount();
        if (endsEarly(e, body, length)) {
          throw PageBodyException.truncated();
        }
        throw new HarnessJsonDecoder.UndecodableBody(bytes(body, HarnessJsonDecoder.UndecodableBody.KEPT), length, e);
      }
      if (ErrorEnvelope.isErrorStatus(content.fields(), operation.document())) {
        throw new HarnessJsonDecoder.ErrorInSuccessBody(bytes(body.readPosition(start), Integer.MAX_VALUE));
      }
      PageJudge.Judgement judgement = judge.start(at);
      for (T item : content.items()) {
        judgement.item(item);
      }
      return new Judged<>(content.items(), judgement.end(content.itemsFound(), content.fields(), headers, strictTotal),
          headers, at);
    } finally {
      DataBufferUtils.release(body);
    }
  }

  /**
   * Whether a parse failed because the body stopped: at its very end, however the last token was
   * cut ({@code fa} for {@code false} is an "unrecognized token", not an end of input, to Jackson).
   * The body's read position is at its start.
   */
  private static boolean endsEarly(JacksonException failure, DataBuffer body, int length) {
    if (failure instanceof UnexpectedEndOfInputException) {
      return true;
    }
    TokenStreamLocation location = failure.getLocation();
    long offset = location == null ? -1 : location.getByteOffset();
    if (offset < 0) {
      return false;
    }
    // Only the letters of a literal or the digits of a number after the failure: the last token was cut.
    for (long i = offset; i < length; i++) {
      if (!Character.isLetterOrDigit(body.getByte((int) (body.readPosition() + i)))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(DataBuffer body, int max) {
    byte[] bytes = new byte[Math.min(body.readableByteCount(), max)];
    body.read(bytes);
    return bytes;
  }

  /** A page read and judged, before the listing accepts it. */
  record Judged<T>(List<T> items, PageJudge.Verdict verdict, HttpHeaders headers, ListingPosition at) {
  }

  /** One page whose items go out as they arrive, each attempt after the first skipping what went out. */
  private Flux<T> earlyPage(ListingPosition at, Listing listing) {
    long started = System.nanoTime();
    EarlyPage<T> page = new EarlyPage<>(judge, at, operation.operationId());
    Flux<T> items = calls.resumableFlux(service, () -> Flux.deferContextual(context -> {
      CallEvents events = CallState.require(context).events();
      EarlyPage<T>.Attempt attempt = page.attempt();
      StreamingPageReader<T> reader = new StreamingPageReader<>(layout, attempt::decoded);
      return fetcher.fetch(api, request(at)).toEntityFlux(DataBuffer.class).flatMapMany(entity -> entity.getBody()
          // Each buffer's complete items go out, then its failure if it had one: an item is never held back.
          .concatMap(buffer -> {
            RuntimeException failure = null;
            try {
              reader.feed(buffer);
            } catch (JacksonException e) {
              failure = new HarnessJsonDecoder.UndecodableBody(new byte[0], (int) Math.min(reader.bytes(), Integer.MAX_VALUE), e);
            } catch (RuntimeException e) {
              failure = e;
            } finally {
              DataBufferUtils.release(buffer);
            }
            Flux<T> complete = Flux.fromIterable(attempt.releasable()).doOnNext(attempt::wentOut)
                .map(EarlyPage.Released::item);
            return failure == null ? complete : complete.concatWith(Flux.error(failure));
          }, 1)
          .concatWith(Mono.fromRunnable(() -> {
            PageLayout.Content<T> content = reader.end();
            if (ErrorEnvelope.isErrorStatus(content.fields(), operation.document())) {
              throw new HarnessJsonDecoder.ErrorInSuccessBody(ErrorEnvelope.body(mapper, content.fields()));
            }
            PageJudge.Verdict verdict = attempt.end(content, entity.getHeaders(), listing.strictTotal);
            listing.accept(new Judged<>(List.of(), verdict, entity.getHeaders(), at), started, events);
          }))
          .doOnDiscard(DataBuffer.class, DataBufferUtils::release));
    }));
    return items.onErrorMap(failure -> page.delivered() == 0 ? resumable(failure, listing) : failure);
  }

  /**
   * A failure of a page fetch carries the token that resumes the listing at that page (a list that
   * is not paged is one request: there is nothing to resume).
   */
  private Throwable resumable(Throwable failure, Listing listing) {
    if (shape.isPaged() && failure instanceof HarnessException harness && !(failure instanceof PaginationException)) {
      HarnessExceptionAccess.resumableFrom(harness, listing.token());
    }
    return failure;
  }

  /**
   * The state of one listing: one per subscription, advanced one page at a time (pages are
   * serial, so a page's acceptance happens before the next position is asked for).
   */
  private final class Listing {
    private final String binding;
    private final long maxPages;
    private final boolean strictTotal;
    private volatile ListingPosition position;
    private volatile long pages;
    private volatile boolean done;
    private volatile PaginationException failAfter;

    Listing(String binding, ListingPosition start, long maxPages, boolean strictTotal) {
      this.binding = binding;
      this.position = start;
      this.maxPages = maxPages;
      this.strictTotal = strictTotal;
    }

    /** The position of the next page, or the listing's end or failure. */
    void next(SynchronousSink<ListingPosition> sink) {
      if (done) {
        if (failAfter != null) {
          sink.error(failAfter);
        } else {
          sink.complete();
        }
      } else if (pages >= maxPages) {
        sink.error(new PaginationException(operation.operationId(), position.nextIndex(), "more than " + maxPages
            + " pages; the server keeps announcing more (raise maxPages if the list is that long)"));
      } else {
        sink.next(position);
      }
    }

    /** Takes a judged page as the listing's next. */
    Page<T> accept(Judged<T> judged, long started, CallEvents events) {
      PageJudge.Verdict verdict = judged.verdict();
      int index = judged.at().nextIndex();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      events.pageFetched(index, (int) (verdict.next().seen() - judged.at().seen()), elapsed);
      if (verdict.missingItems() > 0) {
        events.pageIncomplete(index, verdict.missingItems(), verdict.totalItems().orElse(-1));
      }
      position = verdict.next();
      pages++;
      done = verdict.last();
      failAfter = verdict.failAfter();
      String token = verdict.last() ? null : token();
      return new Page<>(judged.items(), index, judged.at().size(), verdict.totalItems(), verdict.totalPages(),
          verdict.last(), judged.headers(), token, elapsed, verdict.missingItems());
    }

    /** The token of where the listing stands: the next page to fetch, with what was seen so far. */
    String token() {
      ListingPosition at = position;
      return new ContinuationToken(key(), binding, at.nextIndex(), at.size(), at.seen(), at.total(), at.cursor())
          .serialize(calls.tokenSigner());
    }
  }

  @Override
  public String toString() {
    return "Pager[" + key() + ", " + judge + "]";
  }
}
