package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.CollectionsApi;
import io.github.harnessreactive.generated.sei.v1.model.CreatedIdsResponse;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitActivation;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitDTO;
import io.github.harnessreactive.generated.sei.v1.model.OrgVersion;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Collections ({@code /v1/org/units}), SEI's org units: who belongs to what, and their versions. */
public final class Collections {

  private final HarnessApi<CollectionsApi> api;

  Collections(HarnessClient client) {
    this.api = client.api(CollectionsApi.class);
  }

  /** The collections, streamed page by page. */
  public PagedFlux<OrgUnitDTO> list(ListQuery query) {
    return SeiV1Lists.list(api, "listCollections", OrgUnitDTO.class, query,
        (a, request) -> a.listCollectionsWithResponseSpec(request, null));
  }

  /** A collection, at its active version. */
  public Mono<OrgUnitDTO> get(int id) {
    return api.call(a -> a.getCollection(id, null)).onErrorMap(SeiErrors::forbidden);
  }

  /** Creates one collection. Not repeated after a transient failure. */
  public Mono<CreatedIdsResponse> create(OrgUnitDTO collection) {
    return api.call(a -> a.createCollection(collection)).onErrorMap(SeiErrors::forbidden);
  }

  /** Updates collections; answers SEI's confirmation text. */
  public Mono<String> update(Set<OrgUnitDTO> collections) {
    return api.call(a -> a.updateCollections(collections)).onErrorMap(SeiErrors::forbidden);
  }

  /** Deletes collections by id; answers SEI's confirmation text. */
  public Mono<String> delete(List<String> ids) {
    return api.call(a -> a.deleteCollections(ids)).onErrorMap(SeiErrors::forbidden);
  }

  /** The versions of a collection. */
  public Flux<OrgVersion> versions(int orgId) {
    return api.callMany(a -> a.listCollectionVersions(orgId)).onErrorMap(SeiErrors::forbidden);
  }

  /** Makes a version of a collection the active one. */
  public Mono<Void> activateVersion(OrgUnitActivation activation) {
    return api.call(a -> a.activateCollectionVersion(activation)).onErrorMap(SeiErrors::forbidden);
  }
}
