package io.github.harnessreactive.spec.tools.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers on JSON trees the importer shares: merge patches, key order, text lists. */
final class JsonTrees {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {
  }

  /**
   * Applies a JSON Merge Patch (RFC 7386) and returns the result; neither argument is changed.
   * Objects merge key by key, {@code null} removes a key, anything else replaces the value.
   */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? target : patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy() : NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      if (entry.getValue().isNull()) {
        result.remove(entry.getKey());
      } else {
        result.set(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
      }
    }
    return result;
  }

  /** A copy of the object with the given keys first (those present, in that order), the rest after. */
  static ObjectNode ordered(ObjectNode node, List<String> first) {
    ObjectNode out = NODES.objectNode();
    for (String key : first) {
      if (node.has(key)) {
        out.set(key, node.get(key));
      }
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!out.has(entry.getKey())) {
        out.set(entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  /** The text of a field, if it is a non-blank string. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() && !value.asString().isBlank()
        ? Optional.of(value.asString()) : Optional.empty();
  }

  /** The strings of a list field (a single string counts as a list of one); empty when absent. */
  static List<String> texts(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> out.add(v.asString()));
    } else {
      out.add(value.asString());
    }
    return out;
  }

  /** A list of strings as an array node. */
  static ArrayNode array(List<String> values) {
    ArrayNode out = NODES.arrayNode();
    values.forEach(out::add);
    return out;
  }

  /** Removes a property from a schema's {@code required} list (the list too, when it empties). */
  static void removeRequired(ObjectNode schema, String property) {
    if (schema.get("required") instanceof ArrayNode required) {
      ArrayNode kept = NODES.arrayNode();
      required.forEach(r -> {
        if (!property.equals(r.asString())) {
          kept.add(r);
        }
      });
      if (kept.isEmpty()) {
        schema.remove("required");
      } else {
        schema.set("required", kept);
      }
    }
  }

  /** The object field of a node, created empty when missing. */
  static ObjectNode child(ObjectNode node, String field) {
    JsonNode existing = node.get(field);
    if (existing instanceof ObjectNode object) {
      return object;
    }
    return node.putObject(field);
  }
}
