package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.importer.Overlay.Change;
import io.github.harnessreactive.spec.tools.importer.Target.Kind;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an overlay's fact changes and keeps them honest: a change whose target is missing, an
 * {@code add} of something the source now has, a {@code remove} of something it no longer has and a
 * {@code patch} that changes nothing are all problems, so the overlay never carries a stale reason.
 */
final class ChangeSet {

  private final List<Change> changes;
  private final List<String> problems;
  private final Map<Change, Integer> uses = new IdentityHashMap<>();
  private final Map<Change, Boolean> effective = new IdentityHashMap<>();

  ChangeSet(List<Change> changes, List<String> problems) {
    this.changes = changes;
    this.problems = problems;
    changes.forEach(c -> uses.put(c, 0));
    for (Change change : changes) {
      Kind kind = change.target().kind();
      if (change.remove() && (kind == Kind.OPERATION || kind == Kind.SCHEMA)) {
        problem(change, "cannot remove a whole operation or schema: leave the operation out of the selection "
            + "(schemas are taken only as needed)");
      }
      if (change.add() != null && kind == Kind.EVERY_PARAMETER) {
        problem(change, "cannot add a parameter to every operation; add it per operation (op ID param NAME)");
      }
    }
  }

  /** The operation the overlay adds for an operation no source has, if it does. */
  Optional<ObjectNode> addedOperation(String operationId) {
    return find(Kind.OPERATION, operationId, null).filter(c -> c.add() != null).map(c -> {
      use(c);
      return c.add() instanceof ObjectNode op ? (ObjectNode) op.deepCopy() : JsonTrees.NODES.objectNode();
    });
  }

  /** Whether the overlay adds a schema of this name. */
  boolean addsSchema(String name) {
    return find(Kind.SCHEMA, null, name).filter(c -> c.add() != null).isPresent();
  }

  /** The schema the overlay adds, if it does; {@code sourceHasIt} makes such an add stale. */
  Optional<JsonNode> addedSchema(String name, boolean sourceHasIt) {
    Optional<Change> change = find(Kind.SCHEMA, null, name).filter(c -> c.add() != null);
    change.ifPresent(c -> {
      use(c);
      if (sourceHasIt) {
        problem(c, "a source now defines schema " + name + ": turn the add into patches of what still differs, "
            + "or drop it");
      }
    });
    return change.map(c -> c.add().deepCopy());
  }

  /** Applies every change aimed at an operation, its parameters, body and success responses. */
  void applyToOperation(String operationId, ObjectNode op, boolean fromSource) {
    for (Change change : changes) {
      Target target = change.target();
      boolean mine = operationId.equals(target.operationId()) || target.kind() == Kind.EVERY_PARAMETER;
      if (!mine) {
        continue;
      }
      switch (target.kind()) {
        case OPERATION -> {
          if (change.add() != null) {
            if (fromSource) {
              use(change);
              problem(change, "the operation comes from a source: use patch, or mark its selection entry from: overlay");
            }
          } else {
            JsonNode result = patched(change, op);
            op.removeAll();
            op.setAll((ObjectNode) result);
          }
        }
        case PARAMETER, EVERY_PARAMETER -> parameter(change, op);
        case BODY -> member(change, op, "requestBody");
        case RESPONSE -> member(change, JsonTrees.child(op, "responses"), target.status());
        default -> { }
      }
    }
  }

  /** Applies every change aimed at a schema or its properties; returns the changed schema. */
  JsonNode applyToSchema(String name, JsonNode schema) {
    JsonNode current = schema;
    for (Change change : changes) {
      Target target = change.target();
      if (!name.equals(target.schema())) {
        continue;
      }
      if (target.kind() == Kind.SCHEMA && change.patch() != null) {
        current = patched(change, current);
      } else if (target.kind() == Kind.PROPERTY && current instanceof ObjectNode object) {
        property(change, object, target.properties());
      }
    }
    return current;
  }

