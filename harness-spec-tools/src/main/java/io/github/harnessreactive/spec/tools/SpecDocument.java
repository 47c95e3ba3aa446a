package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI document (YAML or JSON, 3.0 or 3.1) read as a tree, with the few navigation helpers
 * the tools need: its operations, and {@code $ref} resolution inside the same document.
 *
 * @param name the document's name: its file name without extension
 * @param root the whole document
 */
public record SpecDocument(String name, JsonNode root) {

  /** The HTTP methods an OpenAPI path item may hold, in the order they are reported. */
  public static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Reads a {@code .yaml}, {@code .yml} or {@code .json} document. */
  public static SpecDocument read(Path file) {
    String fileName = file.getFileName().toString();
    String name = fileName.replaceFirst("\\.(ya?ml|json)$", "");
    ObjectMapper mapper = fileName.endsWith(".json") ? JSON : YAML;
    try {
      return new SpecDocument(name, mapper.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads every {@code .yaml}, {@code .yml} and {@code .json} document in a directory, by name. */
  public static List<SpecDocument> readAll(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)$"))
          .sorted()
          .map(SpecDocument::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** Every operation of the document, in path order then {@link #METHODS} order. */
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      JsonNode item = path.getValue();
      for (String method : METHODS) {
        JsonNode operation = item.get(method);
        if (operation != null && operation.isObject()) {
          operations.add(new Operation(this, method.toUpperCase(Locale.ROOT), path.getKey(), item, operation));
        }
      }
    }
    return operations;
  }

  /**
   * Follows {@code $ref}s inside this document until a node without one is reached. A reference to
   * another document, or one that does not resolve, gives an empty result.
   */
  public Optional<JsonNode> resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asString();
      if (!ref.startsWith("#/") || hops > 20) {
        return Optional.empty();
      }
      current = root.at(ref.substring(1));
      if (current.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(current);
  }

  /** The name a {@code $ref} to {@code #/components/schemas/X} or {@code #/definitions/X} points at. */
  public static Optional<String> refName(JsonNode node) {
    if (node == null || !node.has("$ref")) {
      return Optional.empty();
    }
    String ref = node.get("$ref").asString();
    return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** The JSON type a schema declares, as one word; {@code ref} for a plain reference. */
  public static String typeOf(JsonNode schema) {
    if (schema == null || schema.isMissingNode()) {
      return "any";
    }
    if (schema.has("$ref")) {
      return "ref";
    }
    JsonNode type = schema.get("type");
    if (type == null) {
      for (String combiner : Set.of("allOf", "oneOf", "anyOf")) {
        if (schema.has(combiner)) {
          return "ref";
        }
      }
      return schema.has("properties") ? "object" : "any";
    }
    if (type.isArray()) { // OpenAPI 3.1: [string, "null"]
      for (JsonNode t : type) {
        if (!"null".equals(t.asString())) {
          return t.asString();
        }
      }
      return "null";
    }
    return type.asString();
  }

  /**
   * One operation of a document.
   *
   * @param document the document it belongs to
   * @param method the upper-case HTTP method
   * @param path the path template, as written in the document
   * @param pathItem the path item, for parameters shared by its operations
   * @param node the operation object
   */
  public record Operation(SpecDocument document, String method, String path, JsonNode pathItem, JsonNode node) {

    /** The operation's id, or {@code METHOD path} when it has none. */
    public String id() {
      JsonNode id = node.get("operationId");
      return id != null ? id.asString() : method + " " + path;
    }

    /** Path-item and operation parameters, references resolved, the operation's winning on a clash. */
    public List<JsonNode> parameters() {
      List<JsonNode> result = new ArrayList<>();
      for (JsonNode source : List.of(pathItem.path("parameters"), node.path("parameters"))) {
        for (JsonNode parameter : source) {
          document.resolve(parameter).ifPresent(p -> {
            result.removeIf(q -> q.path("name").asString().equals(p.path("name").asString())
                && q.path("in").asString().equals(p.path("in").asString()));
            result.add(p);
          });
        }
      }
      return result;
    }

    /** The declared parameters in one location ({@code query}, {@code path}, {@code header}...). */
    public List<String> parameterNames(String in) {
      return parameters().stream()
          .filter(p -> in.equals(p.path("in").asString()))
          .map(p -> p.path("name").asString())
          .toList();
    }

    /** The value of a vendor extension, if the operation has it. */
    public Optional<JsonNode> extension(String name) {
      return Optional.ofNullable(node.get(name));
    }
  }
}
