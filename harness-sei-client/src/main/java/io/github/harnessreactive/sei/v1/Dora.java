package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PageRequest;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.DoraApi;
import io.github.harnessreactive.generated.sei.v1.model.DoraResponseDTO;
import io.github.harnessreactive.generated.sei.v1.model.PaginatedResponseAggregationResult;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The DORA metrics of SEI v1 ({@code /v1/dora}) for the collections and time range a query names,
 * typically {@code ListQuery.all().collections(ouId).range("time_range", from, to)}.
 */
public final class Dora {

  private static final PageRequest WHOLE = new PageRequest(0, 1000);

  private final HarnessApi<DoraApi> api;

  Dora(HarnessClient client) {
    this.api = client.api(DoraApi.class);
  }

  /** Deployment frequency over the query's filter. */
  public Mono<DoraResponseDTO> deploymentFrequency(ListQuery query) {
    return api.call(a -> a.getDoraDeploymentFrequency(query.toRequest(WHOLE), null)).onErrorMap(SeiErrors::forbidden);
  }

  /** Change failure rate over the query's filter. */
  public Mono<DoraResponseDTO> changeFailureRate(ListQuery query) {
    return api.call(a -> a.getDoraChangeFailureRate(query.toRequest(WHOLE), null)).onErrorMap(SeiErrors::forbidden);
  }

  /** Lead time for changes over the query's filter. */
  public Mono<PaginatedResponseAggregationResult> leadTime(ListQuery query) {
    return api.call(a -> a.getDoraLeadTime(query.toRequest(WHOLE), null)).onErrorMap(SeiErrors::forbidden);
  }

  /** Mean time to restore over the query's filter. */
  public Mono<PaginatedResponseAggregationResult> meanTimeToRestore(ListQuery query) {
    return api.call(a -> a.getDoraMeanTime(query.toRequest(WHOLE), null)).onErrorMap(SeiErrors::forbidden);
  }

  /** The records behind a DORA figure. */
  public PagedFlux<Map<String, Object>> drilldown(ListQuery query) {
    return SeiV1Lists.list(api, "listDoraDrilldown", SeiV1Lists.RECORD, query,
        (a, request) -> a.listDoraDrilldownWithResponseSpec(request, null));
  }
}
