package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.ServicesApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOServiceResponse;
import io.github.harnessreactive.generated.platform.ng.model.ServiceRequestDTO;
import io.github.harnessreactive.generated.platform.ng.model.ServiceResponse;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * Services (what is deployed) at account, organization or project scope, over the Platform NG API
 * ({@code /ng/api/servicesV2}). The list takes {@code page}/{@code size} and answers the NG
 * {@code PageResponse}; a service's definition is its {@code yaml}.
 */
public final class Services {

  private final HarnessClient client;
  private final HarnessApi<ServicesApi> api;

  Services(HarnessClient client) {
    this.client = client;
    this.api = client.api(ServicesApi.class);
  }

  /** The services of a scope, streamed page by page. */
  public PagedFlux<ServiceResponse> list(Scope scope) {
    return api.paged("listServices", ServiceResponse.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listServicesWithResponseSpec(Accounts.of(client), page.index(), page.size(), scope.orgIdentifier(),
            scope.projectIdentifier(), null, null, null));
  }

  /**
   * One service; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<ServiceResponse> get(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getService(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(), null))
        .mapNotNull(ResponseDTOServiceResponse::getData);
  }

  /**
   * Creates a service at the scope its definition names. Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the service's identifier is not a Harness identifier
   */
  public Mono<ServiceResponse> create(ServiceRequestDTO service) {
    requireIdentifier(service.getIdentifier(), "identifier");
    return api.call(a -> a.createService(Accounts.of(client), service)).mapNotNull(ResponseDTOServiceResponse::getData);
  }

  /**
   * Replaces a service.
   *
   * @throws IllegalArgumentException when the service's identifier is not a Harness identifier
   */
  public Mono<ServiceResponse> update(ServiceRequestDTO service) {
    requireIdentifier(service.getIdentifier(), "identifier");
    return api.call(a -> a.updateService(Accounts.of(client), null, service)).mapNotNull(ResponseDTOServiceResponse::getData);
  }

  /**
   * Creates the service, or replaces it when it exists.
   *
   * @throws IllegalArgumentException when the service's identifier is not a Harness identifier
   */
  public Mono<ServiceResponse> upsert(ServiceRequestDTO service) {
    requireIdentifier(service.getIdentifier(), "identifier");
    return api.call(a -> a.upsertService(Accounts.of(client), null, service)).mapNotNull(ResponseDTOServiceResponse::getData);
  }

  /**
   * Deletes a service; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteService(id, Accounts.of(client), null, scope.orgIdentifier(), scope.projectIdentifier(), null))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

}
