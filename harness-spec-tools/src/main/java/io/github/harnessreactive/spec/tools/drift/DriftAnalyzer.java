package io.github.harnessreactive.spec.tools.drift;

import io.github.harnessreactive.spec.tools.SpecDocument;
import io.github.harnessreactive.spec.tools.drift.DriftReport.Change;
import io.github.harnessreactive.spec.tools.drift.DriftReport.Kind;
import io.github.harnessreactive.spec.tools.importer.Overlay;
import io.github.harnessreactive.spec.tools.importer.Selection;
import io.github.harnessreactive.spec.tools.importer.SpecImporter;
import io.github.harnessreactive.spec.tools.importer.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Compares the facts of a source as our document last imported it (its snapshot) with a newer
 * version, for what the document covers: the operations its selection takes from that source
 * (operations a group entry would newly take count as added) and every schema they reach, in either
 * version. Names, locations, required flags, types, formats, references, enum values and required
 * lists are compared; nothing else is a fact.
 */
public final class DriftAnalyzer {

  private static final String SCHEMAS = "#/components/schemas/";

  private final Selection selection;
  private final Overlay overlay;
  private final FacadeUsage facades;

  /**
   * Creates an analyzer for one of our documents.
   *
   * @param selection the document's selection
   * @param overlay the document's overlay (its changes are pointed out next to what they touch)
   * @param facades which facades use which generated members
   */
  public DriftAnalyzer(Selection selection, Overlay overlay, FacadeUsage facades) {
    this.selection = selection;
    this.overlay = overlay;
    this.facades = facades;
  }

  /**
   * Compares two versions of one source.
   *
   * @param alias the source's alias in the selection
   * @param before the facts the document was imported from
   * @param after the facts of the newer version
   * @param beforeLabel where the old facts come from, for the report
   * @param afterLabel where the new facts come from, for the report
   */
  public DriftReport compare(String alias, SpecDocument before, SpecDocument after, String beforeLabel,
      String afterLabel) {
    Map<String, Covered> old = covered(alias, before);
    Map<String, Covered> now = covered(alias, after);
    List<Change> changes = new ArrayList<>();
    Set<String> oldRoots = new LinkedHashSet<>();
    Set<String> newRoots = new LinkedHashSet<>();
    old.forEach((key, op) -> {
      Covered newer = now.get(key);
      if (newer == null) {
        changes.add(change(Kind.OPERATION_REMOVED, op.subject(), "the source no longer has it; the import stops "
            + "until the selection drops it", true, facades.operationUsers(selection.document(), op.tag(), op.id())));
      } else {
        operation(op, newer, changes);
      }
      references(op.source().node(), oldRoots);
    });
    now.forEach((key, op) -> {
      if (!old.containsKey(key)) {
        changes.add(change(Kind.OPERATION_ADDED, op.subject(), "a covered tag or path: the import takes it as "
            + op.id() + " (tag " + op.tag() + "); give it our id with a line in the selection", false, List.of()));
      }
      references(op.source().node(), newRoots);
    });
    selection.schemas().stream().filter(p -> p.from().equals(alias)).forEach(p -> {
      oldRoots.addAll(p.names());
      newRoots.addAll(p.names());
    });
    schemas(before, after, closure(before, oldRoots), closure(after, newRoots), changes);
    return new DriftReport(selection.document(), alias, beforeLabel, afterLabel, old.size(), changes);
  }

  private record Covered(String id, String tag, SpecDocument.Operation source) {
    String subject() {
      return "op " + id + " (" + source.method() + " " + source.path() + ")";
    }
  }

  /** The operations of one source the selection takes, by {@code METHOD path}. */
  private Map<String, Covered> covered(String alias, SpecDocument facts) {
    Map<String, SpecDocument> sources = new LinkedHashMap<>();
    selection.sources().keySet().forEach(a -> sources.put(a, a.equals(alias) ? facts
        : new SpecDocument(a, JsonNodeFactory.instance.objectNode())));
    Map<String, Covered> covered = new LinkedHashMap<>();
    for (SpecImporter.Planned planned : SpecImporter.plan(selection, sources, new ArrayList<>())) {
      if (alias.equals(planned.alias())) {
        covered.put(planned.method() + " " + planned.source().path(),
            new Covered(planned.id(), planned.tag(), planned.source()));
      }
    }
    return covered;
  }

