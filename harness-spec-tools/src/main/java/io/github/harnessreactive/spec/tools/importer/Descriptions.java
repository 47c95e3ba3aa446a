package io.github.harnessreactive.spec.tools.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts our own wording (the overlay's {@code descriptions}) into an imported document, so the
 * generated Javadoc stays useful although no source prose is imported:
 *
 * <pre>
 * descriptions:
 *   parameters: {accountIdentifier: ...}      # by name, in every operation
 *   headers: {X-Total-Elements: ...}          # response headers, by name
 *   operations:
 *     listThings: {summary: ..., description: ..., parameters: {pageSize: ...}, requestBody: ..., responses: {'200': ...}}
 *   schemas:
 *     Thing: {description: ..., properties: {name: ..., 'nested.field': ...}}
 * </pre>
 *
 * A success response without wording gets its HTTP reason phrase (OpenAPI requires a description).
 * Wording for something the document no longer has is reported as a warning, not an error: a
 * source that drops a field must not stop an import for a sentence about it.
 */
final class Descriptions {

  private static final Map<String, String> REASONS = Map.of(
      "200", "OK", "201", "Created", "202", "Accepted", "204", "No Content");

  private final JsonNode descriptions;
  private final String document;
  private final List<String> warnings;
  private final Set<String> used = new HashSet<>();

  Descriptions(JsonNode descriptions, String document, List<String> warnings) {
    this.descriptions = descriptions;
    this.document = document;
    this.warnings = warnings;
  }

  /** Words an operation: summary, description, parameters, body, success responses and their headers. */
  void operation(String id, ObjectNode op) {
    JsonNode words = descriptions.path("operations").path(id);
    if (!words.isMissingNode()) {
      used.add("operations." + id);
    }
    JsonTrees.text(words, "summary").ifPresent(s -> op.put("summary", s));
    JsonTrees.text(words, "description").ifPresent(s -> op.put("description", s));
    for (JsonNode parameter : op.path("parameters")) {
      if (!(parameter instanceof ObjectNode p) || p.has("$ref")) {
        continue;
      }
      String name = p.path("name").asString();
      String text = JsonTrees.text(words.path("parameters"), name).orElse(null);
      if (text != null) {
        used.add("operations." + id + ".parameters." + name);
      } else {
        text = JsonTrees.text(descriptions.path("parameters"), name).orElse(null);
        used.add("parameters." + name);
      }
      if (text != null) {
        p.put("description", text);
      }
    }
    if (op.get("requestBody") instanceof ObjectNode body) {
      JsonTrees.text(words, "requestBody").ifPresent(s -> body.put("description", s));
    }
    for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
      if (!(response.getValue() instanceof ObjectNode r) || r.has("$ref")) {
        continue;
      }
      String status = response.getKey();
      String text = JsonTrees.text(words.path("responses"), status)
          .orElse(r.has("description") ? r.get("description").asString() : REASONS.getOrDefault(status, "Success."));
      r.put("description", text);
      for (Map.Entry<String, JsonNode> header : r.path("headers").properties()) {
        JsonTrees.text(descriptions.path("headers"), header.getKey()).ifPresent(s -> {
          used.add("headers." + header.getKey());
          ((ObjectNode) header.getValue()).put("description", s);
        });
      }
    }
  }

  /** Words a schema and its properties ({@code a.b} for a property of an inline object property). */
  void schema(String name, JsonNode schema) {
    JsonNode words = descriptions.path("schemas").path(name);
    if (words.isMissingNode() || !(schema instanceof ObjectNode object)) {
      return;
    }
    used.add("schemas." + name);
    JsonTrees.text(words, "description").ifPresent(s -> object.put("description", s));
    for (Map.Entry<String, JsonNode> property : words.path("properties").properties()) {
      JsonNode target = object;
      for (String part : property.getKey().split("\\.")) {
        target = target.path("properties").path(part);
      }
      if (target instanceof ObjectNode p && property.getValue().isString()) {
        p.put("description", property.getValue().asString());
      } else {
        warnings.add(document + ": descriptions.schemas." + name + ".properties." + property.getKey()
            + " describes a property the schema does not have (dropped by the source?)");
      }
    }
  }

  /** Warns about wording for operations and schemas the document does not have. */
  void reportUnused(Set<String> operationIds, Set<String> schemaNames) {
    descriptions.path("operations").propertyNames().stream().filter(id -> !operationIds.contains(id))
        .forEach(id -> warnings.add(document + ": descriptions.operations." + id + " describes no selected operation"));
    descriptions.path("schemas").propertyNames().stream().filter(n -> !schemaNames.contains(n))
        .forEach(n -> warnings.add(document + ": descriptions.schemas." + n + " describes a schema the document does not have"));
    for (Map.Entry<String, JsonNode> op : descriptions.path("operations").properties()) {
      op.getValue().path("parameters").propertyNames().stream()
          .filter(p -> operationIds.contains(op.getKey()) && !used.contains("operations." + op.getKey() + ".parameters." + p))
          .forEach(p -> warnings.add(document + ": descriptions.operations." + op.getKey() + ".parameters." + p
              + " describes a parameter the operation does not have"));
    }
    descriptions.path("parameters").propertyNames().stream().filter(p -> !used.contains("parameters." + p))
        .forEach(p -> warnings.add(document + ": descriptions.parameters." + p + " describes no parameter"));
  }
}
