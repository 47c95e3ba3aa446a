package io.github.harnessreactive.spec.tools.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a source schema (OpenAPI 3.0 or 3.1, facts only) into the OpenAPI 3.0.3 our documents use,
 * and applies the fixes OpenAPI Generator needs (measured in {@code GENERATOR-FINDINGS.md}). Every
 * rule is general, stated here and in the README; what a rule cannot decide is reported, not guessed.
 *
 * <ul>
 *   <li>3.1 {@code type: [T, "null"]} becomes {@code type: T, nullable: true}; {@code const: v}
 *       becomes {@code enum: [v]}; a numeric {@code exclusiveMinimum}/{@code exclusiveMaximum}
 *       becomes {@code minimum}/{@code maximum} with the boolean flag; {@code prefixItems} is left out.</li>
 *   <li>A {@code $ref} keeps no sibling keywords (3.0 ignores them, and the generator clears the
 *       type); {@code anyOf}/{@code oneOf} of one schema and {@code {type: "null"}} become that schema,
 *       nullable.</li>
 *   <li>A {@code default} of the wrong JSON type is converted when it can be ({@code "true"} for a
 *       boolean, {@code "50"} for an integer); an enum {@code default} that is no value of its enum is
 *       replaced by the value it matches ignoring case, or dropped (the generator writes a bare
 *       constant name that does not compile).</li>
 *   <li>{@code x-internal} is removed from schemas (the generator skips such a model but keeps the
 *       references to it).</li>
 *   <li>An {@code allOf} part that redefines the discriminator property of the schema it extends
 *       loses that property (the generator gives each child an incompatible inner enum): see
 *       {@link #dropRedefinedDiscriminators}.</li>
 * </ul>
 */
final class SchemaNormaliser {

  private final Consumer<String> notes;

  /**
   * Creates a normaliser.
   *
   * @param notes receives one line per rule applied that changes a fact (shown by the import)
   */
  SchemaNormaliser(Consumer<String> notes) {
    this.notes = notes;
  }

  /** The normalised copy of a schema; {@code where} names it in notes. */
  JsonNode normalise(JsonNode schema, String where) {
    if (schema == null || !schema.isObject()) {
      return schema == null ? null : schema.deepCopy();
    }
    ObjectNode out = (ObjectNode) schema.deepCopy();
    if (out.has("$ref")) {
      List<String> siblings = new ArrayList<>(out.propertyNames());
      siblings.remove("$ref");
      if (!siblings.isEmpty()) {
        notes.accept(where + ": keywords beside $ref left out (OpenAPI 3.0 ignores them): " + siblings);
      }
      ObjectNode ref = JsonTrees.NODES.objectNode();
      ref.set("$ref", out.get("$ref"));
      return ref;
    }
    JsonNode single = nullableSingle(out);
    if (single != null) {
      return normalise(single, where);
    }
    typeArray(out);
    if (out.has("const")) {
      out.set("enum", JsonTrees.NODES.arrayNode().add(out.remove("const")));
    }
    exclusiveBound(out, "exclusiveMinimum", "minimum");
    exclusiveBound(out, "exclusiveMaximum", "maximum");
    out.remove("prefixItems");
    out.remove("x-internal");
    defaults(out, where);
    recurse(out, "properties", true, where);
    recurse(out, "items", false, where);
    recurse(out, "additionalProperties", false, where);
    recurse(out, "not", false, where);
    for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
      if (out.get(combiner) instanceof ArrayNode parts) {
        ArrayNode normalised = JsonTrees.NODES.arrayNode();
        parts.forEach(p -> normalised.add(normalise(p, where)));
        out.set(combiner, normalised);
      }
    }
    return out;
  }

  /**
   * Removes, from the inline {@code allOf} parts of every schema that extends a discriminated
   * schema, the property that discriminator names (and its {@code required} entry).
   *
   * @param schemas the document's schemas, changed in place
   * @param resolve finds a schema by the name a {@code $ref} points at
   */
  void dropRedefinedDiscriminators(Map<String, JsonNode> schemas, Function<String, JsonNode> resolve) {
    schemas.forEach((name, schema) -> {
      if (!(schema.get("allOf") instanceof ArrayNode parts)) {
        return;
      }
      for (JsonNode part : parts) {
        if (!part.has("$ref")) {
          continue;
        }
        String parentName = refName(part.get("$ref").asString());
        JsonNode parent = resolve.apply(parentName);
        String property = parent == null ? "" : parent.path("discriminator").path("propertyName").asString("");
        if (property.isEmpty()) {
          continue;
        }
        for (JsonNode other : parts) {
          if (other instanceof ObjectNode inline && inline.path("properties").has(property)) {
            ((ObjectNode) inline.get("properties")).remove(property);
            JsonTrees.removeRequired(inline, property);
            notes.accept("schema " + name + ": property '" + property + "' left out of its allOf part; "
                + parentName + " already defines it as the discriminator");
          }
        }
      }
    });
  }

  /** The schema name a local {@code #/components/schemas/X} reference points at. */
  static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private void recurse(ObjectNode out, String key, boolean byName, String where) {
    JsonNode child = out.get(key);
    if (child == null || !child.isObject()) {
      return;
    }
    if (byName) {
      ObjectNode properties = JsonTrees.NODES.objectNode();
      child.properties().forEach(e -> properties.set(e.getKey(), normalise(e.getValue(), where + "." + e.getKey())));
      out.set(key, properties);
    } else {
      out.set(key, normalise(child, where));
    }
  }

  /** {@code anyOf: [X, {type: null}]} (or oneOf) as X, nullable; null when the schema is not of that form. */
  private static JsonNode nullableSingle(ObjectNode schema) {
    for (String combiner : List.of("anyOf", "oneOf")) {
      JsonNode parts = schema.get(combiner);
      if (parts == null || !parts.isArray() || schema.size() != 1) {
        continue;
      }
      List<JsonNode> nonNull = new ArrayList<>();
      boolean nullable = false;
      for (JsonNode part : parts) {
        if ("null".equals(part.path("type").asString(""))) {
          nullable = true;
        } else {
          nonNull.add(part);
        }
      }
      if (nonNull.size() == 1 && (nullable || parts.size() == 1)) {
        ObjectNode single = (ObjectNode) nonNull.get(0).deepCopy();
        if (nullable && !single.has("$ref")) {
          single.put("nullable", true);
        }
        return single;
      }
    }
    return null;
  }

  private static void typeArray(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type == null || !type.isArray()) {
      return;
    }
    List<String> types = new ArrayList<>();
    boolean nullable = false;
    for (JsonNode t : type) {
      if ("null".equals(t.asString())) {
        nullable = true;
      } else {
        types.add(t.asString());
      }
    }
    if (types.size() == 1) {
      schema.put("type", types.get(0));
    } else {
      schema.remove("type"); // several types: any value
    }
    if (nullable) {
      schema.put("nullable", true);
    }
  }

  private static void exclusiveBound(ObjectNode schema, String exclusive, String bound) {
    JsonNode value = schema.get(exclusive);
    if (value != null && value.isNumber()) {
      schema.set(bound, value);
      schema.put(exclusive, true);
    }
  }

  private void defaults(ObjectNode schema, String where) {
    JsonNode value = schema.get("default");
    if (value == null) {
      return;
    }
    String type = schema.path("type").asString("");
    if ("boolean".equals(type) && value.isString() && value.asString().matches("true|false")) {
      schema.put("default", Boolean.parseBoolean(value.asString()));
      notes.accept(where + ": default \"" + value.asString() + "\" written as a boolean");
    } else if ("integer".equals(type) && value.isString() && value.asString().matches("-?\\d+")) {
      schema.put("default", Long.parseLong(value.asString()));
      notes.accept(where + ": default \"" + value.asString() + "\" written as an integer");
    }
    JsonNode values = schema.get("enum");
    JsonNode current = schema.get("default");
    if (values == null || !values.isArray() || current == null) {
      return;
    }
    for (JsonNode candidate : values) {
      if (candidate.equals(current)) {
        return;
      }
    }
    for (JsonNode candidate : values) {
      if (candidate.isString() && current.isString()
          && candidate.asString().toLowerCase(Locale.ROOT).equals(current.asString().toLowerCase(Locale.ROOT))) {
        schema.set("default", candidate);
        notes.accept(where + ": default '" + current.asString() + "' written as the enum value '"
            + candidate.asString() + "'");
        return;
      }
    }
    schema.remove("default");
    notes.accept(where + ": default " + current + " left out: it is not one of the enum values");
  }
}
