package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Collection categories ({@code /v1/org/groups}): the groupings collections hang from. */
public final class CollectionCategories {

  private final HarnessApi<CollectionCategoriesApi> api;

  CollectionCategories(HarnessClient client) {
    this.api = client.api(CollectionCategoriesApi.class);
  }

  /** The collection categories, streamed page by page. */
  public PagedFlux<OrgUnitCategory> list(ListQuery query) {
    return SeiV1Lists.list(api, "listCollectionCategories", OrgUnitCategory.class, query,
        CollectionCategoriesApi::listCollectionCategoriesWithResponseSpec);
  }

  /** One collection category by id. */
  public Mono<OrgUnitCategory> get(UUID id) {
    return api.call(a -> a.getCollectionCategory(id)).onErrorMap(SeiErrors::forbidden);
  }

  /** Creates a category (SEI needs its name, root collection name and workspace). Not repeated after a transient failure. */
  public Mono<OrgUnitCategory> create(OrgUnitCategory category) {
    return api.call(a -> a.createCollectionCategory(category)).onErrorMap(SeiErrors::forbidden);
  }

  /** Replaces a collection category. */
  public Mono<OrgUnitCategory> update(UUID id, OrgUnitCategory category) {
    return api.call(a -> a.updateCollectionCategory(id, category)).onErrorMap(SeiErrors::forbidden);
  }

  /** Deletes categories; the result says which ids SEI did not delete. */
  public Mono<BulkDeleteResult> delete(List<UUID> ids) {
    return api.call(a -> a.deleteCollectionCategories(ids.stream().map(UUID::toString).toList()))
        .map(BulkDeleteResult::of).onErrorMap(SeiErrors::forbidden);
  }
}
