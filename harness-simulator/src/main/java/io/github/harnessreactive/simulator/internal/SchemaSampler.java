package io.github.harnessreactive.simulator.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a deterministic value that fits a schema of our documents: every property of an object,
 * a value of the declared type and format (UUIDs, date-times, the first enum value), one element
 * per array except arrays whose name says they hold errors, which stay empty so a synthetic answer
 * never reports a failure, and for a free-form object an id, e-mail and name that tell items apart.
 * The same schema, seed and index give the same value.
 */
public final class SchemaSampler {

  private static final int MAX_DEPTH = 6;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  private final SpecDocuments documents;
  private final long seed;

  public SchemaSampler(SpecDocuments documents, long seed) {
    this.documents = documents;
    this.seed = seed;
  }

  /** A value for the schema, for the item at {@code index} of whatever holds it. */
  public JsonNode sample(String document, JsonNode schema, long index) {
    return sample(document, schema, index, "", 0, new SplittableRandom(seed * 31 + index));
  }

  private JsonNode sample(String document, JsonNode schemaOrRef, long index, String name, int depth, SplittableRandom random) {
    JsonNode schema = documents.resolve(document, schemaOrRef);
    if (schema == null || schema.isMissingNode() || depth > MAX_DEPTH) {
      return NODES.nullNode();
    }
    if (schema.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        JsonNode value = sample(document, part, index, name, depth + 1, random);
        if (value.isObject()) {
          merged.setAll((ObjectNode) value);
        }
      }
      return merged;
    }
    JsonNode enumValues = schema.get("enum");
    if (enumValues != null && enumValues.size() > 0) {
      return enumValues.get(0);
    }
    String type = schema.path("type").asString(
        schema.has("properties") || schema.has("additionalProperties") ? "object" : "string");
    String format = schema.path("format").asString("");
    return switch (type) {
      case "object" -> object(document, schema, index, depth, random);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        if (!name.toLowerCase(Locale.ROOT).contains("error")) {
          array.add(sample(document, schema.path("items"), index, name, depth + 1, random));
        }
        yield array;
      }
      case "integer" -> "int64".equals(format)
          ? NODES.numberNode(EPOCH * 1000 + index * 60_000) // int64 fields are mostly epoch-millisecond times
          : NODES.numberNode((int) (index % 1_000_000) + 1);
      case "number" -> NODES.numberNode(Math.round(random.nextDouble() * 10_000) / 100.0);
      case "boolean" -> NODES.booleanNode(index % 2 == 0);
      default -> NODES.stringNode(string(name, format, index, random));
    };
  }

  private ObjectNode object(String document, JsonNode schema, long index, int depth, SplittableRandom random) {
    ObjectNode object = NODES.objectNode();
    if (!schema.has("properties")) {
      JsonNode values = documents.resolve(document, schema.path("additionalProperties"));
      if (values != null && values.isObject() && !"string".equals(values.path("type").asString("string"))) {
        return object; // a map of structured values: empty
      }
      // A free-form record (such as an SEI developer): a few fields that make each item distinct.
      object.put("id", "item" + index);
      object.put("email", "developer" + index + "@example.com");
      object.put("name", "Developer " + index);
      return object;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      object.set(property.getKey(), sample(document, property.getValue(), index, property.getKey(), depth + 1, random));
    }
    return object;
  }

  private static String string(String name, String format, long index, SplittableRandom random) {
    return switch (format) {
      case "uuid" -> new UUID(0x5151_0000_0000_4000L | (index >>> 48), 0x8000_0000_0000_0000L | index).toString();
      case "date-time" -> Instant.ofEpochSecond(EPOCH + index * 60).toString();
      case "date" -> Instant.ofEpochSecond(EPOCH + index * 86_400).toString().substring(0, 10);
      case "email" -> "developer" + index + "@example.com";
      default -> name.toLowerCase(Locale.ROOT).contains("email") ? "developer" + index + "@example.com"
          : (name.isEmpty() ? "value" : name) + index;
    };
  }
}
