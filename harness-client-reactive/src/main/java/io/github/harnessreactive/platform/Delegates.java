package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.platform.ng.api.DelegatesApi;
import io.github.harnessreactive.generated.platform.ng.model.DelegateFilterProperties;
import io.github.harnessreactive.generated.platform.ng.model.DelegateListResponse;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * The delegates registered at a scope, over the Platform NG API
 * ({@code POST /ng/api/delegate-setup/listDelegates}). Harness answers the whole list at once (no
 * paging), in its {@code RestResponse} envelope, which is unwrapped. The operation comes from
 * Harness's own client types and is marked {@code x-harness-unverified} in our document.
 */
public final class Delegates {

  private final HarnessClient client;
  private final HarnessApi<DelegatesApi> api;

  Delegates(HarnessClient client) {
    this.client = client;
    this.api = client.api(DelegatesApi.class);
  }

  /** An empty delegate filter, its {@code filterType} set to {@code Delegate} as Harness expects; narrow it with its setters. */
  public static DelegateFilterProperties filter() {
    return new DelegateFilterProperties().filterType("Delegate");
  }

  /** Every delegate of a scope, with its replicas. */
  public Flux<DelegateListResponse> list(Scope scope) {
    return list(scope, filter());
  }

  /**
   * The delegates of a scope that match a filter (see {@link #filter()}: name, status, tags...).
   *
   * @throws NullPointerException when the filter is {@code null}
   */
  public Flux<DelegateListResponse> list(Scope scope, DelegateFilterProperties filter) {
    Objects.requireNonNull(filter, "filter");
    return api.call(a -> a.listDelegates(Accounts.of(client), filter, scope.orgIdentifier(), scope.projectIdentifier(), null))
        .flatMapIterable(answer -> Objects.requireNonNullElse(answer.getResource(), List.<DelegateListResponse>of()));
  }
}
