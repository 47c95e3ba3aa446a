package io.github.harnessreactive.benchmarks;

import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading one SEI v1 page of 1,000 pull requests: the library's whole page path (a one-page
 * listing through the public API: call layer, filters, page decoding and guards), served from
 * memory by a WebClient exchange function so no socket is involved, against Jackson reading the
 * same body into an equivalent record. Measured through the public API only: the runtime's
 * decoder is internal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageDecodeBenchmark {

  /** The baseline's target: what a hand-written client would declare. */
  public record BarePage(List<Map<String, Object>> records, Map<String, Object> _metadata) {
  }

  private static final int RECORDS = 1_000;

  private byte[] body;
  private JsonMapper jackson;
  private SeiClient sei;
  private PagedFlux<Map<String, Object>> onePage;

  @Setup
  public void setUp() {
    body = Pages.seiV1Page(0, RECORDS, false, RECORDS);
    jackson = JsonMapper.builder().build();
    WebClient.Builder inMemory = WebClient.builder().exchangeFunction(request -> Mono.just(
        ClientResponse.create(HttpStatus.OK)
            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
            .build()));
    sei = SeiClient.builder().v1ApiKey(BenchmarkMain.SEI_KEY).v1Url("http://localhost:1/sei")
        .configure(client -> client.webClientBuilder(inMemory).rateLimiter(TokenBucketRateLimiter.create(
            RateLimitOptions.defaults().withLimit(1_000_000_000, Duration.ofSeconds(1)).withBurst(1_000_000))))
        .build();
    onePage = sei.v1().scm().pullRequests(ListQuery.all()).withPageSize(RECORDS);
  }

  @TearDown
  public void tearDown() {
    sei.close();
  }

  @Benchmark
  public Object libraryOnePage() {
    return onePage.collectList().block();
  }

  @Benchmark
  public Object jacksonReadValue() {
    return jackson.readValue(body, BarePage.class);
  }
}
