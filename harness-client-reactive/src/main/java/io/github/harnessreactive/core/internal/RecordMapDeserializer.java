package io.github.harnessreactive.core.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonTokenId;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads one JSON object into a {@link RecordMap}, with the values Jackson's own untyped binding
 * gives ({@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double},
 * {@code Boolean}, {@code null}, and {@code List} and {@code LinkedHashMap} for nested arrays and
 * objects, which are left to that binding), so an item equals what {@code Map.class} binding made.
 *
 * <p>What makes it cheaper: the records of a listing have the same names in the same order, so it
 * expects the names of the shape it saw last and lets the parser compare the next name's bytes
 * with the expected one ({@link JsonParser#nextName(tools.jackson.core.SerializableString)}),
 * skipping the name's hashing and lookup; a record that differs from the expected names at some
 * field is read name by name from there and matched against the few shapes seen most recently (a
 * listing whose records omit some fields alternates between a few shapes), else gets a new shape.
 * A record with a repeated name keeps the last value, in the place of the first, as a
 * {@code LinkedHashMap} would.
 *
 * <p>The shape expected next is kept per read, in the
 * {@linkplain DeserializationContext#setAttribute context's attributes}: a page's items are read
 * with one context, so listings of different records read at the same time on other threads do
 * not change what one page expects. The first record of a read expects the shape remembered last.
 * Jackson keeps one instance per mapper, used on any number of threads: the remembered shapes are
 * an immutable array replaced as a whole, so a race only loses a shape from the list, and shapes
 * themselves are immutable.
 */
final class RecordMapDeserializer extends StdDeserializer<RecordMap> {

  /** How many shapes are remembered. */
  private static final int RECENT = 8;
  /** The context attribute holding the shape the next record of the read is expected to have. */
  private static final Object EXPECTED = new Object();

  private volatile RecordShape[] recent = new RecordShape[0];
  /** Jackson's binding of {@code Object}; set by {@link #resolve}, which Jackson calls before it uses this deserializer. */
  private ValueDeserializer<Object> untyped;

  RecordMapDeserializer() {
    super(RecordMap.class);
  }

  @Override
  public void resolve(DeserializationContext context) {
    untyped = context.findRootValueDeserializer(context.constructType(Object.class));
  }

  @Override
  public LogicalType logicalType() {
    return LogicalType.Map;
  }

  @Override
  public RecordMap deserialize(JsonParser parser, DeserializationContext context) {
    return switch (parser.currentTokenId()) {
      case JsonTokenId.ID_START_OBJECT -> read(parser, context, false);
      // a caller that buffered or looked ahead may hand over the object after its opening brace
      case JsonTokenId.ID_PROPERTY_NAME, JsonTokenId.ID_END_OBJECT -> read(parser, context, true);
      default -> (RecordMap) context.handleUnexpectedToken(RecordMap.class, parser);
    };
  }

  private RecordMap read(JsonParser parser, DeserializationContext context, boolean inside) {
    RecordShape[] shapes = recent;
    RecordShape kept = (RecordShape) context.getAttribute(EXPECTED);
    RecordShape expected = kept != null ? kept : shapes.length > 0 ? shapes[0] : null;
    Object[] values;
    String[] names;
    int count = 0;
    if (!inside && expected != null) {
      int size = expected.size();
      values = new Object[size];
      while (count < size && parser.nextName(expected.encodedName(count))) {
        values[count] = value(parser, context);
        count++;
      }
      if (count == size && parser.nextToken() == JsonToken.END_OBJECT) {
        expectNext(context, kept, expected);
        return new RecordMap(expected, values);
      }
      // The record differs from the expected names here: read the rest name by name.
      int capacity = Math.max(16, size + 4);
      names = new String[capacity];
      for (int i = 0; i < count; i++) {
        names[i] = expected.name(i);
      }
      values = Arrays.copyOf(values, capacity);
    } else {
      names = new String[16];
      values = new Object[16];
      if (!inside) {
        parser.nextToken();
      }
    }
    for (JsonToken token = parser.currentToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      names[count] = parser.currentName();
      values[count] = value(parser, context);
      count++;
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      return (RecordMap) context.handleUnexpectedToken(RecordMap.class, parser);
    }
    RecordMap record = settle(shapes, names, values, count);
    expectNext(context, kept, record.shape());
    return record;
  }

  /** Makes this shape the one the read's next record is expected to have, if it is not already. */
  private static void expectNext(DeserializationContext context, RecordShape kept, RecordShape shape) {
    if (kept != shape) {
      context.setAttribute(EXPECTED, shape);
    }
  }

  /** The value after the name the parser is at. */
  private Object value(JsonParser parser, DeserializationContext context) {
    return switch (parser.nextToken().id()) {
      case JsonTokenId.ID_STRING -> parser.getString();
      case JsonTokenId.ID_TRUE -> Boolean.TRUE;
      case JsonTokenId.ID_FALSE -> Boolean.FALSE;
      case JsonTokenId.ID_NULL -> null;
      case JsonTokenId.ID_NUMBER_INT -> context.hasSomeOfFeatures(F_MASK_INT_COERCIONS)
          ? untyped.deserialize(parser, context) : parser.getNumberValue();
      default -> untyped.deserialize(parser, context); // nested objects and arrays, floats
    };
  }

  /** The map of a record read name by name: a remembered shape with these names, or a new one. */
  private RecordMap settle(RecordShape[] shapes, String[] names, Object[] values, int count) {
    RecordShape shape = null;
    for (RecordShape candidate : shapes) {
      if (candidate.hasNames(names, count)) {
        shape = candidate;
        break;
      }
    }
    if (shape == null) {
      shape = RecordShape.of(Arrays.copyOf(names, count));
      if (shape == null) {
        return withRepeatedNames(names, values, count);
      }
    }
    if (shapes.length == 0 || shapes[0] != shape) {
      remember(shapes, shape);
    }
    return new RecordMap(shape, count == values.length ? values : Arrays.copyOf(values, count));
  }

  /** Makes this shape the one expected next, keeping the most recent others. */
  private void remember(RecordShape[] shapes, RecordShape shape) {
    RecordShape[] next = new RecordShape[Math.min(RECENT, shapes.length + 1)];
    next[0] = shape;
    int kept = 1;
    for (int i = 0; i < shapes.length && kept < next.length; i++) {
      if (shapes[i] != shape) {
        next[kept++] = shapes[i];
      }
    }
    recent = kept == next.length ? next : Arrays.copyOf(next, kept);
  }

  /** A record that repeats a name: the last value wins, in the first one's place. */
  private static RecordMap withRepeatedNames(String[] names, Object[] values, int count) {
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      fields.put(names[i], values[i]);
    }
    return new RecordMap(RecordShape.of(fields.keySet().toArray(String[]::new)), fields.values().toArray());
  }
}
