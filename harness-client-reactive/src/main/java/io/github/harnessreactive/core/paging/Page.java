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

  /** For the runtime's pager; applications receive pages from {@link PagedFlux#byPage()}. */
  public Page(List<T> items, int index, int requestedSize, OptionalLong totalItems, OptionalLong totalPages,
      boolean last, HttpHeaders headers, String continuationToken, Duration elapsed) {
    this.items = List.copyOf(items);
    this.index = index;
    this.requestedSize = requestedSize;
    this.totalItems = Objects.requireNonNull(totalItems);
    this.totalPages = Objects.requireNonNull(totalPages);
    this.last = last;
    this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    this.continuationToken = continuationToken;
    this.elapsed = elapsed;
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

  /** How long fetching the page took, retries included. */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return "Page[index=" + index + ", items=" + items.size() + ", totalItems=" + totalItems + ", last=" + last + "]";
  }
}
