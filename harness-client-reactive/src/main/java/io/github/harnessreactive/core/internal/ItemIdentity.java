package io.github.harnessreactive.core.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What identifies an item of a list, read from the item at the dotted path the operation's paging
 * names (such as {@code id} or {@code project.identifier}), or at several paths separated by commas
 * when one field is unique only within another ({@code project.orgIdentifier,project.identifier}
 * for the projects of several organizations): through the getter a generated model
 * annotates with {@code @JsonProperty} of that name, from a {@code Map} by key, or from a
 * {@code JsonNode} by field. The guards that compare items across pages (a repeated page, a list
 * that shifted) compare these identities, so items that are equal without being the same record
 * (identical aggregate rows) never end a listing. Thread-safe; the getters found are cached.
 */
final class ItemIdentity {

  private static final Map<Class<?>, Map<String, Method>> GETTERS = new ConcurrentHashMap<>();
  private static final Method NONE;

  static {
    try {
      NONE = Object.class.getMethod("hashCode");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String[][] paths;

  private ItemIdentity(String paths) {
    this.paths = Arrays.stream(paths.split(",")).map(path -> path.strip().split("\\.")).toArray(String[][]::new);
  }

  /** The identity at this dotted path; {@code null} when the operation's items have none. */
  static ItemIdentity at(String path) {
    return path == null || path.isBlank() ? null : new ItemIdentity(path);
  }

  /**
   * The item's identity: the value at the path (the list of the values at several paths, where a
   * missing one is a {@code null} part), or {@code null} when the item has none there (a null on
   * the way, or a type with no such property), which the guards treat as "not comparable".
   */
  Object of(Object item) {
    if (paths.length == 1) {
      return valueAt(item, paths[0]);
    }
    // A missing part is a value of its own (an account-level connector has no organization); an item
    // with none of the parts has no identity.
    List<Object> values = new ArrayList<>(paths.length);
    boolean any = false;
    for (String[] path : paths) {
      Object value = valueAt(item, path);
      any |= value != null;
      values.add(value);
    }
    return any ? values : null;
  }

  private static Object valueAt(Object item, String[] path) {
    Object value = item;
    for (String name : path) {
      if (value == null) {
        return null;
      }
      value = property(value, name);
    }
    return value instanceof JsonNode node ? (node.isNull() || node.isMissingNode() ? null : node) : value;
  }

  private static Object property(Object value, String name) {
    if (value instanceof Map<?, ?> map) {
      return map.get(name);
    }
    if (value instanceof JsonNode node) {
      return node.get(name);
    }
    Method getter = GETTERS.computeIfAbsent(value.getClass(), type -> new ConcurrentHashMap<>())
        .computeIfAbsent(name, key -> getter(value.getClass(), key));
    if (getter == NONE) {
      return null;
    }
    try {
      return getter.invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }

  /** The public getter annotated with {@code @JsonProperty(name)}, or {@link #NONE}. */
  private static Method getter(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      JsonProperty property = method.getAnnotation(JsonProperty.class);
      if (property != null && method.getParameterCount() == 0 && method.getReturnType() != void.class
          && !Modifier.isStatic(method.getModifiers()) && Objects.equals(property.value(), name)) {
        return method;
      }
    }
    return NONE;
  }

  @Override
  public String toString() {
    return Arrays.stream(paths).map(path -> String.join(".", path)).collect(Collectors.joining(","));
  }
}
