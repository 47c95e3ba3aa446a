package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connectors over the NG API ({@code /ng/api/connectors}), at account, organization or project
 * scope. Reads, deletes and lists name the scope in the query; creates and updates in the body,
 * whose {@code connector} is stored as sent.
 */
final class ConnectorOperations {

  private ConnectorOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers, Function<Call, ResponseDefinitionBuilder> sampled) {
    Dialect byQuery = new Dialect(ResourceType.CONNECTOR, "Connector",
        call -> scope(call.query("orgIdentifier").orElse(null), call.query("projectIdentifier").orElse(null)),
        call -> call.path("identifier"), call -> Crud.bodyObject(call, "connector"), ConnectorOperations::view);
    Dialect byBody = new Dialect(ResourceType.CONNECTOR, "Connector", ConnectorOperations::bodyScope,
        call -> Crud.text(call.json().path("connector"), "identifier"), call -> Crud.bodyObject(call, "connector"),
        ConnectorOperations::view);
    answers.on("platform-ng", "createConnector", crud.create(byBody));
    answers.on("platform-ng", "updateConnector", crud.update(byBody));
    answers.on("platform-ng", "getConnector", crud.get(byQuery));
    answers.on("platform-ng", "deleteConnector", crud.delete(byQuery));
    answers.on("platform-ng", "listConnectors", crud.list(byQuery, searched(crud, byQuery)));
    answers.on("platform-ng", "listConnectorsV2", crud.list(byQuery, searched(crud, byQuery)));
    answers.on("platform-ng", "testConnectorConnection", crud.whenExists(byQuery, sampled));
  }

  private static Function<Call, List<StoredResource>> searched(Crud crud, Dialect dialect) {
    return call -> crud.inScope(dialect).apply(call).stream().filter(c -> SearchTerm.matches(call, c)).toList();
  }

  private static List<String> bodyScope(Call call) {
    JsonNode connector = call.json().path("connector");
    return scope(Crud.text(connector, "orgIdentifier"), Crud.text(connector, "projectIdentifier"));
  }

  /** The account (no organization), an organization, or a project of one. */
  static List<String> scope(String org, String project) {
    List<String> scope = new ArrayList<>(2);
    if (org != null) {
      scope.add(org);
      if (project != null) {
        scope.add(project);
      }
    }
    return List.copyOf(scope);
  }

  private static JsonNode view(StoredResource connector) {
    ObjectNode view = Views.object();
    view.set("connector", connector.fields());
    view.put("createdAt", connector.createdAt());
    view.put("lastModifiedAt", connector.updatedAt());
    view.put("harnessManaged", false);
    return view;
  }
}
