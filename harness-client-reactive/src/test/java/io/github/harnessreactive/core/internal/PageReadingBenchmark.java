package io.github.harnessreactive.core.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteBufferFeeder;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * One 1,000-record SEI v1 page (about 330 KB), arriving as Netty delivers it (pooled 8 KiB
 * buffers), read each way the pager could read it:
 *
 * <ul>
 *   <li>(a) {@code byteArrayThenPageDecoder}: join the buffers, copy them into a {@code byte[]}
 *       ({@code toEntity(byte[].class)}), then the single-pass {@code PageDecoder} (the baseline);</li>
 *   <li>(b) {@code streamingTokenBuffers}: Jackson's non-blocking parser fed each buffer, each item
 *       buffered as tokens and bound as soon as it is complete ({@link StreamingPageReader});</li>
 *   <li>(c) {@code streamingBoundariesThenBind}: the non-blocking parser only finds where each item
 *       starts and ends, and each item's bytes are bound by the ordinary parser (a prototype, here
 *       only);</li>
 *   <li>(d) {@code joinedBuffersWholePage}: the buffers joined without a copy (a composite buffer)
 *       and read in one pass of the ordinary parser ({@link WholePageReader});</li>
 *   <li>{@code jacksonReadValueOfBytes}: what the bare loop of the CPU scenario does with the bytes
 *       it aggregated, for scale.</li>
 * </ul>
 * Run with {@code ./mvnw -q -Ppage-reading -pl harness-client-reactive -am verify -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageReadingBenchmark {

  private static final int RECORDS = 1_000;
  private static final int CHUNK = 8192;
  private static final Set<String> METADATA = Set.of("_metadata.page", "_metadata.page_size", "_metadata.has_next",
      "_metadata.total_count", "status");

  /** The bare loop's target type. */
  public record BarePage(List<Map<String, Object>> records, Map<String, Object> _metadata) {
  }

  private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
  private byte[] body;
  private JsonMapper mapper;
  private PageDecoder pageDecoder;
  private PageLayout layout;
  private ObjectReader itemReader;
  private ObjectReader bareReader;

  @Setup
  public void setUp() {
    body = page().getBytes(StandardCharsets.UTF_8);
    mapper = JsonMapper.builder().build();
    pageDecoder = new PageDecoder(mapper, Map.class, List.of("records"), METADATA);
    layout = new PageLayout(mapper, Map.class, List.of("records"), METADATA, 16 << 20, 1 << 20);
    itemReader = mapper.readerFor(Map.class);
    bareReader = mapper.readerFor(BarePage.class);
  }

  /** The page as Netty hands it over: pooled buffers of 8 KiB. */
  private List<DataBuffer> chunks() {
    List<DataBuffer> chunks = new ArrayList<>(body.length / CHUNK + 1);
    for (int from = 0; from < body.length; from += CHUNK) {
      int length = Math.min(CHUNK, body.length - from);
      chunks.add(buffers.wrap(ByteBufAllocator.DEFAULT.buffer(length).writeBytes(body, from, length)));
    }
    return chunks;
  }

  @Benchmark
  public Object byteArrayThenPageDecoder() {
    DataBuffer joined = buffers.join(chunks());
    byte[] bytes = new byte[joined.readableByteCount()];
    joined.read(bytes);
    DataBufferUtils.release(joined);
    return pageDecoder.decode(bytes);
  }

  @Benchmark
  public Object streamingTokenBuffers() {
    List<Object> items = new ArrayList<>(RECORDS);
    StreamingPageReader<Object> reader = new StreamingPageReader<>(layout, items::add);
    for (DataBuffer chunk : chunks()) {
      reader.feed(chunk);
      DataBufferUtils.release(chunk);
    }
    reader.end();
    return items;
  }

  @Benchmark
  public Object streamingBoundariesThenBind() {
    List<Object> items = new ArrayList<>(RECORDS);
    JsonParser parser = mapper.createNonBlockingByteBufferParser();
    ByteBufferFeeder feeder = (ByteBufferFeeder) parser.nonBlockingInputFeeder();
    byte[] item = new byte[4096];
    int itemLength = 0;
    int depth = 0;
    boolean inItem = false;
    long chunkOffset = 0; // bytes fed before this chunk
    for (DataBuffer chunk : chunks()) {
      byte[] bytes = new byte[chunk.readableByteCount()]; // the chunk's bytes, to copy item spans from
      chunk.read(bytes);
      DataBufferUtils.release(chunk);
      feeder.feedInput(ByteBuffer.wrap(bytes));
      int copiedUpTo = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
        if (token.isStructStart()) {
          depth++;
          if (depth == 3 && !inItem) { // root object, records array, item
            inItem = true;
            itemLength = 0;
            // the non-blocking parser reports a start marker one byte past it
            copiedUpTo = (int) (parser.currentTokenLocation().getByteOffset() - 1 - chunkOffset);
          }
        } else if (token.isStructEnd()) {
          depth--;
          if (inItem && depth == 2) {
            int end = (int) (parser.currentLocation().getByteOffset() - chunkOffset);
            item = append(item, itemLength, bytes, copiedUpTo, end);
            itemLength += end - copiedUpTo;
            items.add(itemReader.readValue(item, 0, itemLength));
            inItem = false;
          }
        }
      }
      if (inItem) {
        item = append(item, itemLength, bytes, copiedUpTo, bytes.length);
        itemLength += bytes.length - copiedUpTo;
      }
      chunkOffset += bytes.length;
    }
    feeder.endOfInput();
    parser.close();
    return items;
  }

  private static byte[] append(byte[] into, int length, byte[] from, int start, int end) {
    byte[] target = length + end - start > into.length ? Arrays.copyOf(into, Math.max(into.length * 2, length + end - start))
        : into;
    System.arraycopy(from, start, target, length, end - start);
    return target;
  }

  @Benchmark
  public Object joinedBuffersWholePage() {
    DataBuffer joined = buffers.join(chunks());
    try {
      return new WholePageReader(layout).read(joined, RECORDS);
    } finally {
      DataBufferUtils.release(joined);
    }
  }

  @Benchmark
  public Object jacksonReadValueOfBytes() {
    return bareReader.readValue(body);
  }

  private static String page() {
    StringBuilder json = new StringBuilder(RECORDS * 340).append("{\"records\":[");
    for (int i = 0; i < RECORDS; i++) {
      json.append(i == 0 ? "" : ",").append("""
          {"id":"pr-%d","number":%d,"title":"Make the pager honour demand (%d)","state":"merged",\
          "creator":"dev-%d","repo_id":"harness/harness-core","integration_id":"4","source_branch":"feature/%d",\
          "target_branch":"main","additions":%d,"deletions":%d,"files_ct":%d,"pr_created_at":1700000000%03d,\
          "pr_merged_at":1700003600%03d,"labels":["backend","reviewed"]}""".formatted(i, i, i, i % 97, i, i % 500,
          i % 200, i % 30, i % 1000, i % 1000));
    }
    return json.append("],\"count\":").append(RECORDS)
        .append(",\"_metadata\":{\"page\":0,\"page_size\":1000,\"has_next\":true,\"total_count\":10000}}").toString();
  }
}
