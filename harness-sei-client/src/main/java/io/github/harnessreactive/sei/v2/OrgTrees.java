package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requireIdentifierOrNull;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.OrgTreesApi;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeResponseDTO;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import reactor.core.publisher.Mono;

/** Org trees ({@code /v2/org-trees}): the hierarchies teams are arranged in. */
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
}
