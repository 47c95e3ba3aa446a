package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.v1.model.CreateOrganizationRequest;
import io.github.harnessreactive.generated.platform.v1.model.Organization;
import io.github.harnessreactive.generated.platform.v1.model.OrganizationResponse;
import io.github.harnessreactive.generated.platform.v1.model.UpdateOrganizationRequest;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/** The organizations of the account, over the v1 API ({@code /v1/orgs}). */
public final class V1Organizations {

  private final HarnessClient client;
  private final HarnessApi<OrganizationsApi> api;

  V1Organizations(HarnessClient client) {
    this.client = client;
    this.api = client.api(OrganizationsApi.class);
  }

  /** Every organization, streamed page by page. */
  public PagedFlux<OrganizationResponse> list() {
    return list(null);
  }

  /** The organizations matching the search term. */
  public PagedFlux<OrganizationResponse> list(String searchTerm) {
    return api.paged("listOrganizations", OrganizationResponse.class, Arrays.asList(searchTerm),
        (a, page) -> a.listOrganizationsWithResponseSpec(Accounts.of(client), null, searchTerm, page.index(), page.size(), null, null));
  }

  /**
   * One organization by its identifier.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<OrganizationResponse> get(String org) {
    requireIdentifier(org, "org");
    return api.call(a -> a.getOrganization(org, Accounts.of(client)));
  }

  /** Creates an organization. Not repeated after a transient failure. */
  public Mono<OrganizationResponse> create(Organization organization) {
    return api.call(a -> a.createOrganization(new CreateOrganizationRequest().org(organization), Accounts.of(client)));
  }

  /**
   * Replaces the organization the model identifies; fields left unset are not sent.
   *
   * @throws IllegalArgumentException when the model's identifier is not a Harness identifier
   */
  public Mono<OrganizationResponse> update(Organization organization) {
    String org = requireIdentifier(organization.getIdentifier(), "organization.identifier");
    return api.call(a -> a.updateOrganization(org, new UpdateOrganizationRequest().org(organization), Accounts.of(client)));
  }

  /**
   * Deletes an organization; answers what was deleted.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<OrganizationResponse> delete(String org) {
    requireIdentifier(org, "org");
    return api.call(a -> a.deleteOrganization(org, Accounts.of(client)));
  }
}
