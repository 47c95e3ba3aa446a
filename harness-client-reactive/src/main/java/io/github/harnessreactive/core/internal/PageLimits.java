package io.github.harnessreactive.core.internal;

/**
 * How large a page body and one item of it may be. Pages are read from the body's buffers as they
 * arrive, never through the codecs, so the codecs' {@code maxInMemorySize} does not bound them;
 * these limits do, each with its typed error ({@code ResponseTooLargeException}).
 *
 * @param maxPageBytes the largest page body read, in bytes
 * @param maxItemBytes the largest item of a page, in bytes
 */
public record PageLimits(long maxPageBytes, long maxItemBytes) {

  /** The defaults: 16 MiB a page (what the codecs allowed pages before), 4 MiB an item. */
  public static final PageLimits DEFAULTS = new PageLimits(16L * 1024 * 1024, 4L * 1024 * 1024);

  /**
   * @throws IllegalArgumentException when a limit is not positive, or an item may be larger than a page
   */
  public PageLimits {
    if (maxPageBytes <= 0 || maxItemBytes <= 0) {
      throw new IllegalArgumentException("page and item limits must be positive");
    }
    if (maxItemBytes > maxPageBytes) {
      throw new IllegalArgumentException("maxItemBytes (" + maxItemBytes + ") is above maxPageBytes (" + maxPageBytes + ")");
    }
  }
}
