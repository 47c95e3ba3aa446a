package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requireIdentifierOrNull;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.OrgTreesApi;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeCreateRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeUpdateRequestDTO;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Org trees ({@code /v2/org-trees}): the hierarchies teams are arranged in; listing, creating, changing, deleting. */
public final class OrgTrees {

  private final HarnessClient client;
  private final HarnessApi<OrgTreesApi> api;

  OrgTrees(HarnessClient client) {
    this.client = client;
    this.api = client.api(OrgTreesApi.class);
  }

  /**
   * The org trees of a project, streamed page by page.
   *
   * @param orgIdentifier the organization, or {@code null} for the context's
   * @throws IllegalArgumentException when an identifier given is not a Harness identifier, or the project is missing
   */
  public PagedFlux<OrgTreeResponseDTO> list(String orgIdentifier, String projectIdentifier) {
    requireIdentifierOrNull(orgIdentifier, "orgIdentifier");
    requireIdentifier(projectIdentifier, "projectIdentifier");
    return api.paged("listOrgTrees", OrgTreeResponseDTO.class, List.of(orgIdentifier, projectIdentifier),
        (a, page) -> a.listOrgTreesWithResponseSpec(SeiV2.account(client), projectIdentifier, orgIdentifier,
            page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }

  /** One organisation tree by id. */
  public Mono<OrgTreeResponseDTO> get(int id) {
    return api.call(a -> a.getOrgTree(SeiV2.account(client), id)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Creates an org tree in a project: its name, the developer fields it groups teams by, its
   * profiles and integrations.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<OrgTreeResponseDTO> create(String org, String project, OrgTreeCreateRequestDTO tree) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
    Objects.requireNonNull(tree, "tree");
    return api.call(a -> a.createOrgTree(SeiV2.account(client), project, tree, org)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Changes an org tree's name, profiles or integrations.
   *
   * @throws NullPointerException when {@code change} is {@code null}
   */
  public Mono<OrgTreeResponseDTO> update(int id, OrgTreeUpdateRequestDTO change) {
    Objects.requireNonNull(change, "change");
    return api.call(a -> a.updateOrgTree(id, change)).onErrorMap(SeiErrors::forbidden);
  }

  /** Deletes an org tree and the teams derived from it. */
  public Mono<Void> delete(int id) {
    return api.call(a -> a.deleteOrgTree(id)).onErrorMap(SeiErrors::forbidden);
  }
}
