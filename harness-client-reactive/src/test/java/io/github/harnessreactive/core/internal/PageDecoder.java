package io.github.harnessreactive.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page reader of version 0.1, kept only as the baseline of {@link PageReadingBenchmark} (the
 * pager now reads pages with {@link WholePageReader} and {@link StreamingPageReader}, without the
 * copy into a {@code byte[]} this one needs). Reads one page body in a single streaming pass: each element of the item array (at a dotted
 * path, or the root array) is decoded straight into the item type, the scalar fields the page
 * shape asks for are kept, and everything else is skipped without being built. So a page costs
 * what decoding its items costs, whatever the envelope around them.
 */
final class PageDecoder {

  /**
   * What one page body held.
   *
   * @param items the decoded items, in order
   * @param itemsFound whether the body had the item array at all
   * @param fields the requested scalar fields that were present, by dotted path
   */
  record RawPage<T>(List<T> items, boolean itemsFound, Map<String, JsonNode> fields) {
  }

  private final JsonMapper mapper;
  private final ObjectReader itemReader;
  private final ObjectReader scalarReader;
  private final List<String> itemPaths;
  private final Set<String> wanted;

  /**
   * @param itemPaths the dotted paths of the item arrays, {@code ""} for a root array
   * @param wanted the dotted paths of scalar fields to keep
   */
  PageDecoder(JsonMapper mapper, Class<?> itemType, List<String> itemPaths, Set<String> wanted) {
    this.mapper = mapper;
    // Items and scalars are read in the middle of the body, so what follows them is not "trailing".
    this.itemReader = mapper.readerFor(itemType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.scalarReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.itemPaths = List.copyOf(itemPaths);
    this.wanted = Set.copyOf(wanted);
  }

  /**
   * Decodes a page body.
   *
   * @throws HarnessJsonDecoder.UndecodableBody when the body is not JSON, not of the item type, or
   *     has content after its end
   */
  <T> RawPage<T> decode(byte[] body) {
    try {
      return read(body);
    } catch (JacksonException e) {
      throw HarnessJsonDecoder.UndecodableBody.of(body, e);
    }
  }

  private <T> RawPage<T> read(byte[] body) {
    Reading<T> reading = new Reading<>();
    try (JsonParser parser = mapper.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return reading.page();
      }
      if (itemPaths.contains("")) {
        reading.found = readItems(parser, first, reading.items);
      } else if (first == JsonToken.START_OBJECT) {
        walkObject(parser, "", reading);
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw HarnessJsonDecoder.UndecodableBody.of(body, new IllegalStateException("content after the end of the page body"));
      }
    }
    return reading.page();
  }

  /** What one decode has read so far. */
  private static final class Reading<T> {
    final List<T> items = new ArrayList<>();
    final Map<String, JsonNode> fields = new HashMap<>();
    boolean found;

    RawPage<T> page() {
      return new RawPage<>(items, found, fields);
    }
  }

  private <T> void walkObject(JsonParser parser, String path, Reading<T> reading) {
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      String child = path.isEmpty() ? name : path + "." + name;
      JsonToken value = parser.nextToken();
      if (itemPaths.contains(child)) {
        reading.found |= readItems(parser, value, reading.items);
      } else if (wanted.contains(child) && value.isScalarValue()) {
        reading.fields.put(child, scalarReader.readValue(parser));
      } else if (value == JsonToken.START_OBJECT && leadsSomewhere(child)) {
        walkObject(parser, child, reading);
      } else {
        parser.skipChildren();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <T> boolean readItems(JsonParser parser, JsonToken token, List<T> items) {
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return false;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add((T) itemReader.readValue(parser));
    }
    return true;
  }

  private boolean leadsSomewhere(String path) {
    String prefix = path + ".";
    return itemPaths.stream().anyMatch(p -> p.startsWith(prefix)) || wanted.stream().anyMatch(w -> w.startsWith(prefix));
  }
}