  /** Reports every change that found no target, or changed nothing anywhere. */
  void reportUnused(Set<String> operationIds, Set<String> schemaNames) {
    effective.forEach((change, changed) -> {
      if (!changed) {
        problem(change, "changes nothing in any operation: the source now says the same; drop it");
      }
    });
    uses.forEach((change, count) -> {
      if (count > 0) {
        return;
      }
      Target target = change.target();
      String why = switch (target.kind()) {
        case OPERATION, PARAMETER, BODY, RESPONSE -> operationIds.contains(target.operationId())
            ? "the operation has no such " + (target.kind() == Kind.PARAMETER ? "parameter" : "part")
              + (change.patch() != null ? "; the source may have dropped it" : "")
            : "no operation " + target.operationId() + " is selected";
        case EVERY_PARAMETER -> "no selected operation has parameter " + target.parameter();
        case SCHEMA, PROPERTY -> schemaNames.contains(target.schema())
            ? "schema " + target.schema() + " has no such property; the source may have dropped it"
            : "schema " + target.schema() + " is not in the document (no selected operation reaches it)";
      };
      problem(change, "target not found: " + why + "; fix the target or drop the change");
    });
  }

  private void parameter(Change change, ObjectNode op) {
    Target target = change.target();
    ArrayNode parameters = op.get("parameters") instanceof ArrayNode a ? a : op.putArray("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!target.namesParameter(p.path("in").asString(), p.path("name").asString())) {
        continue;
      }
      if (change.add() != null) {
        use(change);
        problem(change, "the source now has parameter " + target.parameter() + ": use patch, or drop the change");
      } else if (change.remove()) {
        use(change);
        parameters.remove(i);
      } else if (target.kind() == Kind.EVERY_PARAMETER) {
        use(change);
        JsonNode patched = JsonTrees.mergePatch(p, change.patch());
        effective.merge(change, !patched.equals(p), Boolean::logicalOr);
        parameters.set(i, patched);
      } else {
        parameters.set(i, patched(change, p));
      }
      return;
    }
    if (change.add() != null) {
      use(change);
      parameters.add(change.add().deepCopy());
    } else if (change.remove() && target.kind() == Kind.PARAMETER) {
      use(change);
      problem(change, "the source no longer has parameter " + target.parameter() + ": drop the change");
    }
  }

  /** A patch, add or remove on {@code parent.key}. */
  private void member(Change change, ObjectNode parent, String key) {
    JsonNode existing = parent.get(key);
    use(change);
    if (change.add() != null) {
      if (existing != null) {
        problem(change, "the source now has " + change.target() + ": use patch, or drop the change");
      } else {
        parent.set(key, change.add().deepCopy());
      }
    } else if (change.remove()) {
      if (existing == null) {
        problem(change, "the source no longer has " + change.target() + ": drop the change");
      } else {
        parent.remove(key);
      }
    } else if (existing == null) {
      problem(change, change.target() + " is not there to patch; the source may have dropped it (or use add)");
    } else {
      parent.set(key, patched(change, existing));
    }
  }

  private void property(Change change, ObjectNode schema, List<String> path) {
    ObjectNode holder = schema;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = holder.path("properties").get(path.get(i));
      if (!(next instanceof ObjectNode object)) {
        return; // reported as unused
      }
      holder = object;
    }
    String name = path.get(path.size() - 1);
    ObjectNode properties = JsonTrees.child(holder, "properties");
    if (change.remove() && properties.has(name)) {
      JsonTrees.removeRequired(holder, name);
    }
    member(change, properties, name);
  }

  /** The node with the change's patch applied; a patch that changes nothing is a problem. */
  private JsonNode patched(Change change, JsonNode node) {
    use(change);
    JsonNode patched = JsonTrees.mergePatch(node, change.patch());
    if (patched.equals(node)) {
      problem(change, "changes nothing: the source now says the same; drop it");
    }
    return patched;
  }

  private Optional<Change> find(Kind kind, String operationId, String schema) {
    return changes.stream()
        .filter(c -> c.target().kind() == kind)
        .filter(c -> operationId == null || operationId.equals(c.target().operationId()))
        .filter(c -> schema == null || schema.equals(c.target().schema()))
        .findFirst();
  }

  private void use(Change change) {
    uses.merge(change, 1, Integer::sum);
  }

  private void problem(Change change, String message) {
    problems.add(change.line() + ": " + message);
  }
}
