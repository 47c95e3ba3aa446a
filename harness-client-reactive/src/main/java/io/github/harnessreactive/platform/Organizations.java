package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.ng.model.Organization;
import io.github.harnessreactive.generated.platform.ng.model.OrganizationRequest;
import io.github.harnessreactive.generated.platform.ng.model.OrganizationResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOOrganizationResponse;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/** The organizations of the account, over the Platform NG API ({@code /ng/api/organizations}). */
public final class Organizations {

  private final HarnessClient client;
  private final HarnessApi<OrganizationsApi> api;

  Organizations(HarnessClient client) {
    this.client = client;
    this.api = client.api(OrganizationsApi.class);
  }

  /** Every organization, streamed page by page. */
  public PagedFlux<OrganizationResponse> list() {
    return list(null);
  }

  /** The organizations whose name or identifier contains the search term. */
  public PagedFlux<OrganizationResponse> list(String searchTerm) {
    return api.paged("listOrganizations", OrganizationResponse.class, Arrays.asList(searchTerm),
        (a, page) -> a.listOrganizationsWithResponseSpec(Accounts.of(client), null, searchTerm, page.index(), page.size(), null, null));
  }

  /**
   * One organization; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<OrganizationResponse> get(String identifier) {
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getOrganization(identifier, Accounts.of(client))).mapNotNull(ResponseDTOOrganizationResponse::getData);
  }

  /** Creates an organization. Not repeated after a transient failure: it is not idempotent. */
  public Mono<OrganizationResponse> create(Organization organization) {
    return api.call(a -> a.createOrganization(Accounts.of(client), new OrganizationRequest().organization(organization)))
        .mapNotNull(ResponseDTOOrganizationResponse::getData);
  }

  /**
   * Replaces an organization's definition.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<OrganizationResponse> update(String identifier, Organization organization) {
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.updateOrganization(identifier, Accounts.of(client),
        new OrganizationRequest().organization(organization), null)).mapNotNull(ResponseDTOOrganizationResponse::getData);
  }

  /**
   * Deletes an organization; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(String identifier) {
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteOrganization(identifier, Accounts.of(client), null)).mapNotNull(ResponseDTOBoolean::getData);
  }
}
