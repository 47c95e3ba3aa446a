package io.github.harnessreactive.benchmarks;

import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.generated.sei.v1.api.ScmApi;
import io.github.harnessreactive.generated.sei.v1.invoker.ApiClient;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.PaginatedResponseScmPullRequest;
import io.github.harnessreactive.ratelimit.redis.RedisRateLimiter;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.lettuce.core.RedisURI;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of each benchmark, one run per process: {@code java ... ClientRuns <run> <args...>}.
 * Prints one line {@code RESULT key=value ...} with the figures the process measured of itself.
 */
public final class ClientRuns {

  private static final Duration LONG = Duration.ofMinutes(10);

  private ClientRuns() {
  }

  public static void main(String[] args) {
    String url = args[1];
    Map<String, Object> result = switch (args[0]) {
      case "ratelimit-library" -> rateLimitLibrary(url, TokenBucketRateLimiter.create(paced(args)), Integer.parseInt(args[5]));
      case "fleet-redis" -> fleetMember(url, RedisRateLimiter.builder(RedisURI.create(args[6])).options(paced(args)).build(),
          Integer.parseInt(args[5]), Long.parseLong(args[7]));
      case "fleet-local" -> fleetMember(url, TokenBucketRateLimiter.create(paced(args)), Integer.parseInt(args[5]),
          Long.parseLong(args[7]));
      case "ratelimit-naive" -> rateLimitLoop(url, args[2], Integer.parseInt(args[5]), null, Duration.ofSeconds(1));
      case "ratelimit-fixed" -> rateLimitFixed(url, args[2], Integer.parseInt(args[3]), ms(args[4]), Integer.parseInt(args[5]));
      case "cpu-library", "cpu-generated", "cpu-bare" ->
          cpu(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
              args[0].substring("cpu-".length()));
      case "memory" -> memory(url, Integer.parseInt(args[2]), Long.parseLong(args[3]));
      case "lookahead" -> lookahead(url, Integer.parseInt(args[2]), ms(args[3]), Integer.parseInt(args[4]));
      case "first-item" -> firstItem(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "early-emission" -> earlyEmission(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Integer.parseInt(args[5]));
      case "concurrent" -> concurrent(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("unknown run " + args[0]);
    };
    System.out.println("RESULT " + result.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" ")));
    System.exit(0);
  }

  /** The limit the server enforces ({@code args[3]} requests per {@code args[4]} ms), burst 1 as by default. */
  private static RateLimitOptions paced(String[] args) {
    return RateLimitOptions.defaults().withLimit(Integer.parseInt(args[3]), ms(args[4]));
  }

  private static Duration ms(String millis) {
    return Duration.ofMillis(Long.parseLong(millis));
  }

