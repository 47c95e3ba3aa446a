package io.github.harnessreactive.core.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteBufferFeeder;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads a page body as its bytes arrive, with Jackson's non-blocking parser fed each buffer of the
 * body in turn: each item is buffered token by token as it arrives and bound the moment its last
 * token has, then handed to the consumer; the scalar fields of the layout are kept wherever they
 * come (before or after the items); everything else is skipped as it streams by. For early
 * emission, where an item should go downstream as soon as its last byte is in.
 *
 * <p>One reader per attempt; not thread-safe (the body's buffers arrive one at a time). A page or
 * an item over its limit, content after the body's end, or a body that ends in the middle of a
 * value fails with {@link PageBodyException}.
 */
final class StreamingPageReader<T> {

  /** What a container being read is for. */
  private enum Role { WALK, ITEMS }

  private record Frame(Role role, String path) {
  }

  private final PageLayout layout;
  private final Consumer<T> onItem;
  private final JsonParser parser;
  private final ByteBufferFeeder feeder;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Map<String, JsonNode> fields = new HashMap<>();
  private String name;
  private boolean found;
  private boolean ended;
  private int skipDepth;
  private TokenBuffer item;
  private int itemDepth;
  private long itemStart;
  private long bytes;
  private long items;

  StreamingPageReader(PageLayout layout, Consumer<T> onItem) {
    this.layout = layout;
    this.onItem = onItem;
    this.parser = layout.mapper().createNonBlockingByteBufferParser();
    this.feeder = (ByteBufferFeeder) parser.nonBlockingInputFeeder();
  }

  /** Reads what this buffer of the body holds; items completed by it are handed over before this returns. */
  void feed(DataBuffer buffer) {
    bytes += buffer.readableByteCount();
    if (bytes > layout.maxPageBytes()) {
      throw PageBodyException.pageTooLarge(layout.maxPageBytes());
    }
    try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
      while (chunks.hasNext()) {
        ByteBuffer chunk = chunks.next();
        feeder.feedInput(chunk);
        drain();
      }
    }
  }

  /**
   * The body has ended: the page's fields and whether it had its item array.
   *
   * @throws PageBodyException when the body ended in the middle of a value. A token the parser can only
   *     judge at the end of input ({@code fa} of a cut {@code false}) counts as cut short too: the document
   *     was not complete when the body ended, whatever the token would have become.
   */
  PageLayout.Content<T> end() {
    feeder.endOfInput();
    try {
      drain();
    } catch (StreamReadException cutShort) {
      throw PageBodyException.truncated();
    } finally {
      parser.close();
    }
    if (!ended && (bytes > 0 || !frames.isEmpty())) {
      throw PageBodyException.truncated();
    }
    return new PageLayout.Content<>(List.of(), found, fields);
  }

  /** The bytes of the body read so far. */
  long bytes() {
    return bytes;
  }

  /** The items handed over so far. */
  long items() {
    return items;
  }

  private void drain() {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      if (ended) {
        throw PageBodyException.trailingContent();
      }
      accept(token);
    }
  }

  private void accept(JsonToken token) {
    if (item != null) {
      buffer(token);
    } else if (skipDepth > 0) {
      skipDepth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      endIfTopLevel();
    } else if (token == JsonToken.PROPERTY_NAME) {
      name = parser.currentName();
    } else if (token.isStructEnd()) {
      frames.pop();
      endIfTopLevel();
    } else {
      value(token);
    }
  }

  /** A value in the current container: a new container, an item, a kept field, or something to skip. */
  private void value(JsonToken token) {
    Frame parent = frames.peek();
    if (parent != null && parent.role() == Role.ITEMS) {
      startItem(token);
      return;
    }
    String path = parent == null ? "" : parent.path().isEmpty() ? name : parent.path() + "." + name;
    if (token == JsonToken.START_ARRAY && (parent == null ? layout.rootArray() : layout.isItems(path))) {
      found = true;
      frames.push(new Frame(Role.ITEMS, path));
    } else if (token == JsonToken.START_OBJECT && (parent == null || layout.leadsSomewhere(path))) {
      frames.push(new Frame(Role.WALK, path));
    } else if (token.isStructStart()) {
      skipDepth = 1;
    } else if (parent != null && layout.isWanted(path)) {
      fields.put(path, layout.scalarReader().readValue(parser));
    } else if (parent == null) {
      ended = true; // a scalar body
    }
  }

  private void startItem(JsonToken token) {
    itemStart = parser.currentTokenLocation().getByteOffset();
    item = TokenBuffer.forBuffering(parser, parser.objectReadContext());
    itemDepth = 0;
    buffer(token);
  }

  private void buffer(JsonToken token) {
    item.copyCurrentEvent(parser);
    itemDepth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
    if (parser.currentLocation().getByteOffset() - itemStart > layout.maxItemBytes()) {
      throw PageBodyException.itemTooLarge(layout.maxItemBytes());
    }
    if (itemDepth == 0) {
      TokenBuffer done = item;
      item = null;
      try (JsonParser tokens = done.asParserOnFirstToken(parser.objectReadContext())) {
        T value = layout.itemReader().readValue(tokens);
        items++;
        onItem.accept(value);
      }
    }
  }

  private void endIfTopLevel() {
    if (frames.isEmpty() && skipDepth == 0) {
      ended = true;
    }
  }
}
