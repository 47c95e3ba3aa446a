package io.github.harnessreactive.core.paging;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one page request with a generated API: puts the page index and size where the operation
 * takes them (query parameters or request-body fields) and returns the generated
 * {@code ...WithResponseSpec} call. Called once per page, at subscription.
 *
 * <pre>{@code
 * (api, page) -> api.listProjectsWithResponseSpec(account, org, null, null, null, null, page.index(), page.size(), null)
 * }</pre>
 *
 * @param <A> the generated API class
 */
@FunctionalInterface
public interface PageFetcher<A> {

  WebClient.ResponseSpec fetch(A api, PageRequest page);
}
