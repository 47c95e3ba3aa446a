package io.github.harnessreactive.spec.tools;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The facts-only copy of an OpenAPI document (3.0 or 3.1) that the repository keeps in place of
 * the published document: paths, operations, parameters, request and response bodies, schemas and
 * security schemes with their names, types, formats, enums, defaults, limits and required lists, and
 * nothing else. Descriptions, summaries, titles, examples, external documents and unknown keys are
 * left out, so no prose of a source reaches the repository.
 *
 * <p>It works by allow-list: each kind of OpenAPI object keeps only the keys listed for it, and maps
 * of names (paths, properties, responses, media types, components) keep every name. Operation
 * identifiers and tags are kept: they are names, and the importer selects by them.
 */
public final class FactsSnapshot {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Set<String> DOCUMENT = Set.of("openapi", "info", "servers", "paths", "components", "security");
  private static final Set<String> INFO = Set.of("version");
  private static final Set<String> SERVER = Set.of("url", "variables");
  private static final Set<String> SERVER_VARIABLE = Set.of("default", "enum");
  private static final Set<String> OPERATION = Set.of(
      "tags", "operationId", "parameters", "requestBody", "responses", "security", "deprecated", "x-internal");
  private static final Set<String> PARAMETER = Set.of(
      "$ref", "name", "in", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved",
      "schema", "content",
      // constraints some documents put on the parameter itself rather than on its schema
      "type", "format", "enum", "default", "items", "pattern", "minLength", "maxLength", "minimum", "maximum");
  private static final Set<String> REQUEST_BODY = Set.of("$ref", "required", "content");
  private static final Set<String> MEDIA_TYPE = Set.of("schema", "encoding");
  private static final Set<String> ENCODING = Set.of("contentType", "style", "explode", "allowReserved");
  private static final Set<String> RESPONSE = Set.of("$ref", "content", "headers");
  private static final Set<String> HEADER = Set.of("$ref", "required", "deprecated", "style", "explode", "schema");
  private static final Set<String> SECURITY_SCHEME = Set.of("type", "name", "in", "scheme", "bearerFormat");
  private static final Set<String> SCHEMA = Set.of(
      "$ref", "type", "format", "enum", "const", "default", "nullable", "readOnly", "writeOnly", "deprecated",
      "properties", "additionalProperties", "required", "items", "prefixItems", "allOf", "oneOf", "anyOf", "not",
      "discriminator", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
      "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
      "x-internal");
  private static final Set<String> METHODS = Set.copyOf(SpecDocument.METHODS);

  private FactsSnapshot() {
  }

