package io.github.harnessreactive.core.paging;

import org.jspecify.annotations.Nullable;

/**
 * What one subscription to a listing asks its {@link PageRetriever} for. Immutable.
 *
 * @param continuationToken where to start: {@code null} for the first page
 * @param pageSize the page size, or {@code null} for the operation's maximum
 * @param maxPages how many pages at most before the listing fails with {@link PaginationException}
 * @param strictTotal whether a last page that leaves items missing against the reported total
 *     fails the listing (after the page is delivered) rather than only saying so on the page
 */
public record ListingRequest(@Nullable String continuationToken, @Nullable Integer pageSize, long maxPages,
    boolean strictTotal) {

  /**
   * @throws IllegalArgumentException when the page size or the maximum of pages is not positive
   */
  public ListingRequest {
    if (pageSize != null && pageSize <= 0) {
      throw new IllegalArgumentException("page size must be positive");
    }
    if (maxPages <= 0) {
      throw new IllegalArgumentException("maxPages must be positive");
    }
  }

  /** The first page of a lenient listing, at the operation's largest page size. */
  public static ListingRequest firstPage() {
    return new ListingRequest(null, null, PagedFlux.DEFAULT_MAX_PAGES, false);
  }
}
