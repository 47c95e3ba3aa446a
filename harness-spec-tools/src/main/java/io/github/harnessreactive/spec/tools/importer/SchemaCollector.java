package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.SpecDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Takes the schemas a document needs, and only those: the ones its operations, its shared responses
 * and the selection's {@code schemas} entries refer to, then everything they refer to, transitively.
 * Each schema comes from the source of whatever referred to it (or the pinned source), normalised,
 * with the overlay's changes applied before its own references are followed, so a property the
 * overlay removes pulls nothing in.
 */
final class SchemaCollector {

  private static final String PREFIX = "#/components/schemas/";

  private record Wanted(String name, String alias, String referrer) {
  }

  private final Map<String, SpecDocument> sources;
  private final ChangeSet changes;
  private final SchemaNormaliser normaliser;
  private final List<String> problems;
  private final String document;
  private final Map<String, String> pinned = new HashMap<>();
  private final Deque<Wanted> queue = new ArrayDeque<>();
  private final Map<String, JsonNode> collected = new LinkedHashMap<>();
  private final Map<String, String> home = new HashMap<>();
  private final Set<String> reported = new HashSet<>();

  /**
   * Creates a collector.
   *
   * @param document our document's name, for messages
   * @param sources the document's sources by alias, in the selection's order
   */
  SchemaCollector(String document, Map<String, SpecDocument> sources, ChangeSet changes, SchemaNormaliser normaliser,
      List<String> problems) {
    this.document = document;
    this.sources = sources;
    this.changes = changes;
    this.normaliser = normaliser;
    this.problems = problems;
  }

  /** Takes a schema from this source whoever refers to it, and takes it even when nothing does. */
  void pin(String alias, String name) {
    pinned.put(name, alias);
    queue.add(new Wanted(name, alias, "the selection's schemas entry"));
  }

  /**
   * Queues every schema a tree refers to.
   *
   * @param tree an operation, response or schema of ours
   * @param alias the source it came from, or null when the overlay wrote it
   * @param referrer what refers, for messages ({@code op listThings}, {@code schema Thing})
   */
  void referencesOf(JsonNode tree, String alias, String referrer) {
    if (tree == null) {
      return;
    }
    if (tree.isObject()) {
      JsonNode ref = tree.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(PREFIX)) {
        queue.add(new Wanted(ref.asString().substring(PREFIX.length()), alias, referrer));
      }
      tree.properties().forEach(e -> referencesOf(e.getValue(), alias, referrer));
    } else if (tree.isArray()) {
      tree.forEach(item -> referencesOf(item, alias, referrer));
    }
  }

  /** Takes every queued schema and what it refers to; returns them by name, sorted. */
  Map<String, JsonNode> collect() {
    while (!queue.isEmpty()) {
      Wanted wanted = queue.poll();
      if (collected.containsKey(wanted.name())) {
        checkSameAsOtherSource(wanted);
        continue;
      }
      String name = wanted.name();
      Optional<String> alias = sourceOf(wanted);
      Optional<JsonNode> added = changes.addedSchema(name, alias.isPresent());
      JsonNode schema;
      if (added.isPresent()) {
        schema = added.get();
        home.put(name, null);
      } else if (alias.isPresent()) {
        JsonNode raw = sources.get(alias.get()).root().path("components").path("schemas").get(name);
        schema = normaliser.normalise(raw, "schema " + name);
        home.put(name, alias.get());
      } else {
        problems.add(document + ": broken $ref: " + wanted.referrer() + " refers to schema " + name
            + ", which neither " + (sources.isEmpty() ? "a source" : "source " + String.join(", ", sources.keySet()))
            + " nor the overlay defines; fix the reference (overlay change) or add the schema to the overlay "
            + "(- target: schema " + name + " / add: {...} / source: ... / reason: ...)");
        collected.put(name, JsonTrees.NODES.objectNode());
        continue;
      }
      schema = changes.applyToSchema(name, schema);
      collected.put(name, schema);
      referencesOf(schema, home.get(name), "schema " + name);
    }
    Map<String, JsonNode> sorted = new TreeMap<>(collected);
    normaliser.dropRedefinedDiscriminators(sorted, sorted::get);
    return sorted;
  }

  private Optional<String> sourceOf(Wanted wanted) {
    String name = wanted.name();
    if (pinned.containsKey(name)) {
      return Optional.of(pinned.get(name));
    }
    if (wanted.alias() != null && defines(wanted.alias(), name)) {
      return Optional.of(wanted.alias());
    }
    return sources.keySet().stream().filter(a -> defines(a, name)).findFirst();
  }

  /** A schema reached from a second source that defines it differently must be pinned. */
  private void checkSameAsOtherSource(Wanted wanted) {
    String first = home.get(wanted.name());
    String second = wanted.alias();
    if (first == null || second == null || first.equals(second) || pinned.containsKey(wanted.name())
        || !defines(second, wanted.name()) || reported.contains(wanted.name())) {
      return;
    }
    JsonNode a = sources.get(first).root().path("components").path("schemas").get(wanted.name());
    JsonNode b = sources.get(second).root().path("components").path("schemas").get(wanted.name());
    if (!a.equals(b)) {
      reported.add(wanted.name());
      problems.add(document + ": schema " + wanted.name() + " is defined differently by sources " + first + " and "
          + second + " (" + wanted.referrer() + " uses the one in " + second + "); pin one in the selection: "
          + "schemas: - {from: " + first + ", names: [" + wanted.name() + "]}");
    }
  }

  private boolean defines(String alias, String name) {
    SpecDocument source = sources.get(alias);
    return source != null && source.root().path("components").path("schemas").has(name);
  }
}
