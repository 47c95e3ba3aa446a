package io.github.harnessreactive.benchmarks;

import java.nio.charset.StandardCharsets;

/** SEI v1 page bodies for the benchmarks, built once. */
public final class Pages {

  private Pages() {
  }

  /** A whole page: {@code records}, {@code count} and {@code _metadata}, as SEI v1 answers a list. */
  public static byte[] seiV1Page(int index, int size, boolean hasNext, long total) {
    return ("{\"records\":" + PageServer.recordArray(index, size) + ",\"count\":" + size + ",\"_metadata\":{\"page\":" + index
        + ",\"page_size\":" + size + ",\"has_next\":" + hasNext + ",\"total_count\":" + total + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
