package io.github.harnessreactive.benchmarks;

import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.core.paging.PagedFlux;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * What {@link PagedFlux} costs per item on top of flattening the same pages with plain Reactor:
 * 100 pages of 1,000 items already in memory, so only the paging machinery (lookahead, demand
 * accounting, flattening) is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PagingOverheadBenchmark {

  private static final int PAGES = 100;
  private static final int ITEMS = 1_000;

  private List<Page<Integer>> pages;
  private PagedFlux<Integer> paged;

  @Setup
  public void setUp() {
    pages = new ArrayList<>();
    for (int p = 0; p < PAGES; p++) {
      List<Integer> items = new ArrayList<>();
      for (int i = 0; i < ITEMS; i++) {
        items.add(p * ITEMS + i);
      }
      pages.add(new Page<>(items, p, ITEMS, OptionalLong.of((long) PAGES * ITEMS), OptionalLong.of(PAGES), p == PAGES - 1,
          HttpHeaders.EMPTY, null, Duration.ZERO));
    }
    paged = new PagedFlux<>(request -> Flux.fromIterable(pages));
  }

  @Benchmark
  @OperationsPerInvocation(PAGES * ITEMS)
  public Long pagedFlux() {
    return paged.count().block();
  }

  @Benchmark
  @OperationsPerInvocation(PAGES * ITEMS)
  public Long plainFlatten() {
    return Flux.fromIterable(pages).concatMapIterable(Page::items).count().block();
  }
}
