package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.ServiceAccountsApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOServiceAccountAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOServiceAccountDTO;
import io.github.harnessreactive.generated.platform.ng.model.ServiceAccountAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.ServiceAccountDTO;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * Service accounts, the identities automation uses, at account, organization or project scope,
 * over the Platform NG API ({@code /ng/api/serviceaccount}). Their keys are {@link ApiKeys}, the
 * keys' tokens {@link Tokens}.
 */
public final class ServiceAccounts {

  private final HarnessClient client;
  private final HarnessApi<ServiceAccountsApi> api;

  ServiceAccounts(HarnessClient client) {
    this.client = client;
    this.api = client.api(ServiceAccountsApi.class);
  }

  /** The service accounts of a scope, with their token counts, streamed page by page. */
  public PagedFlux<ServiceAccountAggregateDTO> list(Scope scope) {
    return api.paged("listServiceAccounts", ServiceAccountAggregateDTO.class,
        Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listServiceAccountsWithResponseSpec(Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(),
            null, page.index(), page.size(), null, null, null));
  }

  /**
   * One service account with its token count and role assignments; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<ServiceAccountAggregateDTO> get(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getServiceAccount(Accounts.of(client), id, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOServiceAccountAggregateDTO::getData);
  }

  /**
   * Creates a service account at the scope its definition names. Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<ServiceAccountDTO> create(ServiceAccountDTO account) {
    requireIdentifier(account.getIdentifier(), "identifier");
    return api.call(a -> a.createServiceAccount(Accounts.of(client), account.getOrgIdentifier(), account.getProjectIdentifier(),
        account)).mapNotNull(ResponseDTOServiceAccountDTO::getData);
  }

  /**
   * Replaces a service account.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<ServiceAccountDTO> update(ServiceAccountDTO account) {
    String id = requireIdentifier(account.getIdentifier(), "identifier");
    return api.call(a -> a.updateServiceAccount(Accounts.of(client), id, account.getOrgIdentifier(),
        account.getProjectIdentifier(), account)).mapNotNull(ResponseDTOServiceAccountDTO::getData);
  }

  /**
   * Deletes a service account (its keys and tokens with it); {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteServiceAccount(Accounts.of(client), id, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

}
