package io.github.harnessreactive.benchmarks;

import io.github.harnessreactive.benchmarks.PageDecodeBenchmark.BarePage;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteBufferFeeder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Ways to read one SEI v1 page of 1,000 pull requests (as {@link Pages} makes them) that arrives
 * as Netty delivers a body: pooled direct buffers of at most 8 KiB (the HTTP decoder's chunk size),
 * each wrapped as a {@link DataBuffer}. Every variant binds each record to a
 * {@code Map<String, Object>}; scores are nanoseconds per record.
 * <ul>
 *   <li>(a) {@link #a_joinCopyReadValue}: the buffers joined, copied into a {@code byte[]} and the
 *       page bound by {@code readValue}: the pager's old design ({@code toEntity(byte[].class)}),
 *       the baseline;</li>
 *   <li>(b) {@link #b_nonBlockingTokenBuffer}: Jackson's non-blocking parser fed each buffer,
 *       each item buffered in a {@link TokenBuffer} and bound from it;</li>
 *   <li>(c) {@link #c_nonBlockingBoundaries}: the non-blocking parser only finds where each item
 *       starts and ends; the item's bytes are then bound by the ordinary parser;</li>
 *   <li>(d) {@link #d_joinedReadValue}: the buffers joined and the page bound by
 *       {@code readValue} straight from the joined buffer's stream, without a {@code byte[]};</li>
 *   <li>the library's public paths, {@link #libraryDefault} and {@link #libraryEarlyEmission}:
 *       a one-page listing served by an in-memory WebClient exchange function (no socket), as in
 *       {@link PageDecodeBenchmark}, so call layer, filters and guards are included.</li>
 * </ul>
 * Each variant is checked once at set-up to yield the same 1,000 records as (a).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(PageReadingBenchmark.RECORDS)
public class PageReadingBenchmark {

  static final int RECORDS = 1_000;
  /** Reactor Netty's HTTP decoder hands the body over in contents of at most this many bytes. */
  static final int CHUNK = 8 * 1024;
  private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
  };

  private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
  private final List<ByteBuf> chunks = new ArrayList<>();
  private JsonMapper json;
  private ObjectReader pageReader;
  private ObjectReader itemReader;
  private SeiClient sei;
  private PagedFlux<Map<String, Object>> listing;
  private PagedFlux<Map<String, Object>> earlyListing;

  @Setup
  public void setUp() {
    byte[] page = Pages.seiV1Page(0, RECORDS, false, RECORDS);
    for (int offset = 0; offset < page.length; offset += CHUNK) {
      int length = Math.min(CHUNK, page.length - offset);
      chunks.add(PooledByteBufAllocator.DEFAULT.directBuffer(length).writeBytes(page, offset, length));
    }
    json = JsonMapper.builder().build();
    pageReader = json.readerFor(BarePage.class);
    itemReader = json.readerFor(ITEM);
    WebClient.Builder inMemory = WebClient.builder().exchangeFunction(request -> Mono.fromSupplier(() ->
        ClientResponse.create(HttpStatus.OK)
            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .body(Flux.fromIterable(body()))
            .build()));
    sei = SeiClient.builder().v1ApiKey(BenchmarkMain.SEI_KEY).v1Url("http://localhost:1/sei")
        .configure(client -> client.webClientBuilder(inMemory).rateLimiter(TokenBucketRateLimiter.create(
            RateLimitOptions.defaults().withLimit(1_000_000_000, Duration.ofSeconds(1)).withBurst(1_000_000))))
        .build();
    listing = sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(RECORDS);
    earlyListing = listing.withEarlyEmission();
    checkSameRecords();
  }

  @TearDown
  public void tearDown() {
    sei.close();
    chunks.forEach(ByteBuf::release);
  }

  /** A fresh view of the body's buffers for one read (each a retained duplicate: the reader releases it). */
  private List<DataBuffer> body() {
    List<DataBuffer> body = new ArrayList<>(chunks.size());
    for (ByteBuf chunk : chunks) {
      body.add(buffers.wrap(chunk.retainedDuplicate()));
    }
    return body;
  }

  private void checkSameRecords() {
    List<Map<String, Object>> expected = a_joinCopyReadValue().records();
    List<List<Map<String, Object>>> others = List.of(b_nonBlockingTokenBuffer(), c_nonBlockingBoundaries(),
        d_joinedReadValue().records(), libraryDefault(), libraryEarlyEmission());
    for (List<Map<String, Object>> other : others) {
      if (expected.size() != RECORDS || !expected.equals(other)) {
        throw new IllegalStateException("a variant read other records than (a)");
      }
    }
  }

  @Benchmark
  public BarePage a_joinCopyReadValue() {
    DataBuffer joined = buffers.join(body());
    byte[] bytes = new byte[joined.readableByteCount()];
    joined.read(bytes);
    DataBufferUtils.release(joined);
    return pageReader.readValue(bytes);
  }

  @Benchmark
  public List<Map<String, Object>> b_nonBlockingTokenBuffer() {
    return new TokenBufferedItems(json, itemReader).read(body());
  }

  @Benchmark
  public List<Map<String, Object>> c_nonBlockingBoundaries() {
    return new BoundedItems(json, itemReader).read(body());
  }

  @Benchmark
  public BarePage d_joinedReadValue() {
    DataBuffer joined = buffers.join(body());
    try {
      return pageReader.readValue(joined.asInputStream());
    } finally {
      DataBufferUtils.release(joined);
    }
  }

  @Benchmark
  public List<Map<String, Object>> libraryDefault() {
    return listing.collectList().block();
  }

  @Benchmark
  public List<Map<String, Object>> libraryEarlyEmission() {
    return earlyListing.collectList().block();
  }

  /**
   * Walks a page with Jackson's non-blocking parser fed the body's buffers one by one, and hands
   * each element of the top-level {@code records} array, token by token, to the subclass; every
   * other value is only tokenised.
   */
  private abstract static class RecordsWalk {
    final JsonParser parser;
    final List<Map<String, Object>> items = new ArrayList<>(RECORDS);
    private final ByteBufferFeeder feeder;
    private int depth;
    private boolean recordsNext;
    private boolean inRecords;
    private int itemDepth;

    RecordsWalk(JsonMapper json) {
      parser = json.createNonBlockingByteBufferParser();
      feeder = (ByteBufferFeeder) parser.nonBlockingInputFeeder();
    }

    /** Reads and releases the body's buffers; the records bound. */
    List<Map<String, Object>> read(List<DataBuffer> body) {
      try {
        for (DataBuffer buffer : body) {
          try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
            while (views.hasNext()) {
              ByteBuffer chunk = views.next();
              chunkStarts(chunk);
              feeder.feedInput(chunk);
              drain();
              chunkEnds(itemDepth > 0);
            }
          }
          DataBufferUtils.release(buffer);
        }
        feeder.endOfInput();
        drain();
      } finally {
        parser.close();
      }
      return items;
    }

    private void drain() {
      JsonToken token;
      while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
        accept(token);
      }
    }

    private void accept(JsonToken token) {
      if (itemDepth > 0) {
        itemDepth += nesting(token);
        itemToken(token);
        if (itemDepth == 0) {
          itemEnds();
        }
      } else if (inRecords && token != JsonToken.END_ARRAY) {
        itemDepth = nesting(token);
        itemStarts(token);
        if (itemDepth == 0) {
          itemEnds();
        }
      } else {
        inRecords = recordsNext && token == JsonToken.START_ARRAY;
        recordsNext = depth == 1 && token == JsonToken.PROPERTY_NAME && "records".equals(parser.currentName());
        depth += nesting(token);
      }
    }

    private static int nesting(JsonToken token) {
      return token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
    }

    /** A buffer is about to be fed. */
    void chunkStarts(ByteBuffer chunk) {
    }

    /** The buffer fed last has been read; {@code inItem} when an item continues into the next one. */
    void chunkEnds(boolean inItem) {
    }

    /** The parser is at an item's first token. */
    abstract void itemStarts(JsonToken token);

    /** The parser is at a later token of the item. */
    abstract void itemToken(JsonToken token);

    /** The item's last token has been read. */
    abstract void itemEnds();
  }

  /** (b) Each item buffered in a {@link TokenBuffer} as its tokens arrive, then bound from it. */
  private static final class TokenBufferedItems extends RecordsWalk {
    private final ObjectReader itemReader;
    private TokenBuffer item;

    TokenBufferedItems(JsonMapper json, ObjectReader itemReader) {
      super(json);
      this.itemReader = itemReader;
    }

    @Override
    void itemStarts(JsonToken token) {
      item = TokenBuffer.forBuffering(parser, parser.objectReadContext());
      item.copyCurrentEvent(parser);
    }

    @Override
    void itemToken(JsonToken token) {
      item.copyCurrentEvent(parser);
    }

    @Override
    void itemEnds() {
      try (JsonParser tokens = item.asParserOnFirstToken(parser.objectReadContext())) {
        items.add(itemReader.readValue(tokens));
      }
      item = null;
    }
  }

  /**
   * (c) The non-blocking parser only marks where each item starts and ends (byte offsets in the
   * body); the item's bytes, gathered from the buffers it spans into one reused array, are then
   * bound by the ordinary parser.
   */
  private static final class BoundedItems extends RecordsWalk {
    private final ObjectReader itemReader;
    private byte[] scratch = new byte[4096];
    private int length;
    private long itemStart;
    private ByteBuffer chunk;
    private int chunkPosition;
    private long chunkOffset;
    private long fed;

    BoundedItems(JsonMapper json, ObjectReader itemReader) {
      super(json);
      this.itemReader = itemReader;
    }

    @Override
    void chunkStarts(ByteBuffer next) {
      chunk = next;
      chunkPosition = next.position();
      chunkOffset = fed;
      fed += next.remaining();
    }

    @Override
    void chunkEnds(boolean inItem) {
      if (inItem) {
        gather(Math.max(itemStart, chunkOffset), fed);
      }
    }

    /**
     * The parser has just read the item's opening brace (its token location is one byte past the
     * token's start, so the offset is taken from the reading position, right after the brace).
     */
    @Override
    void itemStarts(JsonToken token) {
      if (token != JsonToken.START_OBJECT) {
        throw new IllegalStateException("the records are objects");
      }
      itemStart = parser.currentLocation().getByteOffset() - 1;
      length = 0;
    }

    @Override
    void itemToken(JsonToken token) {
    }

    @Override
    void itemEnds() {
      gather(Math.max(itemStart, chunkOffset), parser.currentLocation().getByteOffset());
      if (scratch[0] != '{' || scratch[length - 1] != '}') {
        throw new IllegalStateException("item boundaries found at the wrong offsets");
      }
      items.add(itemReader.readValue(scratch, 0, length));
    }

    /** Appends the body's bytes {@code [from, to)}, all in the current buffer, to the item's bytes. */
    private void gather(long from, long to) {
      int count = (int) (to - from);
      if (length + count > scratch.length) {
        scratch = Arrays.copyOf(scratch, Math.max(2 * scratch.length, length + count));
      }
      chunk.get(chunkPosition + (int) (from - chunkOffset), scratch, length, count);
      length += count;
    }
  }
}
