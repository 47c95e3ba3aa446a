package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.InfrastructuresApi;
import io.github.harnessreactive.generated.platform.ng.model.InfrastructureRequest;
import io.github.harnessreactive.generated.platform.ng.model.InfrastructureResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOInfrastructureResponse;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * The infrastructure definitions of an environment, over the Platform NG API
 * ({@code /ng/api/infrastructures}). No published API description has these operations; they come
 * from Harness's own client types and are marked {@code x-harness-unverified} in our document.
 */
public final class Infrastructures {

  private final HarnessClient client;
  private final HarnessApi<InfrastructuresApi> api;

  Infrastructures(HarnessClient client) {
    this.client = client;
    this.api = client.api(InfrastructuresApi.class);
  }

  /**
   * The infrastructure definitions of an environment, streamed page by page.
   *
   * @throws IllegalArgumentException when the environment identifier is not a Harness identifier
   */
  public PagedFlux<InfrastructureResponse> list(Scope scope, String environment) {
    String env = requireIdentifier(environment, "environment");
    return api.paged("listInfrastructures", InfrastructureResponse.class,
        Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier(), env),
        (a, page) -> a.listInfrastructuresWithResponseSpec(Accounts.of(client), env, scope.orgIdentifier(),
            scope.projectIdentifier(), null, null, page.index(), page.size(), null));
  }

  /**
   * One infrastructure definition; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the environment or infrastructure identifier is not a Harness identifier
   */
  public Mono<InfrastructureResponse> get(Scope scope, String environment, String identifier) {
    String env = requireIdentifier(environment, "environment");
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getInfrastructure(id, Accounts.of(client), env, scope.orgIdentifier(), scope.projectIdentifier(),
        null)).mapNotNull(ResponseDTOInfrastructureResponse::getData);
  }

  /**
   * Creates an infrastructure definition in the environment its request names ({@code environmentRef}).
   * Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the identifier or the environment is not a Harness identifier
   */
  public Mono<InfrastructureResponse> create(InfrastructureRequest infrastructure) {
    requireIdentifier(infrastructure.getIdentifier(), "identifier");
    requireIdentifier(infrastructure.getEnvironmentRef(), "environmentRef");
    return api.call(a -> a.createInfrastructure(Accounts.of(client), infrastructure))
        .mapNotNull(ResponseDTOInfrastructureResponse::getData);
  }

  /**
   * Replaces an infrastructure definition.
   *
   * @throws IllegalArgumentException when the identifier or the environment is not a Harness identifier
   */
  public Mono<InfrastructureResponse> update(InfrastructureRequest infrastructure) {
    requireIdentifier(infrastructure.getIdentifier(), "identifier");
    requireIdentifier(infrastructure.getEnvironmentRef(), "environmentRef");
    return api.call(a -> a.updateInfrastructure(Accounts.of(client), infrastructure, null))
        .mapNotNull(ResponseDTOInfrastructureResponse::getData);
  }

  /**
   * Deletes an infrastructure definition; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the environment or infrastructure identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String environment, String identifier) {
    String env = requireIdentifier(environment, "environment");
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteInfrastructure(id, Accounts.of(client), env, scope.orgIdentifier(), scope.projectIdentifier(),
        null, null)).mapNotNull(ResponseDTOBoolean::getData);
  }

}
