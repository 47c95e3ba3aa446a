package io.github.harnessreactive.core.internal;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * Reads a whole page body in one pass of Jackson's ordinary parser, straight from the body's
 * joined buffer (no copy into a {@code byte[]}): each item array is bound with one Jackson context
 * for all its items (a {@link MappingIterator}), the scalar fields of the layout are kept, and
 * everything else is skipped without being built. A body with content after its end, or an item
 * larger than the layout's limit, fails with {@link PageBodyException}; JSON that breaks off fails
 * with Jackson's own exception, which the error mapping recognises as a body cut short.
 */
final class WholePageReader {

  private final PageLayout layout;

  WholePageReader(PageLayout layout) {
    this.layout = layout;
  }

  /**
   * @param body the whole body; read, not released (the caller owns it)
   * @param expectedItems how many items to make room for (the page size asked for)
   */
  <T> PageLayout.Content<T> read(DataBuffer body, int expectedItems) {
    Reading<T> reading = new Reading<>(expectedItems);
    try (JsonParser parser = parser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return reading.content();
      }
      if (layout.rootArray()) {
        readItems(parser, first, reading);
      } else if (first == JsonToken.START_OBJECT) {
        walkObject(parser, "", reading);
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw PageBodyException.trailingContent();
      }
    }
    return reading.content();
  }

  /** A parser over the buffer's own bytes when it has a heap array, else over a stream of it. */
  private JsonParser parser(DataBuffer body) {
    try (DataBuffer.ByteBufferIterator buffers = body.readableByteBuffers()) {
      if (buffers.hasNext()) {
        ByteBuffer first = buffers.next();
        if (!buffers.hasNext() && first.hasArray()) {
          return layout.mapper().createParser(first.array(), first.arrayOffset() + first.position(), first.remaining());
        }
      }
    }
    InputStream stream = body.asInputStream(false);
    return layout.mapper().createParser(stream);
  }

  /** What one read has found so far. */
  private static final class Reading<T> {
    final List<T> items;
    final Map<String, JsonNode> fields = new HashMap<>();
    boolean found;

    Reading(int expectedItems) {
      this.items = new ArrayList<>(Math.max(0, Math.min(expectedItems, 10_000)));
    }

    PageLayout.Content<T> content() {
      return new PageLayout.Content<>(items, found, fields);
    }
  }

  private <T> void walkObject(JsonParser parser, String path, Reading<T> reading) {
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      String child = path.isEmpty() ? name : path + "." + name;
      JsonToken value = parser.nextToken();
      if (layout.isItems(child)) {
        readItems(parser, value, reading);
      } else if (value.isScalarValue() && layout.isWanted(child)) {
        reading.fields.put(child, layout.scalarReader().readValue(parser));
      } else if (value == JsonToken.START_OBJECT && layout.leadsSomewhere(child)) {
        walkObject(parser, child, reading);
      } else {
        parser.skipChildren();
      }
    }
  }

  /** Binds every element of the array the parser is at, with one Jackson context for them all. */
  private <T> void readItems(JsonParser parser, JsonToken token, Reading<T> reading) {
    if (token != JsonToken.START_ARRAY) {
      parser.skipChildren(); // null or not an array: the items are not there
      return;
    }
    reading.found = true;
    if (parser.nextToken() == JsonToken.END_ARRAY) {
      return;
    }
    // Positioned at the first element, the iterator reads the elements and stops at the array's end.
    long limit = layout.maxItemBytes();
    try (MappingIterator<T> items = layout.itemReader().readValues(parser)) {
      while (items.hasNextValue()) {
        long start = offset(parser.currentTokenLocation());
        reading.items.add(items.nextValue());
        if (offset(parser.currentLocation()) - start > limit) {
          throw PageBodyException.itemTooLarge(limit);
        }
      }
    }
  }

  private static long offset(TokenStreamLocation location) {
    long bytes = location.getByteOffset();
    return bytes >= 0 ? bytes : location.getCharOffset();
  }
}