  private static RateLimiter unlimited() {
    return TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1))
        .withBurst(100_000).withMaxQueued(100_000));
  }

  private static SeiClient library(String url, RateLimiter limiter, RequestCounter counter) {
    return SeiClient.builder().v1ApiKey(BenchmarkMain.SEI_KEY).v1Url(url)
        .configure(client -> client.rateLimiter(limiter).webClientBuilder(WebClient.builder().filter(counter)))
        .build();
  }

  // 1. Rate-limit-bound streaming -------------------------------------------------------------

  /**
   * This library with {@code limiter}: a {@link TokenBucketRateLimiter} configured with the
   * server's limit, or a {@link RedisRateLimiter} with the same, shared with other processes.
   */
  static Map<String, Object> rateLimitLibrary(String url, RateLimiter limiter, int pageSize) {
    RequestCounter counter = new RequestCounter();
    try (SeiClient sei = library(url, limiter, counter)) {
      return everyPullRequest(sei, pageSize, counter);
    }
  }

  /**
   * One process of a fleet on one key: one call to warm up (classes, the connection; through the
   * limiter, so it counts), then, at {@code startAt} (epoch milliseconds, when every process of the
   * fleet is warm), the stream of {@link #rateLimitLibrary}. Started cold and all at once on two
   * cores, the processes would take hundreds of milliseconds between a permit and its request,
   * which the pacing margin of a 5 s window (about 100 ms) cannot absorb; Harness's 60 s window
   * gives 1.2 s.
   */
  static Map<String, Object> fleetMember(String url, RateLimiter limiter, int pageSize, long startAt) {
    RequestCounter counter = new RequestCounter();
    try (SeiClient sei = library(url, limiter, counter)) {
      sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(1).withLookahead(0).take(1).blockLast(LONG);
      Mono.delay(Duration.ofMillis(Math.max(0, startAt - System.currentTimeMillis()))).block();
      return everyPullRequest(sei, pageSize, counter);
    }
  }

  private static Map<String, Object> everyPullRequest(SeiClient sei, int pageSize, RequestCounter counter) {
    PageClock clock = new PageClock();
    sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).byPage()
        .doOnNext(page -> clock.page(page.items().size()))
        .blockLast(LONG);
    return clock.result(counter);
  }

  /**
   * The generated client in a loop: one page after the other as fast as it answers; on a 429, wait
   * {@code throttleWait} and try again (a user's first fix). With a pacer, each attempt first waits
   * for its slot.
   */
  static Map<String, Object> rateLimitLoop(String url, String key, int pageSize, Pacer pacer, Duration throttleWait) {
    RequestCounter counter = new RequestCounter();
    ScmApi api = generatedScm(url, key, counter);
    Retry onThrottle = pacer == null
        ? Retry.fixedDelay(Long.MAX_VALUE, throttleWait).filter(ClientRuns::is429)
        : Retry.backoff(Long.MAX_VALUE, throttleWait).maxBackoff(throttleWait.multipliedBy(30)).filter(ClientRuns::is429);
    IntFunction<Mono<PaginatedResponseScmPullRequest>> fetch = page -> Mono.defer(() -> {
      Mono<PaginatedResponseScmPullRequest> call = api.listScmPullRequests(new DefaultListRequest().page(page).pageSize(pageSize), null);
      return pacer == null ? call : pacer.slot().then(call);
    }).retryWhen(onThrottle);
    PageClock clock = new PageClock();
    everyPage(fetch).doOnNext(response -> clock.page(response.getRecords().size())).blockLast(LONG);
    return clock.result(counter);
  }

  /** The generated SEI v1 SCM API on a plain WebClient: what a user without this library starts from. */
  private static ScmApi generatedScm(String url, String key, RequestCounter counter) {
    WebClient webClient = WebClient.builder().filter(counter).defaultHeader("Authorization", "ApiKey " + key)
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    ApiClient apiClient = new ApiClient(webClient);
    apiClient.setBasePath(url);
    return new ScmApi(apiClient);
  }

  /** Page 0, then each next page for as long as the last one says {@code has_next}. */
  private static Flux<PaginatedResponseScmPullRequest> everyPage(IntFunction<Mono<PaginatedResponseScmPullRequest>> fetch) {
    return fetch.apply(0).expand(response -> Boolean.TRUE.equals(response.getMetadata().getHasNext())
        ? fetch.apply(response.getMetadata().getPage() + 1) : Mono.empty());
  }

  /**
   * A fixed 10 requests per second with retries and exponential backoff, the pattern of Harness's
   * MCP server, scaled to this window: 10/s is 1.5 times Harness's 400 per minute, so the pacer runs
   * at 1.5 times the simulator's limit, and the backoff starts at 1 s scaled by window / 60 s.
   */
  static Map<String, Object> rateLimitFixed(String url, String key, int limit, Duration window, int pageSize) {
    Duration interval = Duration.ofNanos((long) (window.toNanos() / (1.5 * limit)));
    Duration backoff = Duration.ofNanos(Duration.ofSeconds(1).toNanos() * window.toMillis() / 60_000);
    return rateLimitLoop(url, key, pageSize, new Pacer(interval), backoff);
  }

  private static boolean is429(Throwable failure) {
    return failure instanceof WebClientResponseException response && response.getStatusCode().value() == 429;
  }

  /**
   * The sustained rate: records after the first page over the time from the first page to the
   * last, so the JVM's and the connection's start-up do not count against any variant.
   */
  static final class PageClock {
    private final long start = System.nanoTime();
    private long first;
    private long last;
    private long firstEpochMillis;
    private long lastEpochMillis;
    private long records;
    private long firstPageRecords;

    void page(int items) {
      last = System.nanoTime();
      lastEpochMillis = System.currentTimeMillis();
      if (records == 0) {
        first = last;
        firstEpochMillis = lastEpochMillis;
        firstPageRecords = items;
      }
      records += items;
    }

    Map<String, Object> result(RequestCounter counter) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("records", records);
      result.put("seconds", String.format("%.2f", (last - start) / 1e9));
      result.put("recordsPerSecond", String.format("%.1f", (records - firstPageRecords) / ((last - first) / 1e9)));
      result.put("requests", counter.requests());
      result.put("throttled", counter.throttled());
      result.put("firstPageEpochMillis", firstEpochMillis);
      result.put("lastPageEpochMillis", lastEpochMillis);
      return result;
    }
  }

  /** Fixed-interval request slots, shared by every attempt. */
  static final class Pacer {
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());

    Pacer(Duration interval) {
      this.intervalNanos = interval.toNanos();
    }

    Mono<Void> slot() {
      return Mono.defer(() -> {
        long now = System.nanoTime();
        long mine = next.getAndUpdate(slot -> Math.max(slot, now) + intervalNanos);
        long wait = Math.max(mine, now) - now;
        return wait == 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(wait)).then();
      });
    }
  }

  // 2. CPU per record -------------------------------------------------------------------------

  /**
   * {@code warmUpPasses} passes over the server's records, then three measured passes; CPU of this
   * process per record, in all and by kind of thread, and its GC and JIT time. The variant is
   * {@code library}, {@code generated} (the generated client alone, on Spring WebClient and its
   * Jackson codec) or {@code bare} (see {@link BareClient}).
   * The library runs with its default lookahead ({@link PagedFlux#DEFAULT_LOOKAHEAD}: the next
   * page fetched while the current one is consumed, what its users get); the other two ask for a
   * page once the one before it is decoded (lookahead 0), as a hand-written loop does. The
   * lookahead is part of the result.
   */
  static Map<String, Object> cpu(String url, int records, int pageSize, int warmUpPasses, String variant) {
    RequestCounter counter = new RequestCounter();
    SeiClient sei = variant.equals("library") ? library(url, unlimited(), counter) : null;
    Supplier<Long> pass = switch (variant) {
      case "library" -> () -> sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize)
          .withLookahead(PagedFlux.DEFAULT_LOOKAHEAD).count().block(LONG);
      case "generated" -> {
        ScmApi api = generatedScm(url, BenchmarkMain.SEI_KEY, counter);
        yield () -> everyPage(page -> api.listScmPullRequests(new DefaultListRequest().page(page).pageSize(pageSize), null))
            .map(response -> (long) response.getRecords().size()).reduce(0L, Long::sum).block(LONG);
      }
      case "bare" -> {
        BareClient bare = new BareClient(url);
        yield () -> bare.count(pageSize);
      }
      default -> throw new IllegalArgumentException("unknown cpu variant " + variant);
    };
    ProcessMetrics.cpuNanosByThreadKind(); // compiled now, not while measured
    long warm = 0;
    for (int i = 0; i < warmUpPasses; i++) {
      warm += pass.get();
    }
    Map<String, Long> kinds0 = ProcessMetrics.cpuNanosByThreadKind();
    long cpu0 = ProcessMetrics.cpuNanos();
    long gc0 = ProcessMetrics.gcMillis();
    long jit0 = ProcessMetrics.jitMillis();
    long start = System.nanoTime();
    long counted = pass.get() + pass.get() + pass.get();
    long cpu = ProcessMetrics.cpuNanos() - cpu0;
    long gc = ProcessMetrics.gcMillis() - gc0;
    long jit = ProcessMetrics.jitMillis() - jit0;
    Map<String, Long> kinds = ProcessMetrics.cpuNanosByThreadKind();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (sei != null) {
      sei.close();
    }
    if (warm != (long) warmUpPasses * records || counted != 3L * records) {
      throw new IllegalStateException("expected " + records + " records per pass, got " + warm + " and " + counted);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("records", counted);
    result.put("cpuNanosPerRecord", cpu / counted);
    result.put("gcMillis", gc);
    result.put("jitMillis", jit);
    kinds.forEach((kind, nanos) -> result.put(kind + "NanosPerRecord", (nanos - kinds0.getOrDefault(kind, 0L)) / counted));
    result.put("lookahead", variant.equals("library") ? PagedFlux.DEFAULT_LOOKAHEAD : 0);
    result.put("seconds", String.format("%.2f", seconds));
    return result;
  }

  /**
   * The baseline: Reactor Netty's HTTP client and Jackson, decoding each page's bytes into the same
   * kind of objects (a map per record), one page after the other.
   */
  static final class BareClient {
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String url;

    BareClient(String url) {
      this.http = HttpClient.create().headers(headers -> headers.set("Authorization", "ApiKey " + BenchmarkMain.SEI_KEY)
          .set("Content-Type", "application/json"));
      this.url = url + "/v1/scm/prs/list";
    }

    record BarePage(List<Map<String, Object>> records, Map<String, Object> _metadata) {
      boolean hasNext() {
        return Boolean.TRUE.equals(_metadata.get("has_next"));
      }

      int page() {
        return ((Number) _metadata.get("page")).intValue();
      }
    }

    Mono<BarePage> page(int index, int pageSize) {
      ByteBuf body = Unpooled.copiedBuffer("{\"page\":" + index + ",\"page_size\":" + pageSize + "}", StandardCharsets.UTF_8);
      return http.post().uri(url).send(Mono.just(body))
          .responseSingle((response, bytes) -> bytes.asByteArray())
          .map(bytes -> json.readValue(bytes, BarePage.class));
    }

    /**
     * Nanoseconds from sending a request for page 0 to holding the body's bytes up to the first
     * record's last one (its first {@code '}'}: the records have no nested objects), the whole
     * body being read: the earliest any client on this transport could have the first item.
     */
    long timeFirstRecordBytes(int pageSize) {
      ByteBuf body = Unpooled.copiedBuffer("{\"page\":0,\"page_size\":" + pageSize + "}", StandardCharsets.UTF_8);
      long[] first = {-1};
      long start = System.nanoTime();
      http.post().uri(url).send(Mono.just(body))
          .response((response, bytes) -> bytes.doOnNext(chunk -> {
            if (first[0] < 0 && chunk.indexOf(chunk.readerIndex(), chunk.writerIndex(), (byte) '}') >= 0) {
              first[0] = System.nanoTime() - start;
            }
          }).then())
          .blockLast(LONG);
      return first[0];
    }

    long count(int pageSize) {
      return page(0, pageSize)
          .expand(page -> page.hasNext() ? page(page.page() + 1, pageSize) : Mono.empty())
          .map(page -> (long) page.records().size())
          .reduce(0L, Long::sum)
          .block(LONG);
    }
  }

  // 3. Flat memory ----------------------------------------------------------------------------

  /** Streams every record of the server, reporting the peak heap after GC over the first 1M and over all. */
  static Map<String, Object> memory(String url, int pageSize, long records) {
    ProcessMetrics metrics = ProcessMetrics.start();
    AtomicLong seen = new AtomicLong();
    AtomicLong peakFirstMillion = new AtomicLong(-1);
    long start = System.nanoTime();
    try (SeiClient sei = library(url, unlimited(), new RequestCounter())) {
      long counted = sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize)
          .doOnNext(record -> {
            if (seen.incrementAndGet() == 1_000_000) {
              peakFirstMillion.set(metrics.peakHeapAfterGc());
            }
          })
          .count().block(LONG);
      if (counted != records) {
        throw new IllegalStateException("expected " + records + " records, got " + counted);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("records", seen.get());
    result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    result.put("peakAfterGc1M", peakFirstMillion.get());
    result.put("peakAfterGcAll", metrics.peakHeapAfterGc());
    result.put("seconds", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return result;
  }

  // 4. Lookahead ------------------------------------------------------------------------------

  /** A consumer that spends {@code consumerTime} on each page, with this lookahead. */
  static Map<String, Object> lookahead(String url, int pageSize, Duration consumerTime, int lookahead) {
    try (SeiClient sei = library(url, unlimited(), new RequestCounter())) {
      sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).take(1).blockLast(LONG); // connection, JIT
      long start = System.nanoTime();
      long pages = sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).withLookahead(lookahead).byPage()
          .concatMap(page -> Mono.delay(consumerTime).thenReturn(page))
          .count().block(LONG);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("pages", pages);
      result.put("seconds", String.format("%.3f", (System.nanoTime() - start) / 1e9));
      return result;
    }
  }

  // 5. Time to first item ---------------------------------------------------------------------

  /** Median time to the first item of a new listing, and median time of one bare page request. */
  static Map<String, Object> firstItem(String url, int pageSize, int runs) {
    BareClient bare = new BareClient(url);
    try (SeiClient sei = library(url, unlimited(), new RequestCounter())) {
      List<Long> first = new ArrayList<>();
      List<Long> page = new ArrayList<>();
      for (int i = 0; i < runs + 5; i++) {
        long t0 = System.nanoTime();
        sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).take(1).blockLast(LONG);
        long t1 = System.nanoTime();
        bare.page(0, pageSize).block(LONG);
        long t2 = System.nanoTime();
        if (i >= 5) { // the first five warm up both
          first.add(t1 - t0);
          page.add(t2 - t1);
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("firstItemMillis", String.format("%.1f", median(first) / 1e6));
      result.put("onePageMillis", String.format("%.1f", median(page) / 1e6));
      return result;
    }
  }

  // 8. Early emission ------------------------------------------------------------------------

  /**
   * Time to the first item of a one-page listing from a slow server, with
   * {@link PagedFlux#withEarlyEmission()} and by default (the item released when its page is
   * complete), measured from the listing's subscription. First {@code cuts} early listings cut
   * after their first item (a few milliseconds each, so the request path gets compiled as in a
   * long-running service; each cut closes its connection), then {@code warmUps + runs} rounds of
   * one early listing, one default listing and one bare request (see
   * {@link BareClient#timeFirstRecordBytes}), each reading its whole page so the connection is
   * reused. Medians over the measured rounds, each round's figures, and the library's requests
   * (the server reports each request, the bare ones too).
   */
  static Map<String, Object> earlyEmission(String url, int pageSize, int cuts, int warmUps, int runs) {
    RequestCounter counter = new RequestCounter();
    BareClient bare = new BareClient(url);
    try (SeiClient sei = library(url, unlimited(), counter)) {
      for (int cut = 0; cut < cuts; cut++) {
        sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).withEarlyEmission().take(1).blockLast(LONG);
      }
      List<Long> earlyFirst = new ArrayList<>();
      List<Long> earlyPage = new ArrayList<>();
      List<Long> defaultFirst = new ArrayList<>();
      List<Long> defaultPage = new ArrayList<>();
      List<Long> bareFirst = new ArrayList<>();
      for (int round = 0; round < warmUps + runs; round++) {
        long[] early = timeFirstItem(sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).withEarlyEmission());
        long[] whole = timeFirstItem(sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize));
        long bytes = bare.timeFirstRecordBytes(pageSize);
        if (round >= warmUps) {
          earlyFirst.add(early[0]);
          earlyPage.add(early[1]);
          defaultFirst.add(whole[0]);
          defaultPage.add(whole[1]);
          bareFirst.add(bytes);
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("earlyFirstItemMillis", millis(median(earlyFirst)));
      result.put("earlyPageMillis", millis(median(earlyPage)));
      result.put("defaultFirstItemMillis", millis(median(defaultFirst)));
      result.put("defaultPageMillis", millis(median(defaultPage)));
      result.put("bareFirstBytesMillis", millis(median(bareFirst)));
      result.put("earlyFirstItemRuns", earlyFirst.stream().map(t -> millis(t)).collect(Collectors.joining(",")));
      result.put("defaultFirstItemRuns", defaultFirst.stream().map(t -> millis(t)).collect(Collectors.joining(",")));
      result.put("requests", counter.requests());
      return result;
    }
  }

  /** Nanoseconds from subscribing to the listing to its first item, and to its end. */
  private static long[] timeFirstItem(Flux<Map<String, Object>> listing) {
    long[] first = {-1};
    long start = System.nanoTime();
    long items = listing.doOnNext(item -> {
      if (first[0] < 0) {
        first[0] = System.nanoTime() - start;
      }
    }).count().block(LONG);
    long end = System.nanoTime() - start;
    if (items == 0) {
      throw new IllegalStateException("the listing had no items");
    }
    return new long[] {first[0], end};
  }

  private static String millis(double nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  // 6. Many concurrent streams ----------------------------------------------------------------

  /** {@code streams} listings of the server's records at once, on one client sized for them. */
  static Map<String, Object> concurrent(String url, int pageSize, int streams) {
    ProcessMetrics metrics = ProcessMetrics.start();
    RequestCounter counter = new RequestCounter();
    RateLimiter limiter = TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(2_000, Duration.ofSeconds(1))
        .withBurst(200).withMaxQueued(4 * streams));
    try (SeiClient sei = SeiClient.builder().v1ApiKey(BenchmarkMain.SEI_KEY).v1Url(url)
        .configure(client -> client.rateLimiter(limiter).maxConnections(100).webClientBuilder(WebClient.builder().filter(counter)))
        .build()) {
      long start = System.nanoTime();
      List<Long> done = Flux.range(0, streams)
          .flatMap(i -> sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(pageSize).count()
              .map(items -> System.nanoTime() - start), streams)
          .collectList().block(LONG);
      List<Long> sorted = done.stream().sorted().toList();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("streams", done.size());
      result.put("requests", counter.requests());
      result.put("firstDoneMillis", sorted.get(0) / 1_000_000);
      result.put("medianDoneMillis", sorted.get(sorted.size() / 2) / 1_000_000);
      result.put("lastDoneMillis", sorted.get(sorted.size() - 1) / 1_000_000);
      result.put("peakAfterGc", metrics.peakHeapAfterGc());
      result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      return result;
    }
  }
}
