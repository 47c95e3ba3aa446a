package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.IntegrationsApi;
import io.github.harnessreactive.generated.sei.v2.model.IntegrationConfigRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.IntegrationConfigResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.IntegrationResponseDTO;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;

/** The integrations of the account ({@code /v2/integrations}) and their configurations. Thread-safe. */
public final class Integrations {

  private final HarnessClient client;
  private final HarnessApi<IntegrationsApi> api;

  Integrations(HarnessClient client) {
    this.client = client;
    this.api = client.api(IntegrationsApi.class);
  }

  /** The integrations of the account, streamed page by page. */
  public PagedFlux<IntegrationResponseDTO> list() {
    return api.paged("listIntegrations", IntegrationResponseDTO.class, List.of(),
        (a, page) -> a.listIntegrationsWithResponseSpec(SeiV2.account(client), page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }

  /**
   * The configurations of some integrations, streamed page by page.
   *
   * @param integrationIds the integrations, by id
   * @throws IllegalArgumentException when {@code integrationIds} is empty
   * @throws NullPointerException when {@code integrationIds} is or holds {@code null}
   */
  public PagedFlux<IntegrationConfigResponseDTO> configs(List<Integer> integrationIds) {
    List<Integer> ids = List.copyOf(integrationIds);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("name at least one integration");
    }
    IntegrationConfigRequestDTO request = new IntegrationConfigRequestDTO().integrationIds(ids);
    return api.paged("listIntegrationConfigs", IntegrationConfigResponseDTO.class, List.of(ids),
        (a, page) -> a.listIntegrationConfigsWithResponseSpec(SeiV2.account(client), request, page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }
}
