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
 * a value of the declared type and format, one element per array except arrays whose name says
 * they hold errors, which stay empty so a synthetic answer never reports a failure, and for a
 * free-form object an id, e-mail and name that tell items apart. Values look real
 * ({@link RealisticValues}): identifiers that match Harness's pattern, names, e-mails, ids, URLs,
 * times in 2025-2026, enum values drawn from the enum, except that an enum holding {@code SUCCESS}
 * answers it (no sampled answer reports a failure) and a {@code type} keeps its first value (the
 * discriminators of polymorphic models). The same schema, seed and index give the same value.
 */
public final class SchemaSampler {

  private static final int MAX_DEPTH = 6;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
      return enumValue(enumValues, name, random);
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
          ? NODES.numberNode(RealisticValues.epochMillis(random, index)) // int64 fields are mostly epoch-millisecond times
          : NODES.numberNode((int) (index % 1_000_000) + 1);
      case "number" -> NODES.numberNode(Math.round(random.nextDouble() * 10_000) / 100.0);
      case "boolean" -> NODES.booleanNode(bool(name, random));
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
      object.put("id", RealisticValues.id(random, index));
      object.put("email", RealisticValues.email(random, index));
      object.put("name", RealisticValues.personName(random));
      return object;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      object.set(property.getKey(), sample(document, property.getValue(), index, property.getKey(), depth + 1, random));
    }
    return object;
  }

  private static JsonNode enumValue(JsonNode values, String name, SplittableRandom random) {
    for (JsonNode value : values) {
      if ("SUCCESS".equals(value.asString())) {
        return value;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("type") || lower.endsWith("type") ? values.get(0) : values.get(random.nextInt(values.size()));
  }

  /** A boolean: never one that reports a denial or an error; a validity or success says true. */
  private static boolean bool(String name, SplittableRandom random) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("deny") || lower.contains("error") || lower.contains("fail") || lower.equals("empty")) {
      return false;
    }
    return lower.contains("valid") || lower.contains("success") || random.nextBoolean();
  }

  private static String string(String name, String format, long index, SplittableRandom random) {
    String lower = name.toLowerCase(Locale.ROOT);
    return switch (format) {
      case "uuid" -> new UUID(0x5151_0000_0000_4000L | (index >>> 48), 0x8000_0000_0000_0000L | index).toString();
      case "date-time" -> Instant.ofEpochMilli(RealisticValues.epochMillis(random, index)).toString();
      case "date" -> Instant.ofEpochMilli(RealisticValues.epochMillis(random, index)).toString().substring(0, 10);
      case "email" -> RealisticValues.email(random, index);
      default -> {
        if (lower.contains("email")) {
          yield RealisticValues.email(random, index);
        } else if (lower.endsWith("identifier") || lower.equals("org") || lower.equals("project")) {
          yield RealisticValues.identifier(random, index);
        } else if (lower.endsWith("name")) {
          yield lower.contains("user") || lower.contains("author") || lower.contains("creator")
              ? RealisticValues.personName(random) : RealisticValues.name(random, index);
        } else if (lower.endsWith("id") || lower.endsWith("ids")) {
          yield RealisticValues.id(random, index);
        } else if (lower.contains("description") || lower.contains("message")) {
          yield RealisticValues.sentence(random);
        } else if (lower.contains("url") || lower.contains("link")) {
          yield RealisticValues.url(random, index);
        } else if (lower.contains("color")) {
          yield RealisticValues.color(random);
        } else if (name.matches(".*[a-z](At|Time|Date)|.*_(at|time|date)")) {
          yield Instant.ofEpochMilli(RealisticValues.epochMillis(random, index)).toString();
        }
        yield (name.isEmpty() ? "value" : name) + "_" + index;
      }
    };
  }
}
