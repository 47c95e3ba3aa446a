package io.github.harnessreactive.spec;

import io.github.harnessreactive.spec.tools.ReferenceFacts;
import io.github.harnessreactive.spec.tools.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Compares one of our documents with the facts of the reference documents it is written from.
 *
 * <p>For every operation we define that a reference also defines (same method, same path once
 * parameter names are set aside), each of our parameters must be one the reference declares, in
 * the same location and with the same name. For every schema whose name a reference also uses,
 * each of our properties must be one of the reference's, with the same JSON type where both give a
 * definite one. Where {@link Mapping#requirePresence()} holds, an operation no reference defines is
 * a difference too (SEI v1, whose only reference is the endpoint list, is checked that way).
 */
final class FidelityChecker {

  /**
   * How one of our documents maps onto reference facts.
   *
   * @param document our document's name
   * @param factsFolder the folder of facts files it is compared with
   * @param ourPrefix a path prefix our paths carry and the references' do not
   * @param requirePresence whether an operation missing from every reference is a difference
   */
  record Mapping(String document, String factsFolder, String ourPrefix, boolean requirePresence) {
  }

  /**
   * One difference, written as the allow-list writes it.
   *
   * @param document our document
   * @param subject {@code METHOD path} or {@code schema Name}
   * @param difference what differs
   */
  record Difference(String document, String subject, String difference) {
    String key() {
      return document + "\t" + subject + "\t" + difference;
    }
  }

  /** The result of one check: what differs, and how much was compared. */
  record Result(List<Difference> differences, int operationsChecked, int schemasChecked) {
  }

  private final Mapping mapping;
  private final Map<String, Set<String>> referenceParameters = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> referenceSchemas = new HashMap<>();

  FidelityChecker(Mapping mapping, Path factsRoot) {
    this.mapping = mapping;
    try (Stream<Path> files = Files.list(factsRoot.resolve(mapping.factsFolder()))) {
      for (Path file : files.sorted().toList()) {
        ReferenceFacts facts = ReferenceFacts.read(file);
        facts.operations().forEach((key, parameters) ->
            referenceParameters.computeIfAbsent(normalise(key), k -> new LinkedHashSet<>()).addAll(parameters));
        facts.schemas().forEach((name, properties) -> {
          Map<String, Set<String>> known = referenceSchemas.computeIfAbsent(name, k -> new HashMap<>());
          properties.forEach((property, type) -> known.computeIfAbsent(property, k -> new TreeSet<>()).add(type));
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result check(SpecDocument document) {
    List<Difference> differences = new ArrayList<>();
    int operations = 0;
    for (SpecDocument.Operation operation : document.operations()) {
      String subject = operation.method() + " " + operation.path();
      String path = operation.path().startsWith(mapping.ourPrefix())
          ? operation.path().substring(mapping.ourPrefix().length())
          : operation.path();
      Set<String> reference = referenceParameters.get(normalise(operation.method() + " " + path));
      if (reference == null) {
        if (mapping.requirePresence()) {
          differences.add(new Difference(mapping.document(), subject, "operation not in any reference"));
        }
        continue;
      }
      operations++;
      if (reference.isEmpty()) {
        continue; // the reference lists the path only (SEI v1 endpoint list)
      }
      for (JsonNode parameter : operation.parameters()) {
        String name = parameter.path("in").asString() + ":" + parameter.path("name").asString();
        if (!reference.contains(name)) {
          differences.add(new Difference(mapping.document(), subject, "parameter " + name + " not in reference"));
        }
      }
    }
    int schemas = 0;
    for (Map.Entry<String, JsonNode> schema : document.root().path("components").path("schemas").properties()) {
      Map<String, Set<String>> reference = referenceSchemas.get(schema.getKey());
      if (reference == null) {
        continue;
      }
      schemas++;
      String subject = "schema " + schema.getKey();
      for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
        Set<String> types = reference.get(property.getKey());
        String ours = SpecDocument.typeOf(property.getValue());
        if (types == null) {
          differences.add(new Difference(mapping.document(), subject,
              "property " + property.getKey() + " not in reference"));
        } else if (types.stream().noneMatch(theirs -> sameType(ours, theirs))) {
          differences.add(new Difference(mapping.document(), subject,
              "property " + property.getKey() + " is " + ours + ", reference " + String.join("|", types)));
        }
      }
    }
    return new Result(differences, operations, schemas);
  }

  /** Types agree when equal, when either is unknown, or when both are structured (object or reference). */
  private static boolean sameType(String ours, String theirs) {
    if (ours.equals(theirs) || "any".equals(ours) || "any".equals(theirs)) {
      return true;
    }
    Set<String> structured = Set.of("object", "ref");
    return structured.contains(ours) && structured.contains(theirs);
  }

  /** {@code GET /v1/orgs/{org}} and {@code GET /v1/orgs/{identifier}} are the same operation. */
  private static String normalise(String methodAndPath) {
    return methodAndPath.replaceAll("\\{[^}]*}", "{}").replaceAll("(?<=.)/$", "");
  }
}
