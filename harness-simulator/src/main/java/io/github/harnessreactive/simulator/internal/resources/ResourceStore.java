package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of a stateful simulator: for each type and scope, the resources in creation order.
 * Starts, and {@linkplain #clear() restarts}, as a fresh Harness account does: with the
 * {@code default} organization. Times come from a logical clock that starts at a fixed instant and
 * moves one second per write, so two runs of the same requests answer the same bytes.
 *
 * <p>Thread-safe: every method holds the store's lock, and each is short.
 */
public final class ResourceStore {

  /** The organization every Harness account has. */
  public static final String DEFAULT_ORG = "default";

  private static final long CLOCK_START = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();

  private record Collection(ResourceType type, List<String> scope) {
  }

  private final Map<Collection, LinkedHashMap<String, StoredResource>> collections = new HashMap<>();
  private long writes;
  private long nextNumber;

  public ResourceStore() {
    clear();
  }

  /** Forgets everything but the {@code default} organization, and restarts the clock. */
  public synchronized void clear() {
    collections.clear();
    writes = 0;
    nextNumber = 1;
    ObjectNode org = JsonNodeFactory.instance.objectNode();
    org.put("identifier", DEFAULT_ORG);
    org.put("name", "Default");
    org.put("description", "The organization every account starts with");
    org.putObject("tags");
    create(ResourceType.ORGANIZATION, List.of(), DEFAULT_ORG, org);
  }

  /** The key a raw identifier is stored under: e-mails are case-insensitive. */
  public static String key(ResourceType type, String raw) {
    return type == ResourceType.DEVELOPER ? raw.toLowerCase(Locale.ROOT) : raw;
  }

  /** A number no team has yet, for resources whose key the store assigns. */
  public synchronized long nextNumber() {
    return nextNumber++;
  }

  /** Records that a number is taken, so {@link #nextNumber()} never hands it out. */
  public synchronized void reserveNumber(long taken) {
    nextNumber = Math.max(nextNumber, taken + 1);
  }

  /** Creates a resource; empty when the scope already holds one with that key. */
  public synchronized Optional<StoredResource> create(ResourceType type, List<String> scope, String key, ObjectNode fields) {
    Map<String, StoredResource> items = collections.computeIfAbsent(new Collection(type, List.copyOf(scope)),
        c -> new LinkedHashMap<>());
    String stored = key(type, key);
    if (items.containsKey(stored)) {
      return Optional.empty();
    }
    long now = tick();
    StoredResource resource = new StoredResource(type, List.copyOf(scope), stored, fields.deepCopy(), now, now, 1, writes);
    items.put(stored, resource);
    return Optional.of(resource);
  }

  /** Creates or replaces a resource (an upsert); a replaced one keeps its creation time and place. */
  public synchronized StoredResource put(ResourceType type, List<String> scope, String key, ObjectNode fields) {
    return replace(type, scope, key, fields).orElseGet(() -> create(type, scope, key, fields).orElseThrow());
  }

  /** Replaces the fields of a resource; empty when there is none. */
  public synchronized Optional<StoredResource> replace(ResourceType type, List<String> scope, String key, ObjectNode fields) {
    Map<String, StoredResource> items = collections.get(new Collection(type, scope));
    String stored = key(type, key);
    StoredResource old = items == null ? null : items.get(stored);
    if (old == null) {
      return Optional.empty();
    }
    StoredResource updated = new StoredResource(type, old.scope(), stored, fields.deepCopy(), old.createdAt(), tick(),
        old.version() + 1, old.sequence());
    items.put(stored, updated);
    return Optional.of(updated);
  }

  /** One resource. */
  public synchronized Optional<StoredResource> get(ResourceType type, List<String> scope, String key) {
    Map<String, StoredResource> items = collections.get(new Collection(type, scope));
    return Optional.ofNullable(items == null ? null : items.get(key(type, key)));
  }

  /** The resource of a type with this key in whichever scope holds it (keys the store assigns are unique). */
  public synchronized Optional<StoredResource> find(ResourceType type, String key) {
    String stored = key(type, key);
    return collections.entrySet().stream()
        .filter(e -> e.getKey().type() == type && e.getValue().containsKey(stored))
        .map(e -> e.getValue().get(stored))
        .findFirst();
  }

  /**
   * Deletes a resource, and when it is an organization or a project, everything inside it.
   *
   * @return the deleted resource; empty when there was none
   */
  public synchronized Optional<StoredResource> delete(ResourceType type, List<String> scope, String key) {
    Map<String, StoredResource> items = collections.get(new Collection(type, scope));
    StoredResource removed = items == null ? null : items.remove(key(type, key));
    if (removed == null) {
      return Optional.empty();
    }
    tick();
    List<String> inner = new ArrayList<>(scope);
    inner.add(removed.key());
    if (type == ResourceType.ORGANIZATION || type == ResourceType.PROJECT) {
      collections.keySet().removeIf(c -> c.scope().size() >= inner.size() && c.scope().subList(0, inner.size()).equals(inner));
    }
    return Optional.of(removed);
  }

  /** The resources of a scope, in creation order. */
  public synchronized List<StoredResource> list(ResourceType type, List<String> scope) {
    Map<String, StoredResource> items = collections.get(new Collection(type, scope));
    return items == null ? List.of() : List.copyOf(items.values());
  }

  /** The resources of a type in every scope, in creation order. */
  public synchronized List<StoredResource> listAll(ResourceType type) {
    return collections.entrySet().stream()
        .filter(e -> e.getKey().type() == type)
        .flatMap(e -> e.getValue().values().stream())
        .sorted(Comparator.comparingLong(StoredResource::sequence))
        .toList();
  }

  /** Whether an organization ({@code [org]}) or a project ({@code [org, project]}) exists; the account always does. */
  public synchronized boolean scopeExists(List<String> scope) {
    return switch (scope.size()) {
      case 0 -> true;
      case 1 -> get(ResourceType.ORGANIZATION, List.of(), scope.get(0)).isPresent();
      default -> get(ResourceType.PROJECT, List.of(scope.get(0)), scope.get(1)).isPresent();
    };
  }

  private long tick() {
    return CLOCK_START + 1000 * writes++;
  }
}
