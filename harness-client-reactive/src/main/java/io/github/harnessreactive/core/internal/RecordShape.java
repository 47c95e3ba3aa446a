package io.github.harnessreactive.core.internal;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The field names of a record, in the order they came, shared by every {@link RecordMap} whose
 * record had the same names in the same order: the records of one listing nearly always do, so
 * a page of a thousand records holds its names once instead of a thousand times. Immutable, so a
 * shape is shared between threads without locking.
 *
 * <p>Each name is also kept as a {@link SerializableString}, which lets the parser check that the
 * next name in the body is the expected one by comparing bytes
 * ({@link tools.jackson.core.JsonParser#nextName(SerializableString)}), without hashing it.
 */
final class RecordShape {

  private final String[] names;
  private final SerializableString[] encoded;
  /** Each name's position; fewer entries than names when a name repeats. */
  private final Map<String, Integer> positions;

  private RecordShape(String[] names) {
    this.names = names;
    this.encoded = new SerializableString[names.length];
    this.positions = new HashMap<>(names.length * 4 / 3 + 1);
    for (int i = 0; i < names.length; i++) {
      encoded[i] = new SerializedString(names[i]);
      positions.putIfAbsent(names[i], i);
    }
  }

  /**
   * The shape of these names, or {@code null} when a name repeats.
   *
   * @param names the names, in order; the array is taken, not copied
   */
  static RecordShape of(String[] names) {
    RecordShape shape = new RecordShape(names);
    return shape.positions.size() == names.length ? shape : null;
  }

  int size() {
    return names.length;
  }

  String name(int position) {
    return names[position];
  }

  SerializableString encodedName(int position) {
    return encoded[position];
  }

  /** Whether this shape has exactly these names, in this order (the first {@code count} of the array). */
  boolean hasNames(String[] candidate, int count) {
    if (count != names.length) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (!names[i].equals(candidate[i])) {
        return false;
      }
    }
    return true;
  }

  /** The position of this name, or -1. */
  int positionOf(Object name) {
    Integer position = positions.get(name);
    return position == null ? -1 : position;
  }
}
