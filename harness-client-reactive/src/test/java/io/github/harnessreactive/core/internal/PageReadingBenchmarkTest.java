package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way {@link PageReadingBenchmark} reads its page finds the same 1,000 records, so it measures working code. */
class PageReadingBenchmarkTest {

  @Test
  void everyVariantReadsTheSameThousandRecords() {
    PageReadingBenchmark benchmark = new PageReadingBenchmark();
    benchmark.setUp();

    List<?> baseline = ((PageDecoder.RawPage<?>) benchmark.byteArrayThenPageDecoder()).items();
    assertThat(baseline).hasSize(1_000);
    assertThat((List<?>) benchmark.streamingTokenBuffers()).isEqualTo(baseline);
    assertThat((List<?>) benchmark.streamingBoundariesThenBind()).isEqualTo(baseline);
    assertThat(((PageLayout.Content<?>) benchmark.joinedBuffersWholePage()).items()).isEqualTo(baseline);
    assertThat(((PageReadingBenchmark.BarePage) benchmark.jacksonReadValueOfBytes()).records()).isEqualTo(baseline);
    assertThat(((Map<?, ?>) baseline.get(999)).get("id")).isEqualTo("pr-999");
  }
}
