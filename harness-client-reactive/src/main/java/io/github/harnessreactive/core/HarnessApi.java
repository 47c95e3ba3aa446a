package io.github.harnessreactive.core;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.core.internal.CallLayer;
import io.github.harnessreactive.core.internal.Pager;
import io.github.harnessreactive.core.paging.PageFetcher;
import io.github.harnessreactive.core.paging.PagedFlux;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated {@code *Api} class wired to the runtime: the escape hatch for any endpoint of our
 * documents that has no facade. Every call made through it gets the client's credentials, account
 * scoping, logging, typed errors, observation and deadline:
 *
 * <pre>{@code
 * HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
 * Mono<ResponseDTOProjectResponse> project =
 *     projects.call(api -> api.getProject("apisample", client.accountId().orElseThrow(), "default"));
 * }</pre>
 *
 * <p>The function is applied at each subscription, never before, so parameter errors arrive
 * through {@code onError} and a resubscription rebuilds the request. Thread-safe.
 *
 * @param <T> the generated API class
 */
public final class HarnessApi<T> {

  private final T api;
  private final HarnessService service;
  private final CallLayer calls;
  private final JsonMapper mapper;
  private final String defaultAccount;

  HarnessApi(T api, HarnessService service, CallLayer calls, JsonMapper mapper, String defaultAccount) {
    this.api = api;
    this.service = service;
    this.calls = calls;
    this.mapper = mapper;
    this.defaultAccount = defaultAccount;
  }

  /**
   * Calls an operation that answers one value.
   *
   * @param call invokes one generated method on the API; applied at each subscription and attempt
   * @return the answer, through every layer of the client
   * @throws NullPointerException when {@code call} is {@code null}
   */
  public <R> Mono<R> call(Function<? super T, ? extends Mono<R>> call) {
    Objects.requireNonNull(call, "call");
    return calls.mono(service, () -> call.apply(api));
  }

  /**
   * Calls an operation that answers a stream of values (an array body decoded as it arrives).
   *
   * @param call invokes one generated method on the API; applied at each subscription and attempt
   * @return the values, through every layer of the client
   * @throws NullPointerException when {@code call} is {@code null}
   */
  public <R> Flux<R> callMany(Function<? super T, ? extends Flux<R>> call) {
    Objects.requireNonNull(call, "call");
    return calls.flux(service, () -> call.apply(api));
  }

  /**
   * Lists an operation as a lazy stream of its items, whatever its page shape: the operation
   * catalogue says where the items and the page metadata are, how the last page is recognised and
   * the largest page size; the fetcher puts the page index and size into the generated call.
   *
   * <pre>{@code
   * PagedFlux<ProjectResponse> projects = client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class,
   *     List.of(org), (api, page) -> api.listProjectsWithResponseSpec(account, org, null, null, null, null,
   *         page.index(), page.size(), null));
   * }</pre>
   *
   * @param operationId the list operation, as named in our OpenAPI document
   * @param itemType the type of one item
   * @param query the listing's other parameters; continuation tokens are bound to them (by their
   *     {@code toString()}) and to the account, so a token resumes only the listing it came from,
   *     with any credential of that account (a rotated key included)
   * @param fetcher sends one page request
   * @return the listing, lazy: nothing is requested before subscription
   * @throws NullPointerException when {@code fetcher} is {@code null}
   * @throws IllegalArgumentException when the operation is unknown or not a list
   */
  public <I> PagedFlux<I> paged(String operationId, Class<I> itemType, List<?> query, PageFetcher<T> fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return new PagedFlux<>(new Pager<>(calls, service, api,
        OperationCatalogue.get().require(service.document(), operationId), itemType, query, fetcher, mapper,
        defaultAccount));
  }

  /** The service the API belongs to. */
  public HarnessService service() {
    return service;
  }

  @Override
  public String toString() {
    return "HarnessApi[" + api.getClass().getSimpleName() + ", " + service + "]";
  }
}
