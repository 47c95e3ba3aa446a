package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets over the NG API ({@code /ng/api/v2/secrets}), at account, organization or project scope
 * (named by the query). The body's {@code secret} is stored as sent, except its value: Harness keeps
 * values in a secret manager and never answers them, so the simulator drops the value on the way in
 * and every answer shows {@code spec.value: null}. An update sent without a value keeps the secret
 * otherwise as sent.
 */
final class SecretOperations {

  private SecretOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers) {
    Dialect ng = new Dialect(ResourceType.SECRET, "Secret",
        call -> ConnectorOperations.scope(call.query("orgIdentifier").orElse(null), call.query("projectIdentifier").orElse(null)),
        call -> call.path("identifier"), SecretOperations::withoutValue, SecretOperations::view);
    answers.on("platform-ng", "createSecret", crud.create(ng));
    answers.on("platform-ng", "getSecret", crud.get(ng));
    answers.on("platform-ng", "updateSecret", crud.update(ng));
    answers.on("platform-ng", "deleteSecret", crud.delete(ng));
    answers.on("platform-ng", "listSecrets", crud.list(ng, searched(crud, ng)));
    answers.on("platform-ng", "listSecretsByFilter", crud.list(ng, searched(crud, ng)));
    answers.on("platform-ng", "isSecretIdentifierUnique", call -> crud.answers().render(call,
        Views.NODES.booleanNode(crud.store().get(ResourceType.SECRET, ng.scope().apply(call), call.path("identifier")).isEmpty())));
  }

  private static Function<Call, List<StoredResource>> searched(Crud crud, Dialect dialect) {
    return call -> crud.inScope(dialect).apply(call).stream().filter(s -> SearchTerm.matches(call, s)).toList();
  }

  /** The body's secret without its value; {@code null} when the body has none. */
  private static ObjectNode withoutValue(Call call) {
    ObjectNode secret = Crud.bodyObject(call, "secret");
    if (secret != null && secret.get("spec") instanceof ObjectNode spec) {
      spec.remove("value");
    }
    return secret;
  }

  private static JsonNode view(StoredResource secret) {
    ObjectNode view = Views.object();
    ObjectNode fields = secret.fields().deepCopy();
    if (fields.get("spec") instanceof ObjectNode spec) {
      spec.putNull("value");
    }
    view.set("secret", fields);
    view.put("createdAt", secret.createdAt());
    view.put("updatedAt", secret.updatedAt());
    view.put("draft", false);
    return view;
  }
}