  private void operation(Covered old, Covered now, List<Change> changes) {
    Map<String, JsonNode> before = parameters(old.source());
    Map<String, JsonNode> after = parameters(now.source());
    List<String> users = facades.operationUsers(selection.document(), old.tag(), old.id());
    List<String> orderBefore = generatedOrder(before);
    List<String> orderAfter = generatedOrder(after);
    before.forEach((key, parameter) -> {
      String subject = "op " + old.id() + " param " + key;
      JsonNode newer = after.get(key);
      if (newer == null) {
        changes.add(change(Kind.PARAMETER_REMOVED, subject, "", true, users));
        return;
      }
      boolean wasRequired = parameter.path("required").asBoolean(false);
      boolean isRequired = newer.path("required").asBoolean(false);
      if (wasRequired != isRequired) {
        boolean moves = orderBefore.indexOf(key) != orderAfter.indexOf(key);
        changes.add(change(Kind.PARAMETER_REQUIRED, subject, (isRequired ? "now required" : "now optional")
            + (moves ? "; it moves in the generated method (required parameters come first)"
                : "; its place in the generated method stays"), moves, moves ? users : List.of()));
      }
      compareSchemas(subject, old.source().document(), parameter.path("schema"), now.source().document(),
          newer.path("schema"), Kind.PARAMETER_RETYPED, users, changes);
    });
    after.forEach((key, parameter) -> {
      if (!before.containsKey(key)) {
        changes.add(change(Kind.PARAMETER_ADDED, "op " + old.id() + " param " + key,
            (parameter.path("required").asBoolean(false) ? "required" : "optional")
                + "; the generated method gains a parameter", true, users));
      }
    });
    String bodyBefore = signature(old.source().document(), bodySchema(old.source().node()));
    String bodyAfter = signature(now.source().document(), bodySchema(now.source().node()));
    if (!bodyBefore.equals(bodyAfter)) {
      changes.add(change(Kind.BODY_RETYPED, "op " + old.id() + " body", bodyBefore + " -> " + bodyAfter, true, users));
    }
    String answerBefore = signature(old.source().document(), answerSchema(old.source().node()));
    String answerAfter = signature(now.source().document(), answerSchema(now.source().node()));
    if (!answerBefore.equals(answerAfter)) {
      changes.add(change(Kind.BODY_RETYPED, "op " + old.id() + " response", answerBefore + " -> " + answerAfter,
          true, users));
    }
  }

  private void schemas(SpecDocument before, SpecDocument after, Set<String> oldNames, Set<String> newNames,
      List<Change> changes) {
    Set<String> names = new TreeSet<>(oldNames);
    names.addAll(newNames);
    for (String name : names) {
      JsonNode old = oldNames.contains(name) ? schema(before, name) : null;
      JsonNode now = newNames.contains(name) ? schema(after, name) : null;
      String subject = "schema " + name;
      if (old == null) {
        changes.add(change(Kind.SCHEMA_ADDED, subject, "", false, List.of()));
        continue;
      }
      if (now == null) {
        changes.add(change(Kind.SCHEMA_REMOVED, subject, "no covered operation reaches it any more", true,
            facades.schemaUsers(selection.document(), name)));
        continue;
      }
      enums(subject, old, now, facades.schemaUsers(selection.document(), name), changes);
      Map<String, JsonNode> oldProperties = properties(before, old);
      Map<String, JsonNode> newProperties = properties(after, now);
      oldProperties.forEach((property, schema) -> {
        String propertySubject = subject + "." + property;
        List<String> users = facades.propertyUsers(selection.document(), name, property);
        JsonNode newer = newProperties.get(property);
        if (newer == null) {
          changes.add(change(Kind.PROPERTY_REMOVED, propertySubject, "", true, users));
        } else {
          compareSchemas(propertySubject, before, schema, after, newer, Kind.PROPERTY_RETYPED, users, changes);
        }
      });
      newProperties.forEach((property, schema) -> {
        if (!oldProperties.containsKey(property)) {
          changes.add(change(Kind.PROPERTY_ADDED, subject + "." + property, signature(after, schema), false, List.of()));
        }
      });
      Set<String> oldRequired = texts(old.path("required"));
      Set<String> newRequired = texts(now.path("required"));
      if (!oldRequired.equals(newRequired)) {
        changes.add(change(Kind.REQUIRED_CHANGED, subject, oldRequired + " -> " + newRequired, false, List.of()));
      }
    }
  }

  /** Compares the type of two schemas (parameter or property), and their enum values. */
  private void compareSchemas(String subject, SpecDocument beforeDoc, JsonNode before, SpecDocument afterDoc,
      JsonNode after, Kind retyped, List<String> users, List<Change> changes) {
    String a = signature(beforeDoc, before);
    String b = signature(afterDoc, after);
    if (!a.equals(b)) {
      changes.add(change(retyped, subject, a + " -> " + b, true, users));
    }
    enums(subject, before, after, users, changes);
  }

