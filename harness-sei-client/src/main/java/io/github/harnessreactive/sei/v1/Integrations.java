package io.github.harnessreactive.sei.v1;

import static io.github.harnessreactive.core.Identifiers.requirePathValue;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.IntegrationsApi;
import io.github.harnessreactive.generated.sei.v1.model.SeiIntegration;
import io.github.harnessreactive.sei.SeiErrors;
import reactor.core.publisher.Mono;

/** Integrations ({@code /v1/integrations}): the tools SEI reads data from. */
public final class Integrations {

  private final HarnessApi<IntegrationsApi> api;

  Integrations(HarnessClient client) {
    this.api = client.api(IntegrationsApi.class);
  }

  /** The integrations, streamed page by page. */
  public PagedFlux<SeiIntegration> list(ListQuery query) {
    return SeiV1Lists.list(api, "listIntegrations", SeiIntegration.class, query,
        IntegrationsApi::listIntegrationsWithResponseSpec);
  }

  /**
   * One integration by its id.
   *
   * @throws IllegalArgumentException when the id is blank, {@code .} or {@code ..}
   */
  public Mono<SeiIntegration> get(String id) {
    requirePathValue(id, "id");
    return api.call(a -> a.getIntegration(id)).onErrorMap(SeiErrors::forbidden);
  }
}