  /** The facts of a whole document. */
  public static ObjectNode of(JsonNode document) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : document.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (!DOCUMENT.contains(key)) {
        continue;
      }
      switch (key) {
        case "info" -> out.set(key, keep(value, INFO));
        case "servers" -> out.set(key, each(value, FactsSnapshot::server));
        case "paths" -> out.set(key, byName(value, FactsSnapshot::pathItem));
        case "components" -> out.set(key, components(value));
        default -> out.set(key, value.deepCopy());
      }
    }
    return out;
  }

  /** The facts of one schema (also used by the importer on schemas it reads from a full document). */
  public static JsonNode schema(JsonNode schema) {
    if (!schema.isObject()) {
      return schema.deepCopy(); // true / false schemas
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (!SCHEMA.contains(key)) {
        continue;
      }
      switch (key) {
        case "properties" -> out.set(key, byName(value, FactsSnapshot::schema));
        case "items", "not", "additionalProperties" -> out.set(key, schema(value));
        case "allOf", "oneOf", "anyOf", "prefixItems" -> out.set(key, each(value, FactsSnapshot::schema));
        case "discriminator" -> out.set(key, keep(value, Set.of("propertyName", "mapping")));
        default -> out.set(key, value.deepCopy());
      }
    }
    return out;
  }

  private static JsonNode server(JsonNode server) {
    ObjectNode out = keep(server, SERVER);
    if (out.has("variables")) {
      out.set("variables", byName(out.get("variables"), v -> keep(v, SERVER_VARIABLE)));
    }
    return out;
  }

  private static JsonNode pathItem(JsonNode item) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : item.properties()) {
      String key = entry.getKey();
      if (METHODS.contains(key)) {
        out.set(key, operation(entry.getValue()));
      } else if ("parameters".equals(key)) {
        out.set(key, each(entry.getValue(), FactsSnapshot::parameter));
      } else if ("$ref".equals(key)) {
        out.set(key, entry.getValue().deepCopy());
      }
    }
    return out;
  }

  private static JsonNode operation(JsonNode operation) {
    ObjectNode out = keep(operation, OPERATION);
    if (out.has("parameters")) {
      out.set("parameters", each(out.get("parameters"), FactsSnapshot::parameter));
    }
    if (out.has("requestBody")) {
      out.set("requestBody", requestBody(out.get("requestBody")));
    }
    if (out.has("responses")) {
      out.set("responses", byName(out.get("responses"), FactsSnapshot::response));
    }
    return out;
  }

  private static JsonNode parameter(JsonNode parameter) {
    ObjectNode out = keep(parameter, PARAMETER);
    if (out.has("schema")) {
      out.set("schema", schema(out.get("schema")));
    }
    if (out.has("items")) {
      out.set("items", schema(out.get("items")));
    }
    if (out.has("content")) {
      out.set("content", byName(out.get("content"), FactsSnapshot::mediaType));
    }
    return out;
  }

  private static JsonNode requestBody(JsonNode body) {
    ObjectNode out = keep(body, REQUEST_BODY);
    if (out.has("content")) {
      out.set("content", byName(out.get("content"), FactsSnapshot::mediaType));
    }
    return out;
  }

  private static JsonNode response(JsonNode response) {
    ObjectNode out = keep(response, RESPONSE);
    if (out.has("content")) {
      out.set("content", byName(out.get("content"), FactsSnapshot::mediaType));
    }
    if (out.has("headers")) {
      out.set("headers", byName(out.get("headers"), FactsSnapshot::header));
    }
    return out;
  }

  private static JsonNode header(JsonNode header) {
    ObjectNode out = keep(header, HEADER);
    if (out.has("schema")) {
      out.set("schema", schema(out.get("schema")));
    }
    return out;
  }

  private static JsonNode mediaType(JsonNode mediaType) {
    ObjectNode out = keep(mediaType, MEDIA_TYPE);
    if (out.has("schema")) {
      out.set("schema", schema(out.get("schema")));
    }
    if (out.has("encoding")) {
      out.set("encoding", byName(out.get("encoding"), e -> keep(e, ENCODING)));
    }
    return out;
  }

  private static JsonNode components(JsonNode components) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : components.properties()) {
      JsonNode value = entry.getValue();
      switch (entry.getKey()) {
        case "schemas" -> out.set("schemas", byName(value, FactsSnapshot::schema));
        case "parameters" -> out.set("parameters", byName(value, FactsSnapshot::parameter));
        case "requestBodies" -> out.set("requestBodies", byName(value, FactsSnapshot::requestBody));
        case "responses" -> out.set("responses", byName(value, FactsSnapshot::response));
        case "headers" -> out.set("headers", byName(value, FactsSnapshot::header));
        case "securitySchemes" -> out.set("securitySchemes", byName(value, s -> keep(s, SECURITY_SCHEME)));
        default -> { }
      }
    }
    return out;
  }

  private static ObjectNode keep(JsonNode node, Set<String> keys) {
    ObjectNode out = NODES.objectNode();
    if (node == null || !node.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (keys.contains(entry.getKey())) {
        out.set(entry.getKey(), entry.getValue().deepCopy());
      }
    }
    return out;
  }

  private static ObjectNode byName(JsonNode map, Function<JsonNode, JsonNode> each) {
    ObjectNode out = NODES.objectNode();
    if (map == null || !map.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      out.set(entry.getKey(), each.apply(entry.getValue()));
    }
    return out;
  }

  private static ArrayNode each(JsonNode list, Function<JsonNode, JsonNode> each) {
    ArrayNode out = NODES.arrayNode();
    if (list != null && list.isArray()) {
      list.forEach(item -> out.add(each.apply(item)));
    }
    return out;
  }
}
