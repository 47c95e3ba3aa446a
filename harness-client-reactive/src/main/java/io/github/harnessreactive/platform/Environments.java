package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.EnvironmentsApi;
import io.github.harnessreactive.generated.platform.ng.model.EnvironmentRequestDTO;
import io.github.harnessreactive.generated.platform.ng.model.EnvironmentResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOEnvironmentResponse;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * Environments (where services are deployed) at account, organization or project scope, over the
 * Platform NG API ({@code /ng/api/environmentsV2}). The list takes {@code page}/{@code size} and
 * answers the NG {@code PageResponse}; an environment's definition is its {@code yaml}.
 */
public final class Environments {

  private final HarnessClient client;
  private final HarnessApi<EnvironmentsApi> api;

  Environments(HarnessClient client) {
    this.client = client;
    this.api = client.api(EnvironmentsApi.class);
  }

  /** The environments of a scope, streamed page by page. */
  public PagedFlux<EnvironmentResponse> list(Scope scope) {
    return api.paged("listEnvironments", EnvironmentResponse.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listEnvironmentsWithResponseSpec(Accounts.of(client), page.index(), page.size(), scope.orgIdentifier(),
            scope.projectIdentifier(), null, null, null));
  }

  /**
   * One environment; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<EnvironmentResponse> get(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getEnvironment(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(), null))
        .mapNotNull(ResponseDTOEnvironmentResponse::getData);
  }

  /**
   * Creates an environment at the scope its definition names. Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the environment's identifier is not a Harness identifier
   */
  public Mono<EnvironmentResponse> create(EnvironmentRequestDTO environment) {
    requireIdentifier(environment.getIdentifier(), "identifier");
    return api.call(a -> a.createEnvironment(Accounts.of(client), environment))
        .mapNotNull(ResponseDTOEnvironmentResponse::getData);
  }

  /**
   * Replaces an environment.
   *
   * @throws IllegalArgumentException when the environment's identifier is not a Harness identifier
   */
  public Mono<EnvironmentResponse> update(EnvironmentRequestDTO environment) {
    requireIdentifier(environment.getIdentifier(), "identifier");
    return api.call(a -> a.updateEnvironment(Accounts.of(client), null, environment))
        .mapNotNull(ResponseDTOEnvironmentResponse::getData);
  }

  /**
   * Creates the environment, or replaces it when it exists.
   *
   * @throws IllegalArgumentException when the environment's identifier is not a Harness identifier
   */
  public Mono<EnvironmentResponse> upsert(EnvironmentRequestDTO environment) {
    requireIdentifier(environment.getIdentifier(), "identifier");
    return api.call(a -> a.upsertEnvironment(Accounts.of(client), null, environment))
        .mapNotNull(ResponseDTOEnvironmentResponse::getData);
  }

  /**
   * Deletes an environment; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteEnvironment(id, Accounts.of(client), null, scope.orgIdentifier(), scope.projectIdentifier(), null))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

}
