package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.SpecDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one of our documents adds to or corrects in its sources: the {@code <document>.overlay.yaml}
 * file. Facts and prose are kept apart: {@link #changes()} hold every fact that differs from a
 * source, each with its reason (and, when it adds something, where the fact comes from), while
 * {@link #descriptions()} hold our own wording, which needs no reason because no source prose is
 * ever imported. The format is described in {@code harness-api-spec/README.md}.
 *
 * @param document our own top-level parts: {@code info}, {@code servers}, {@code security},
 *     {@code tags} (their order and descriptions) and {@code components} (security schemes and the
 *     shared error responses)
 * @param errorResponses the shared error responses every operation declares, by status
 * @param defaultResponseStatus the status a source's {@code default} response becomes when it is the
 *     success answer (Platform NG), or null to drop {@code default} responses
 * @param mediaTypes the media types kept for bodies, in preference order (see {@link OperationBuilder})
 * @param descriptions our wording for operations, parameters, headers and schemas
 * @param changes the fact changes, in file order
 * @param nameMappings the Java names harness-client-generated/pom.xml gives properties whose names
 *     would clash in generated code (its {@code nameMappings}), so the import accepts those properties
 */
public record Overlay(ObjectNode document, Map<String, ErrorResponse> errorResponses, String defaultResponseStatus,
    List<String> mediaTypes, JsonNode descriptions, List<Change> changes, Map<String, String> nameMappings) {

  /**
   * A shared error response.
   *
   * @param response the name of the response in {@code document.components.responses}
   * @param methods the HTTP methods that declare it; empty for every method
   * @param onlyWhereSourceHasIt whether only operations whose source declares this status get it
   */
  public record ErrorResponse(String response, List<String> methods, boolean onlyWhereSourceHasIt) {
  }

  /**
   * One fact change. Exactly one of {@code patch}, {@code add} and {@code remove} is given.
   *
   * @param target what it applies to
   * @param patch a JSON Merge Patch on the target ({@code null} removes a key), or null
   * @param add the whole thing to add where the source has nothing, or null
   * @param remove whether the target is left out
   * @param reason why our document differs from the source here (required)
   * @param source where the fact comes from (required with {@code add})
   * @param line the change as written, for messages
   */
  public record Change(Target target, JsonNode patch, JsonNode add, boolean remove, String reason, String source,
      String line) {
  }

  private static final Set<String> CHANGE_KEYS = Set.of("target", "patch", "add", "remove", "reason", "source");
  private static final Set<String> KEYS = Set.of(
      "document", "errorResponses", "defaultResponseStatus", "mediaTypes", "descriptions", "changes",
      "nameMappings");

  /**
   * Reads an overlay file.
   *
   * @throws SpecImportException when the file does not follow the format, listing every problem
   */
  public static Overlay read(Path file) {
    return of(file.getFileName().toString(), SpecDocument.read(file).root());
  }

  /**
   * Reads an overlay from its YAML tree.
   *
   * @param name the file name, for messages
   * @throws SpecImportException when the tree does not follow the format, listing every problem
   */
  public static Overlay of(String name, JsonNode root) {
    List<String> problems = new ArrayList<>();
    root.propertyNames().stream().filter(k -> !KEYS.contains(k))
        .forEach(k -> problems.add(name + ": unknown top-level key '" + k + "' (known: " + KEYS + ")"));
    ObjectNode document = root.get("document") instanceof ObjectNode d ? d : JsonTrees.NODES.objectNode();

    Map<String, ErrorResponse> errorResponses = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("errorResponses").properties()) {
      JsonNode value = entry.getValue();
      String response = value.isString() ? value.asString() : JsonTrees.text(value, "response").orElse("");
      if (!document.path("components").path("responses").has(response)) {
        problems.add(name + ": errorResponses '" + entry.getKey() + "' names '" + response
            + "', which document.components.responses does not define");
      }
      List<String> methods = JsonTrees.texts(value, "methods").stream()
          .map(m -> m.toUpperCase(Locale.ROOT)).toList();
      errorResponses.put(entry.getKey(), new ErrorResponse(response, methods,
          "source".equals(JsonTrees.text(value, "when").orElse(""))));
    }

    List<String> mediaTypes = JsonTrees.texts(root, "mediaTypes");
    List<Change> changes = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("changes")) {
      index++;
      change(name, index, node, problems).ifPresent(changes::add);
    }
    Map<String, String> nameMappings = new LinkedHashMap<>();
    root.path("nameMappings").properties().forEach(e -> nameMappings.put(e.getKey(), e.getValue().asString()));
    if (!problems.isEmpty()) {
      throw new SpecImportException(problems);
    }
    return new Overlay(document, errorResponses, JsonTrees.text(root, "defaultResponseStatus").orElse(null),
        mediaTypes.isEmpty() ? List.of("application/json") : mediaTypes,
        root.path("descriptions"), changes, nameMappings);
  }

  private static Optional<Change> change(String name, int index, JsonNode node, List<String> problems) {
    String targetText = JsonTrees.text(node, "target").orElse("");
    String where = name + ": change #" + index + " (" + (targetText.isEmpty() ? "no target" : targetText) + ")";
    node.propertyNames().stream().filter(k -> !CHANGE_KEYS.contains(k))
        .forEach(k -> problems.add(where + " has an unknown key '" + k + "' (known: " + CHANGE_KEYS + ")"));
    Optional<Target> target = Target.parse(targetText);
    if (target.isEmpty()) {
      problems.add(where + ": target must be one of 'op ID', 'op ID param NAME', 'op ID body', "
          + "'op ID response STATUS', 'param NAME', 'schema NAME', 'schema NAME.PROPERTY'");
      return Optional.empty();
    }
    JsonNode patch = node.get("patch");
    JsonNode add = node.get("add");
    boolean remove = node.path("remove").asBoolean(false);
    int actions = (patch == null ? 0 : 1) + (add == null ? 0 : 1) + (remove ? 1 : 0);
    if (actions != 1) {
      problems.add(where + " must have exactly one of patch, add, remove: true");
    }
    if (patch != null && !patch.isObject()) {
      problems.add(where + ": patch must be an object (a JSON Merge Patch)");
    }
    String reason = JsonTrees.text(node, "reason").orElse(null);
    String source = JsonTrees.text(node, "source").orElse(null);
    if (reason == null) {
      problems.add(where + " has no reason: say why our document differs from the source here");
    }
    if (add != null && source == null) {
      problems.add(where + " adds something without a source: say where the fact comes from");
    }
    return Optional.of(new Change(target.get(), patch, add, remove, reason, source, where));
  }
}