  private void enums(String subject, JsonNode before, JsonNode after, List<String> users, List<Change> changes) {
    Set<String> a = texts(enumOf(before));
    Set<String> b = texts(enumOf(after));
    Set<String> added = new TreeSet<>(b);
    added.removeAll(a);
    Set<String> removed = new TreeSet<>(a);
    removed.removeAll(b);
    if (!a.isEmpty() && !added.isEmpty()) {
      changes.add(change(Kind.ENUM_VALUES_ADDED, subject, String.join(", ", added)
          + " (unknown values already decode to the unknown constant)", false, List.of()));
    }
    if (!removed.isEmpty() && !b.isEmpty()) {
      changes.add(change(Kind.ENUM_VALUES_REMOVED, subject, String.join(", ", removed), true, users));
    }
  }

  private static JsonNode enumOf(JsonNode schema) {
    return schema.has("enum") ? schema.get("enum") : schema.path("items").path("enum");
  }

  /** A schema's type in a few words: {@code string/date-time}, {@code array<ref Thing>}, {@code map<integer>}. */
  private static String signature(SpecDocument document, JsonNode schema) {
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return "none";
    }
    if (schema.has("$ref")) {
      return "ref " + SpecDocument.refName(schema).orElse("?");
    }
    String type = SpecDocument.typeOf(schema);
    if ("array".equals(type)) {
      return "array<" + signature(document, schema.path("items")) + ">";
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      return "map<" + signature(document, additional) + ">";
    }
    String format = schema.path("format").asString("");
    return format.isEmpty() ? type : type + "/" + format;
  }

  private static Map<String, JsonNode> parameters(SpecDocument.Operation op) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    op.parameters().forEach(p -> out.put(p.path("in").asString() + ":" + p.path("name").asString(), p));
    return out;
  }

  /** Parameter keys in the order OpenAPI Generator gives the method: required first, then document order. */
  private static List<String> generatedOrder(Map<String, JsonNode> parameters) {
    List<String> order = new ArrayList<>();
    parameters.forEach((k, p) -> {
      if (p.path("required").asBoolean(false)) {
        order.add(k);
      }
    });
    parameters.forEach((k, p) -> {
      if (!p.path("required").asBoolean(false)) {
        order.add(k);
      }
    });
    return order;
  }

  private static JsonNode bodySchema(JsonNode op) {
    return firstSchema(op.path("requestBody").path("content"));
  }

  private static JsonNode answerSchema(JsonNode op) {
    for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
      if (response.getKey().startsWith("2") || "default".equals(response.getKey())) {
        return firstSchema(response.getValue().path("content"));
      }
    }
    return null;
  }

  private static JsonNode firstSchema(JsonNode content) {
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      return media.getValue().path("schema");
    }
    return null;
  }

  private static JsonNode schema(SpecDocument document, String name) {
    return document.root().path("components").path("schemas").get(name);
  }

  /** A schema's properties, those of its inline allOf parts included. */
  private static Map<String, JsonNode> properties(SpecDocument document, JsonNode schema) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode part : schema.path("allOf")) {
      if (!part.has("$ref")) {
        out.putAll(properties(document, part));
      }
    }
    schema.path("properties").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Every schema reachable from the roots through references. */
  private static Set<String> closure(SpecDocument document, Set<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      String name = queue.poll();
      JsonNode schema = schema(document, name);
      if (schema == null || !seen.add(name)) {
        continue;
      }
      Set<String> refs = new LinkedHashSet<>();
      references(schema, refs);
      queue.addAll(refs);
    }
    return seen;
  }

  private static void references(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMAS)) {
        names.add(ref.asString().substring(SCHEMAS.length()));
      }
      node.properties().forEach(e -> references(e.getValue(), names));
    } else if (node.isArray()) {
      node.forEach(item -> references(item, names));
    }
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new TreeSet<>();
    if (array != null) {
      array.forEach(v -> out.add(v.asString()));
    }
    return out;
  }

  private Change change(Kind kind, String subject, String detail, boolean breaking, List<String> usedBy) {
    String bare = subject.replaceFirst(" \\(.*\\)$", "");
    List<String> touching = overlay.changes().stream()
        .map(Overlay.Change::target)
        .filter(t -> concerns(t, bare))
        .map(Target::toString)
        .distinct()
        .toList();
    return new Change(kind, subject, detail, breaking, List.copyOf(usedBy), touching);
  }

  /** Whether an overlay target is about a drift subject (the same operation part, parameter, schema or property). */
  private static boolean concerns(Target target, String subject) {
    String[] words = subject.split(" ");
    if (target.kind() == Target.Kind.PARAMETER || target.kind() == Target.Kind.EVERY_PARAMETER) {
      if (words.length != 4 || !"param".equals(words[2])
          || target.kind() == Target.Kind.PARAMETER && !words[1].equals(target.operationId())) {
        return false;
      }
      String[] parameter = words[3].split(":", 2);
      return target.namesParameter(parameter[0], parameter[1]);
    }
    String phrase = target.toString();
    return subject.equals(phrase) || subject.startsWith(phrase + ".") || subject.startsWith(phrase + " ");
  }
}
