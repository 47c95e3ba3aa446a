package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The plain facts of one reference document: its operations (method, path, parameters) and its
 * schemas (property names and JSON types). No descriptions, no examples: names and types only.
 *
 * <p>Stored as tab-separated lines, one fact per line:
 * <pre>
 * op      GET  /projects  query:accountIdentifier  query:pageIndex ...
 * schema  ProjectResponse  project:ref  createdAt:integer ...
 * </pre>
 * Lines starting with {@code #} are comments.
 *
 * @param source where the facts were extracted from, relative to the reference directory
 * @param operations parameters ({@code in:name}) by {@code METHOD path}
 * @param schemas property types by property name, by schema name
 */
public record ReferenceFacts(
    String source, Map<String, List<String>> operations, Map<String, Map<String, String>> schemas) {

  /** Extracts the facts of an OpenAPI document. */
  public static ReferenceFacts of(String source, SpecDocument document) {
    Map<String, List<String>> operations = new TreeMap<>();
    for (SpecDocument.Operation operation : document.operations()) {
      List<String> parameters = operation.parameters().stream()
          .map(p -> p.path("in").asString() + ":" + p.path("name").asString())
          .toList();
      operations.put(operation.method() + " " + operation.path(), parameters);
    }
    Map<String, Map<String, String>> schemas = new TreeMap<>();
    for (Map.Entry<String, JsonNode> schema : document.root().path("components").path("schemas").properties()) {
      schemas.put(schema.getKey(), properties(document, schema.getValue(), 0));
    }
    return new ReferenceFacts(source, operations, schemas);
  }

  /** Reads the endpoint list derived for SEI v1 ({@code path<TAB>method<TAB>...}): operations only. */
  public static ReferenceFacts ofEndpointList(String source, Path tsv) {
    Map<String, List<String>> operations = new TreeMap<>();
    for (String line : lines(tsv)) {
      String[] columns = line.split("\t");
      if (columns.length >= 2 && columns[0].startsWith("/")) {
        operations.put(columns[1].trim() + " " + columns[0].trim(), List.of());
      }
    }
    return new ReferenceFacts(source, operations, Map.of());
  }

  /** Property name → type of an object schema, with the properties of its {@code allOf} parts. */
  private static Map<String, String> properties(SpecDocument document, JsonNode schema, int depth) {
    Map<String, String> properties = new TreeMap<>();
    if (depth > 10) {
      return properties;
    }
    JsonNode resolved = document.resolve(schema).orElse(null);
    if (resolved == null) {
      return properties;
    }
    for (JsonNode part : resolved.path("allOf")) {
      properties.putAll(properties(document, part, depth + 1));
    }
    for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
      properties.put(property.getKey(), SpecDocument.typeOf(property.getValue()));
    }
    return properties;
  }

  /** Writes the facts in the line format described above. */
  public void write(Path file) {
    List<String> out = new ArrayList<>();
    out.add("# Facts extracted by ReferenceFactsExtractor from " + source + " (names and types only).");
    operations.forEach((key, parameters) -> {
      String[] methodAndPath = key.split(" ", 2);
      out.add(String.join("\t", concat(List.of("op", methodAndPath[0], methodAndPath[1]), parameters)));
    });
    schemas.forEach((name, properties) -> {
      List<String> cells = new ArrayList<>(List.of("schema", name));
      properties.forEach((property, type) -> cells.add(property + ":" + type));
      out.add(String.join("\t", cells));
    });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads facts written by {@link #write(Path)}. */
  public static ReferenceFacts read(Path file) {
    Map<String, List<String>> operations = new LinkedHashMap<>();
    Map<String, Map<String, String>> schemas = new LinkedHashMap<>();
    String source = file.getFileName().toString();
    for (String line : lines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if ("op".equals(cells[0]) && cells.length >= 3) {
        operations.put(cells[1] + " " + cells[2], List.of(Arrays.copyOfRange(cells, 3, cells.length)));
      } else if ("schema".equals(cells[0]) && cells.length >= 2) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String cell : Arrays.copyOfRange(cells, 2, cells.length)) {
          int colon = cell.lastIndexOf(':');
          properties.put(cell.substring(0, colon), cell.substring(colon + 1));
        }
        schemas.put(cells[1], properties);
      } else {
        throw new IllegalArgumentException(file + ": unreadable fact line: " + line);
      }
    }
    return new ReferenceFacts(source, operations, schemas);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
