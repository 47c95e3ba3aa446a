package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.paging.PageRequest;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.SortEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an SEI v1 list asks for: strict filters, {@code partial} (contains) matches, time ranges
 * ({@code {"$gt": ..., "$lt": ...}} in epoch seconds), the collections ({@code ou_ids}) and the sort
 * order. Immutable; the paging fields ({@code page}, {@code page_size}) are added per page by the
 * stream. Its {@code toString()} is stable, so continuation tokens are bound to it.
 *
 * <pre>{@code
 * ListQuery.all()
 *     .collections(42)
 *     .filter("integration_ids", List.of("4711"))
 *     .partial("title", "fix")
 *     .range("pr_merged_at", Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"))
 *     .sortBy("pr_merged_at", true);
 * }</pre>
 */
public final class ListQuery {

  private static final ListQuery ALL = new ListQuery(Map.of(), Map.of(), List.of(), List.of());

  private final Map<String, Object> filter;
  private final Map<String, Object> partial;
  private final List<Integer> collections;
  private final List<SortEntry> sort;

  private ListQuery(Map<String, Object> filter, Map<String, Object> partial, List<Integer> collections, List<SortEntry> sort) {
    this.filter = Collections.unmodifiableMap(new TreeMap<>(filter));
    this.partial = Collections.unmodifiableMap(new TreeMap<>(partial));
    this.collections = List.copyOf(collections);
    this.sort = List.copyOf(sort);
  }

  /** Everything, in the server's default order. */
  public static ListQuery all() {
    return ALL;
  }

  /** Only records whose field equals the value (or one of the values, for a list). */
  public ListQuery filter(String field, Object value) {
    Map<String, Object> next = new TreeMap<>(filter);
    next.put(requireField(field), Objects.requireNonNull(value, "value"));
    return new ListQuery(next, partial, collections, sort);
  }

  /** Only records whose field contains the text. */
  public ListQuery partial(String field, String contains) {
    Map<String, Object> next = new TreeMap<>(partial);
    next.put(requireField(field), Objects.requireNonNull(contains, "contains"));
    return new ListQuery(filter, next, collections, sort);
  }

  /** Only records whose time field lies strictly between the two instants ({@code $gt}, {@code $lt}, epoch seconds). */
  public ListQuery range(String field, Instant after, Instant before) {
    Map<String, String> bounds = new TreeMap<>();
    bounds.put("$gt", Long.toString(after.getEpochSecond()));
    bounds.put("$lt", Long.toString(before.getEpochSecond()));
    return filter(field, bounds);
  }

  /** Only records of these collections ({@code ou_ids}). */
  public ListQuery collections(Integer... ouIds) {
    Set<Integer> next = new LinkedHashSet<>(collections);
    next.addAll(List.of(ouIds));
    return new ListQuery(filter, partial, new ArrayList<>(next), sort);
  }

  /** Sorted by a field, descending or ascending; call again for a secondary order. */
  public ListQuery sortBy(String field, boolean descending) {
    List<SortEntry> next = new ArrayList<>(sort);
    next.add(new SortEntry().id(requireField(field)).desc(descending));
    return new ListQuery(filter, partial, collections, next);
  }

  /** The request body of one page. */
  public DefaultListRequest toRequest(PageRequest page) {
    DefaultListRequest request = new DefaultListRequest().page(page.index()).pageSize(page.size());
    if (!filter.isEmpty() || !partial.isEmpty()) {
      Map<String, Object> body = new TreeMap<>(filter);
      if (!partial.isEmpty()) {
        body.put("partial", partial);
      }
      request.filter(body);
    }
    if (!sort.isEmpty()) {
      request.sort(sort);
    }
    if (!collections.isEmpty()) {
      request.ouIds(new LinkedHashSet<>(collections));
    }
    return request;
  }

  @Override
  public String toString() {
    return "ListQuery[filter=" + filter + ", partial=" + partial + ", ou_ids=" + collections + ", sort="
        + sort.stream().map(s -> s.getId() + (Boolean.FALSE.equals(s.getDesc()) ? " asc" : " desc")).toList() + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ListQuery that && toString().equals(that.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  private static String requireField(String field) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    return field;
  }
}
