package io.github.harnessreactive.simulator.internal.resources;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small pieces the views of stored resources share. */
final class Views {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Views() {
  }

  /** A new empty object. */
  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** An epoch-millisecond time as ISO-8601 text. */
  static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  /** A field of the stored fields, or the fallback when absent. */
  static JsonNode field(ObjectNode fields, String name, JsonNode fallback) {
    JsonNode value = fields.get(name);
    return value == null || value.isNull() ? fallback : value;
  }

  /** The fields with one renamed (the v1 API's {@code org} for the NG API's {@code orgIdentifier}). */
  static ObjectNode renamed(ObjectNode fields, String from, String to) {
    ObjectNode copy = object();
    fields.properties().forEach(e -> copy.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
    return copy;
  }
}
