package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.ContributorsApi;
import io.github.harnessreactive.generated.sei.v1.model.ContributorImportResponse;
import io.github.harnessreactive.generated.sei.v1.model.CreatedIdsResponse;
import io.github.harnessreactive.generated.sei.v1.model.OrgUserDTO;
import io.github.harnessreactive.generated.sei.v1.model.OrgUserSchema;
import io.github.harnessreactive.sei.SeiErrors;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Contributors ({@code /v1/org/users}): the people SEI attributes work to, and their schema. */
public final class Contributors {

  private final HarnessApi<ContributorsApi> api;

  Contributors(HarnessClient client) {
    this.api = client.api(ContributorsApi.class);
  }

  /** The contributors, streamed page by page. */
  public PagedFlux<OrgUserDTO> list(ListQuery query) {
    return SeiV1Lists.list(api, "listContributors", OrgUserDTO.class, query,
        (a, request) -> a.listContributorsWithResponseSpec(request, null));
  }

  /** One contributor by id. */
  public Mono<OrgUserDTO> get(UUID id) {
    return api.call(a -> a.getContributor(id, null)).onErrorMap(SeiErrors::forbidden);
  }

  /** Creates contributors. Not repeated after a transient failure. */
  public Mono<CreatedIdsResponse> create(Set<OrgUserDTO> contributors) {
    return api.call(a -> a.createContributors(contributors)).onErrorMap(SeiErrors::forbidden);
  }

  /** Updates contributors; answers SEI's confirmation text. */
  public Mono<String> update(Set<OrgUserDTO> contributors) {
    return api.call(a -> a.updateContributors(contributors)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Imports contributors from a CSV file, read without blocking while it is sent.
   *
   * @param replace true to replace the contributor list, false to update it
   */
  public Mono<ContributorImportResponse> importCsv(Path csv, boolean replace) {
    return api.call(a -> a.importContributors("csv", replace ? "replace" : "update", csv.toFile()))
        .onErrorMap(SeiErrors::forbidden);
  }

  /** The contributor schema (the fields contributors carry), at its current version. */
  public Mono<OrgUserSchema> schema() {
    return api.call(a -> a.getContributorSchema(null)).onErrorMap(SeiErrors::forbidden);
  }
}
