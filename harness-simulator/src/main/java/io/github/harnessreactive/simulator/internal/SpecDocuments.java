package io.github.harnessreactive.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Our OpenAPI documents, read from the harness-api-spec jar, for the schemas of what is served. */
public final class SpecDocuments {

  private final Map<String, JsonNode> documents = new HashMap<>();

  public SpecDocuments() {
    YAMLMapper yaml = YAMLMapper.builder().build();
    for (String name : new String[] {"platform-ng", "platform-v1", "sei-v1", "sei-v2"}) {
      try (InputStream in = SpecDocuments.class.getResourceAsStream("/openapi/" + name + ".yaml")) {
        if (in == null) {
          throw new IllegalStateException("openapi/" + name + ".yaml is missing: is harness-api-spec on the classpath?");
        }
        documents.put(name, yaml.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public JsonNode root(String document) {
    return documents.get(document);
  }

  /** The operation object of a path and method in a document. */
  public JsonNode operation(String document, String path, String method) {
    return root(document).path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
  }

  /** Follows a local {@code $ref}; the node itself when it has none. */
  public JsonNode resolve(String document, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
      current = root(document).at(current.get("$ref").asString().substring(1));
    }
    return current;
  }
}
