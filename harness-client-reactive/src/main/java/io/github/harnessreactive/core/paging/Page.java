package io.github.harnessreactive.core.paging;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;

/**
 * One page of a list, with what Harness said about it. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> items;
  private final int index;
  private final int requestedSize;
  private final OptionalLong totalItems;
  private final OptionalLong totalPages;
  private final boolean last;
  private final HttpHeaders headers;
  private final String continuationToken;
  private final Duration elapsed;
  private final long missingItems;

  /**
   * A page with no items missing. For the runtime's pager; applications receive pages from
   * {@link PagedFlux#byPage()}.
   */
  public Page(List<T> items, int index, int requestedSize, OptionalLong totalItems, OptionalLong totalPages,
      boolean last, HttpHeaders headers, String continuationToken, Duration elapsed) {
    this(items, index, requestedSize, totalItems, totalPages, last, headers, continuationToken, elapsed, 0);
  }

  /**
   * For the runtime's pager; applications receive pages from {@link PagedFlux#byPage()}.
   *
   * @param missingItems on a last page, how many items the reported total says the list has
   *     beyond those delivered; 0 otherwise
   * @throws IllegalArgumentException when {@code missingItems} is negative, or positive on a page that is not last
   */
  public Page(List<T> items, int index, int requestedSize, OptionalLong totalItems, OptionalLong totalPages,
      boolean last, HttpHeaders headers, String continuationToken, Duration elapsed, long missingItems) {
    if (missingItems < 0 || (missingItems > 0 && !last)) {
      throw new IllegalArgumentException("only a last page can have items missing, and never fewer than none");
    }
    this.items = List.copyOf(items);
    this.index = index;
    this.requestedSize = requestedSize;
    this.totalItems = Objects.requireNonNull(totalItems);
    this.totalPages = Objects.requireNonNull(totalPages);
    this.last = last;
    this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    this.continuationToken = continuationToken;
    this.elapsed = elapsed;
    this.missingItems = missingItems;
  }

  /** The items, in the order Harness returned them. */
  public List<T> items() {
    return items;
  }

  /** The 0-based index of this page. */
  public int index() {
    return index;
  }

  /** The page size asked for. */
  public int requestedSize() {
    return requestedSize;
  }

  /** Items in the whole list, when Harness says. */
  public OptionalLong totalItems() {
    return totalItems;
  }

  /** Pages in the whole list, when Harness says. */
  public OptionalLong totalPages() {
    return totalPages;
  }

  /** Whether this is the last page. */
  public boolean isLast() {
    return last;
  }

  /** The response headers of this page. */
  public HttpHeaders headers() {
    return headers;
  }

  /**
   * An opaque token that resumes the list at the next page with {@link PagedFlux#byPage(String)};
   * empty on the last page. It is bound to the query and credential it came from.
   */
  public Optional<String> continuationToken() {
    return Optional.ofNullable(continuationToken);
  }

  /**
   * On the last page, how many items the total Harness reported says the list has beyond those
   * the listing delivered: items removed while the list was read (a record deleted during a live
   * listing), or a stale total. 0 on every other page, and when the counts agree. The listing also
   * reports it as a {@code harness.page.incomplete} event of the page's observation; with
   * {@link PagedFlux#withStrictTotal(boolean)} it fails instead, after this page.
   */
  public long missingItems() {
    return missingItems;
  }

  /** How long fetching the page took, retries included. */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return "Page[index=" + index + ", items=" + items.size() + ", totalItems=" + totalItems + ", last=" + last
        + (missingItems > 0 ? ", missingItems=" + missingItems : "") + "]";
  }
}
