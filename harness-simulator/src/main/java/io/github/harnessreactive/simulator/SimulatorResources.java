package io.github.harnessreactive.simulator;

import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.simulator.internal.resources.ResourceStore;
import io.github.harnessreactive.simulator.internal.resources.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stateful resources of a {@link HarnessSimulator}, for a test to set up its data or check it
 * without going through HTTP. What {@link #put} stores is what the API then answers, and what the
 * API stored is what {@link #get} and {@link #list} return: the fields as sent, with the NG API's
 * names ({@code orgIdentifier}, {@code projectIdentifier}); a pipeline's YAML in {@code yaml}.
 *
 * <pre>{@code
 * simulator.resources().put(ResourceType.TEAM, Scope.project("default", "sei"),
 *     Map.of("name", "Payments", "developers", List.of("ana@example.com", "li@example.com")));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SimulatorResources {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$");

  private final ResourceStore store;

  SimulatorResources(ResourceStore store) {
    this.store = store;
  }

  /**
   * Creates a resource, or replaces the one with the same key, as if it had come through the API.
   *
   * @param type what it is
   * @param scope where it lives: the account for organizations and developer records, an
   *     organization for projects, a project for pipelines and teams, any for connectors
   * @param resource its fields; the key field ({@link ResourceType#keyField()}) is required except
   *     for teams, whose {@code refId} is assigned when absent
   * @return the stored fields (with the assigned key and the scope fields)
   * @throws IllegalArgumentException when the scope does not suit the type, the organization or
   *     project does not exist, the key is missing or breaks Harness's identifier pattern, or a
   *     team's {@code refId} is not a positive whole number
   */
  public Map<String, Object> put(ResourceType type, Scope scope, Map<String, ?> resource) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(resource, "resource");
    List<String> path = path(type, scope);
    ObjectNode fields = JSON.valueToTree(resource);
    switch (type) {
      case PROJECT, CONNECTOR, PIPELINE -> {
        if (!store.scopeExists(path)) {
          throw new IllegalArgumentException("the scope " + path + " does not exist: create its organization and project first");
        }
        if (!path.isEmpty()) {
          fields.put("orgIdentifier", path.get(0));
        }
        if (path.size() > 1) {
          fields.put("projectIdentifier", path.get(1));
        }
        if (type == ResourceType.PIPELINE && !fields.has("yaml")) {
          fields.put("yaml", "pipeline:\n  name: " + fields.path("name").asString(key(fields, type)) + "\n  identifier: "
              + key(fields, type) + "\n  stages: []\n");
        }
      }
      case TEAM -> {
        if (!fields.hasNonNull("refId")) {
          fields.put("refId", store.nextNumber());
        }
        if (!fields.get("refId").isIntegralNumber() || fields.get("refId").asLong() < 1) {
          throw new IllegalArgumentException("a team's refId must be a positive whole number");
        }
        store.reserveNumber(fields.get("refId").asLong());
      }
      default -> { }
    }
    String key = key(fields, type);
    if (type != ResourceType.DEVELOPER && type != ResourceType.TEAM && !IDENTIFIER.matcher(key).matches()) {
      throw new IllegalArgumentException("identifier '" + key + "' does not match " + IDENTIFIER.pattern());
    }
    return map(store.put(type, path, key, fields));
  }

  /**
   * One resource.
   *
   * @throws IllegalArgumentException when the scope does not suit the type
   */
  public Optional<Map<String, Object>> get(ResourceType type, Scope scope, String key) {
    return store.get(type, path(type, scope), key).map(SimulatorResources::map);
  }

  /**
   * The resources of a scope, in creation order.
   *
   * @throws IllegalArgumentException when the scope does not suit the type
   */
  public List<Map<String, Object>> list(ResourceType type, Scope scope) {
    List<Map<String, Object>> all = new ArrayList<>();
    store.list(type, path(type, scope)).forEach(r -> all.add(map(r)));
    return all;
  }

  private static String key(ObjectNode fields, ResourceType type) {
    String key = fields.path(type.keyField()).asString("");
    if (key.isBlank()) {
      throw new IllegalArgumentException("a " + type + " needs its " + type.keyField());
    }
    return key;
  }

  private static List<String> path(ResourceType type, Scope scope) {
    Objects.requireNonNull(scope, "scope");
    List<String> path = new ArrayList<>();
    if (scope.orgIdentifier() != null) {
      path.add(scope.orgIdentifier());
    }
    if (scope.projectIdentifier() != null) {
      path.add(scope.projectIdentifier());
    }
    int wanted = switch (type) {
      case ORGANIZATION, DEVELOPER -> 0;
      case PROJECT -> 1;
      case PIPELINE, TEAM -> 2;
      case CONNECTOR, SECRET, TOKEN -> path.size();
    };
    if (path.size() != wanted) {
      throw new IllegalArgumentException(type + " lives at " + switch (wanted) {
        case 0 -> "account";
        case 1 -> "organization";
        default -> "project";
      } + " scope, not " + scope);
    }
    return List.copyOf(path);
  }

  private static Map<String, Object> map(StoredResource resource) {
    return JSON.convertValue(resource.fields(), MAP);
  }
}
