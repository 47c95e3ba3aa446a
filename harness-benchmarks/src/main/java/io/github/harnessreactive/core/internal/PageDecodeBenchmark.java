package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.benchmarks.Pages;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Decoding one SEI v1 page of 1,000 pull requests: the runtime's single-pass page decoder (items
 * into maps, the page metadata kept, the rest skipped) against Jackson reading the whole body into
 * an equivalent record. In the runtime's package because the decoder is internal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageDecodeBenchmark {

  /** The baseline's target: what a hand-written client would declare. */
  public record BarePage(List<Map<String, Object>> records, Map<String, Object> _metadata) {
  }

  private byte[] body;
  private PageDecoder decoder;
  private JsonMapper jackson;

  @Setup
  public void setUp() {
    body = Pages.seiV1Page(0, 1_000, true, 10_000);
    decoder = new PageDecoder(Mappers.forGeneratedModels(), Map.class, "records",
        Set.of("_metadata.page", "_metadata.page_size", "_metadata.has_next", "_metadata.total_count"));
    jackson = JsonMapper.builder().build();
  }

  @Benchmark
  public Object runtimePageDecoder() {
    return decoder.decode(body);
  }

  @Benchmark
  public Object jacksonReadValue() {
    return jackson.readValue(body, BarePage.class);
  }
}
