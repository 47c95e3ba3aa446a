package io.github.harnessreactive.core.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One record of a listing whose items are maps ({@code Map<String, Object>}, the SEI records): a
 * map in the order of the record's fields, as a {@link LinkedHashMap} would hold it, that keeps its
 * field names in a {@link RecordShape} shared with the records of the same names and only its
 * values in an array of its own. A page of a thousand records so builds no hash table per record
 * and allocates about half of what a {@code LinkedHashMap} per record does, which is most of the
 * memory and garbage a listing makes.
 *
 * <p>It is an ordinary mutable map: {@link #put}, {@link #remove}, {@link #clear} and the views'
 * removal and {@code setValue} work as in a {@code LinkedHashMap}, and so does the order (a name
 * added, or removed and added again, comes last). Equality and hash code are those of
 * {@link Map}, so it equals a {@code LinkedHashMap} of the same entries. Like
 * {@code LinkedHashMap} it is not thread-safe; unlike it, its iterators are not fail-fast. It is
 * serialised as a {@code LinkedHashMap}.
 */
@JsonDeserialize(using = RecordMapDeserializer.class)
final class RecordMap extends AbstractMap<String, Object> implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;
  /** The value of a position whose name was removed. */
  private static final Object ABSENT = new Object();

  private final transient RecordShape shape;
  private final transient Object[] values;
  private transient int absent;
  /** Names the shape does not have, and names of the shape added again after their removal, in order. */
  private transient LinkedHashMap<String, Object> added;
  private transient Set<Map.Entry<String, Object>> entries;

  /**
   * @param shape the record's names
   * @param values the value of each name of the shape, in the same order; the array is taken, not copied
   */
  RecordMap(RecordShape shape, Object[] values) {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(values.length + " values for " + shape.size() + " names");
    }
    this.shape = shape;
    this.values = values;
  }

  /** The names this record was read with. */
  RecordShape shape() {
    return shape;
  }

  @Override
  public int size() {
    return values.length - absent + (added == null ? 0 : added.size());
  }

  @Override
  public Object get(Object name) {
    int position = shape.positionOf(name);
    if (position >= 0 && values[position] != ABSENT) {
      return values[position];
    }
    return added == null ? null : added.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    int position = shape.positionOf(name);
    if (position >= 0 && values[position] != ABSENT) {
      return true;
    }
    return added != null && added.containsKey(name);
  }

  @Override
  public Object put(String name, Object value) {
    int position = shape.positionOf(name);
    if (position >= 0 && values[position] != ABSENT) {
      Object previous = values[position];
      values[position] = value;
      return previous;
    }
    if (added == null) {
      added = new LinkedHashMap<>();
    }
    return added.put(name, value);
  }

  @Override
  public Object remove(Object name) {
    int position = shape.positionOf(name);
    if (position >= 0 && values[position] != ABSENT) {
      Object previous = values[position];
      values[position] = ABSENT;
      absent++;
      return previous;
    }
    return added == null ? null : added.remove(name);
  }

  @Override
  public void clear() {
    Arrays.fill(values, ABSENT);
    absent = values.length;
    added = null;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    Set<Map.Entry<String, Object>> set = entries;
    if (set == null) {
      entries = set = new Entries();
    }
    return set;
  }

  @Serial
  private Object writeReplace() {
    return new LinkedHashMap<>(this);
  }

  /** The entries: the shape's names that were not removed, in order, then the added ones. */
  private final class Entries extends AbstractSet<Map.Entry<String, Object>> {

    @Override
    public int size() {
      return RecordMap.this.size();
    }

    @Override
    public void clear() {
      RecordMap.this.clear();
    }

    @Override
    public Iterator<Map.Entry<String, Object>> iterator() {
      return new EntryIterator();
    }
  }

  private final class EntryIterator implements Iterator<Map.Entry<String, Object>> {
    private int next = present(0);
    private int last = -1;
    private Iterator<Map.Entry<String, Object>> addedEntries;
    private boolean lastWasAdded;

    private int present(int from) {
      int position = from;
      while (position < values.length && values[position] == ABSENT) {
        position++;
      }
      return position;
    }

    private Iterator<Map.Entry<String, Object>> addedEntries() {
      if (addedEntries == null && added != null) {
        addedEntries = added.entrySet().iterator();
      }
      return addedEntries;
    }

    @Override
    public boolean hasNext() {
      if (next < values.length) {
        return true;
      }
      Iterator<Map.Entry<String, Object>> rest = addedEntries();
      return rest != null && rest.hasNext();
    }

    @Override
    public Map.Entry<String, Object> next() {
      if (next < values.length) {
        last = next;
        lastWasAdded = false;
        next = present(next + 1);
        return new PositionEntry(last);
      }
      Iterator<Map.Entry<String, Object>> rest = addedEntries();
      if (rest == null) {
        throw new NoSuchElementException();
      }
      Map.Entry<String, Object> entry = rest.next();
      last = -1;
      lastWasAdded = true;
      return entry;
    }

    @Override
    public void remove() {
      if (last >= 0 && values[last] != ABSENT) {
        values[last] = ABSENT;
        absent++;
        last = -1;
      } else if (lastWasAdded) {
        addedEntries.remove();
        lastWasAdded = false;
      } else {
        throw new IllegalStateException("next() was not called, or the entry was removed already");
      }
    }
  }

  /** The entry of one of the shape's names, writing through to the map. */
  private final class PositionEntry implements Map.Entry<String, Object> {
    private final int position;

    PositionEntry(int position) {
      this.position = position;
    }

    @Override
    public String getKey() {
      return shape.name(position);
    }

    @Override
    public Object getValue() {
      Object value = values[position];
      return value == ABSENT ? null : value;
    }

    @Override
    public Object setValue(Object value) {
      Object previous = values[position];
      if (previous == ABSENT) {
        throw new IllegalStateException("the entry was removed from the map");
      }
      values[position] = value;
      return previous;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> entry && getKey().equals(entry.getKey())
          && Objects.equals(getValue(), entry.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
