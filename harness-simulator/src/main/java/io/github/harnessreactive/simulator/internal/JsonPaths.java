package io.github.harnessreactive.simulator.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes JSON fields by dotted path ({@code data.content}), as the page shapes name them. */
final class JsonPaths {

  private JsonPaths() {
  }

  /** The node at a dotted path; a missing node when any part is absent ({@code ""}: the root). */
  static JsonNode get(JsonNode root, String dotted) {
    JsonNode current = root;
    if (!dotted.isEmpty()) {
      for (String part : dotted.split("\\.")) {
        current = current.path(part);
      }
    }
    return current;
  }

  /** Sets a field at a dotted path, creating the objects on the way. */
  static void put(ObjectNode root, String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = current.get(parts[i]);
      if (next instanceof ObjectNode existing) {
        current = existing;
      } else {
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        current.set(parts[i], created);
        current = created;
      }
    }
    current.set(parts[parts.length - 1], value);
  }

  /** Removes the field at a dotted path, if there is one. */
  static void remove(ObjectNode root, String dotted) {
    String[] parts = dotted.split("\\.");
    JsonNode current = root;
    for (int i = 0; i < parts.length - 1 && current != null; i++) {
      current = current.get(parts[i]);
    }
    if (current instanceof ObjectNode object) {
      object.remove(parts[parts.length - 1]);
    }
  }
}
