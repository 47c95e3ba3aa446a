package io.github.harnessreactive.core.paging;

import reactor.core.publisher.Flux;

/**
 * Produces the pages of one list for one subscription, strictly on demand: each page is requested
 * only when the returned {@code Flux} is asked for it. {@link PagedFlux} adds the lookahead.
 * Implemented by the runtime; an application never needs to.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageRetriever<T> {

  /**
   * The pages, lenient about items missing at the end: a last page that leaves items missing
   * against the reported total says so ({@link Page#missingItems()}) and the list completes.
   *
   * @param continuationToken where to start: {@code null} for the first page
   * @param pageSize the page size, or {@code null} for the operation's maximum
   * @param maxPages how many pages at most before the list fails with {@link PaginationException}
   */
  Flux<Page<T>> retrieve(String continuationToken, Integer pageSize, long maxPages);

  /**
   * The pages, strict or lenient about items missing at the end. The default is lenient whatever
   * {@code strictTotal} says, which is right for a retriever whose pages never report missing
   * items; the runtime's retriever overrides it.
   *
   * @param continuationToken where to start: {@code null} for the first page
   * @param pageSize the page size, or {@code null} for the operation's maximum
   * @param maxPages how many pages at most before the list fails with {@link PaginationException}
   * @param strictTotal whether a last page that leaves items missing against the reported total
   *     fails the list (after the page is delivered) rather than only saying so on the page
   */
  default Flux<Page<T>> retrieve(String continuationToken, Integer pageSize, long maxPages, boolean strictTotal) {
    return retrieve(continuationToken, pageSize, maxPages);
  }
}
