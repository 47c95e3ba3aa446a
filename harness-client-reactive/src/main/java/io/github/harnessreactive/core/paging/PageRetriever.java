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
   * The pages, each delivered once it is complete and judged.
   *
   * @param request where to start, the page size, the maximum of pages, strictness about the total
   * @return the pages, lazy: nothing is requested before subscription
   */
  Flux<Page<T>> retrieve(ListingRequest request);

  /**
   * The items, each as early as the retriever can deliver it: for the runtime's pager, as the
   * item's last byte arrives ({@link PagedFlux#withEarlyEmission()}). This default delivers each
   * page's items once the page is complete, fetching the next page when the previous one's items
   * have all been delivered.
   *
   * @param request where to start, the page size, the maximum of pages, strictness about the total
   * @return the items, lazy: nothing is requested before subscription
   */
  default Flux<T> retrieveItems(ListingRequest request) {
    return retrieve(request).concatMap(page -> Flux.fromIterable(page.items()), 0);
  }
}
