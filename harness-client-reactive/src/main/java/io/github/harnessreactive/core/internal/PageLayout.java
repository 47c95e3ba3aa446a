package io.github.harnessreactive.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where things are in the body of one operation's pages, and how to read them: the item arrays (at
 * dotted paths, {@code ""} for a root array; a shape may have several, such as the SEI 2.0 MTTR
 * drill-down's {@code imRecords}, {@code itsmRecords} and {@code itsmPagerDutyRecords}), the scalar
 * fields the page shape reports metadata in, the reader of one item, and the byte limits of a page
 * and of one item. Immutable and shared by every page of every listing of the operation.
 */
final class PageLayout {

  /**
   * What one page body held.
   *
   * @param items the decoded items, in the order they came, every item array's in turn
   * @param itemsFound whether the body had at least one of the item arrays
   * @param fields the requested scalar fields that were present, by dotted path
   */
  record Content<T>(List<T> items, boolean itemsFound, Map<String, JsonNode> fields) {
  }

  private final JsonMapper mapper;
  private final ObjectReader itemReader;
  private final ObjectReader scalarReader;
  private final List<String> itemPaths;
  private final Set<String> wanted;
  private final long maxPageBytes;
  private final long maxItemBytes;

  /**
   * @param itemPaths the dotted paths of the item arrays, {@code ""} for a root array
   * @param wanted the dotted paths of the scalar fields to keep
   * @param maxPageBytes the largest page body read
   * @param maxItemBytes the largest item read
   */
  PageLayout(JsonMapper mapper, Class<?> itemType, List<String> itemPaths, Set<String> wanted, long maxPageBytes,
      long maxItemBytes) {
    this.mapper = mapper;
    // Items and scalars are read in the middle of the body, so what follows them is not "trailing".
    // Items that are maps are read as RecordMaps: the same entries, for about half the memory.
    this.itemReader = mapper.readerFor(itemType == Map.class ? RecordMap.class : itemType)
        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.scalarReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.itemPaths = List.copyOf(itemPaths);
    this.wanted = Set.copyOf(wanted);
    this.maxPageBytes = maxPageBytes;
    this.maxItemBytes = maxItemBytes;
  }

  JsonMapper mapper() {
    return mapper;
  }

  ObjectReader itemReader() {
    return itemReader;
  }

  ObjectReader scalarReader() {
    return scalarReader;
  }

  long maxPageBytes() {
    return maxPageBytes;
  }

  long maxItemBytes() {
    return maxItemBytes;
  }

  /** Whether the body is a bare array of items. */
  boolean rootArray() {
    return itemPaths.contains("");
  }

  /** Whether this dotted path is an item array. */
  boolean isItems(String path) {
    return itemPaths.contains(path);
  }

  /** Whether a scalar at this dotted path is kept. */
  boolean isWanted(String path) {
    return wanted.contains(path);
  }

  /** Whether an object at this dotted path holds an item array or a wanted field, so it must be walked. */
  boolean leadsSomewhere(String path) {
    String prefix = path + ".";
    for (String items : itemPaths) {
      if (items.startsWith(prefix)) {
        return true;
      }
    }
    for (String field : wanted) {
      if (field.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
