package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.ConnectorsApi;
import io.github.harnessreactive.generated.platform.ng.model.Connector;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorResponse;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorValidationResult;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOConnectorResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOConnectorValidationResult;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/** Connectors at account, organization or project scope, over the Platform NG API ({@code /ng/api/connectors}). */
public final class Connectors {

  private final HarnessClient client;
  private final HarnessApi<ConnectorsApi> api;

  Connectors(HarnessClient client) {
    this.client = client;
    this.api = client.api(ConnectorsApi.class);
  }

  /** The connectors of a scope, streamed page by page. */
  public PagedFlux<ConnectorResponse> list(Scope scope) {
    return api.paged("listConnectors", ConnectorResponse.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listConnectorsWithResponseSpec(Accounts.of(client), page.index(), page.size(),
            scope.orgIdentifier(), scope.projectIdentifier(), null, null, null, null, null));
  }

  /**
   * One connector; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<ConnectorResponse> get(Scope scope, String identifier) {
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getConnector(Accounts.of(client), identifier, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOConnectorResponse::getData);
  }

  /** Creates a connector in the scope its definition names. Not repeated after a transient failure. */
  public Mono<ConnectorResponse> create(ConnectorInfoDTO connector) {
    return api.call(a -> a.createConnector(Accounts.of(client), new Connector().connector(connector)))
        .mapNotNull(ResponseDTOConnectorResponse::getData);
  }

  /** Replaces a connector's definition. */
  public Mono<ConnectorResponse> update(ConnectorInfoDTO connector) {
    return api.call(a -> a.updateConnector(Accounts.of(client), new Connector().connector(connector)))
        .mapNotNull(ResponseDTOConnectorResponse::getData);
  }

  /**
   * Deletes a connector; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteConnector(Accounts.of(client), identifier, scope.orgIdentifier(), scope.projectIdentifier(), null))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

  /**
   * Asks Harness to test the connector's connection; the result says whether it succeeded and why not.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<ConnectorValidationResult> testConnection(Scope scope, String identifier) {
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.testConnectorConnection(Accounts.of(client), identifier, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOConnectorValidationResult::getData);
  }
}
