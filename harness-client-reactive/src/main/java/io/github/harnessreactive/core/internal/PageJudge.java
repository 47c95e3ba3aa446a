package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.catalogue.PageShape.Meta;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.paging.PaginationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Judges the pages of one operation's listings, with no I/O: given where a listing stands and what
 * a page holds, whether the page may be delivered, whether it is the last, and where the listing
 * stands after it. A page is judged incrementally ({@link #start}): each item as it is decoded,
 * then the page's metadata once its body has ended, so that the same judgement serves pages read
 * whole and pages whose items go out as they arrive.
 *
 * <p>Checked on each item, before it can be delivered:
 * <ul>
 *   <li>a page holds no more items than were asked for;</li>
 *   <li>the first item is not the previous page's first item (the server ignores the page index
 *       and repeats the page) nor any other item of it (the list shifted: an item was added before
 *       the listing's position, so items may be missed or repeated). Compared by the operation's
 *       item identity ({@link ItemIdentity}); off for operations whose items have none, so equal
 *       rows that are not the same record never end a listing.</li>
 * </ul>
 * Checked when the page's body has ended, so with early emission only after its items went out
 * (SEI v1 sends {@code _metadata} after {@code records}):
 * <ul>
 *   <li>the body has one of the item arrays;</li>
 *   <li>the page index the server reports is the one asked for;</li>
 *   <li>the total does not change between pages, and the items seen do not pass it;</li>
 *   <li>a cursor does not hand back the cursor it was asked with (the listing would loop);</li>
 *   <li>on the last page, items missing against the total are reported, and fail a strict listing
 *       after the page.</li>
 * </ul>
 * The last page is the first that is empty, or that the metadata calls last (no next page, no next
 * cursor, the last page index, the total reached), or, for a shape that reports none of these, the
 * first with fewer items than asked for. A negative total means "not reported". Thread-safe: a
 * judge holds only configuration, a {@link Judgement} the state of one page.
 */
final class PageJudge {

  private static final Set<Meta> AUTHORITATIVE = EnumSet.of(Meta.HAS_NEXT, Meta.IS_LAST, Meta.TOTAL_PAGES,
      Meta.TOTAL_ITEMS, Meta.NEXT_CURSOR);

  private final String operationId;
  private final PageShape shape;
  private final int firstPage;
  private final List<String> itemPaths;
  private final @Nullable ItemIdentity identity;

  /**
   * @param firstPage the index of the operation's first page, 0 or 1
   * @param itemPaths the dotted paths of the item arrays, for messages
   * @param identity what identifies an item, or {@code null} when items have no identity
   */
  PageJudge(String operationId, PageShape shape, int firstPage, List<String> itemPaths, @Nullable ItemIdentity identity) {
    this.operationId = operationId;
    this.shape = shape;
    this.firstPage = firstPage;
    this.itemPaths = List.copyOf(itemPaths);
    this.identity = identity;
  }

  /** Whether the listing pages by cursor. */
  boolean byCursor() {
    return shape.position() == PageShape.Position.CURSOR;
  }


  /** Starts judging the page the listing asks for at this position. */
  Judgement start(ListingPosition position) {
    return new Judgement(position);
  }

  /**
   * What a page's end decided.
   *
   * @param next where the listing stands after the page
   * @param last whether the page is the last
   * @param totalItems the total the page reports
   * @param totalPages the number of pages it reports
   * @param missingItems on a last page, the items the total says are missing; 0 otherwise
   * @param failAfter when not {@code null}, the listing fails with it after delivering the page
   */
  record Verdict(ListingPosition next, boolean last, OptionalLong totalItems, OptionalLong totalPages,
      long missingItems, @Nullable PaginationException failAfter) {
  }

  /** The judgement of one page, fed its items in order, then its end. Not thread-safe. */
  final class Judgement {
    private final ListingPosition position;
    private final List<Object> identities;
    private int items;

    private Judgement(ListingPosition position) {
      this.position = position;
      this.identities = identity == null ? List.of() : new ArrayList<>(Math.min(position.size(), 10_000));
    }

    /** The number of items judged so far. */
    int items() {
      return items;
    }

    /**
     * What identifies the item judged last (read once, when it was judged), or {@code null} when the
     * operation's items have no identity, that item has none, or no item was judged yet.
     */
    @Nullable Object lastIdentity() {
      return identities.isEmpty() ? null : identities.get(identities.size() - 1);
    }

    /**
     * Judges the next item of the page.
     *
     * @throws PaginationException when the page holds more items than asked for, or its first
     *     item repeats or shifts the previous page
     */
    void item(Object item) {
      if (items == position.size()) {
        throw fail("the page holds more than the " + position.size() + " items asked for");
      }
      if (identity != null) {
        Object id = identity.of(item);
        if (items == 0 && id != null && !position.previousIdentities().isEmpty()) {
          if (id.equals(position.previousIdentities().get(0))) {
            throw fail("the page starts with the previous page's first item: the server ignores the page index"
                + " and repeats the page");
          }
          if (position.previousIdentities().contains(id)) {
            throw fail("item 0 of the page was also on the previous page: the list shifted while it was listed"
                + " (an item was added before it), so items may be missed or repeated; list again");
          }
        }
        identities.add(id);
      }
      items++;
    }

    /**
     * Judges the page once its body has ended.
     *
     * @param itemsFound whether the body had one of the item arrays
     * @param fields the scalar fields of the body the shape reads, by dotted path
     * @param headers the response's headers
     * @param strictTotal whether items missing at the end fail the listing
     * @throws PaginationException when the page contradicts the listing
     */
    Verdict end(boolean itemsFound, Map<String, JsonNode> fields, HttpHeaders headers, boolean strictTotal) {
      Metadata meta = new Metadata(fields, headers);
      if (!itemsFound) {
        throw fail("the body has no item array at " + String.join(", ", itemPaths.stream()
            .map(path -> path.isEmpty() ? "(root)" : "'" + path + "'").toList()) + "; fields seen: " + fields.keySet());
      }
      int index = position.nextIndex();
      OptionalLong reportedIndex = meta.number(Meta.PAGE_INDEX);
      if (!byCursor() && reportedIndex.isPresent() && reportedIndex.getAsLong() != index) {
        throw fail("asked for page " + index + " but the server answered page " + reportedIndex.getAsLong()
            + (reportedIndex.getAsLong() < index ? " again" : ""));
      }
      OptionalLong totalItems = meta.total();
      long total = position.total();
      if (totalItems.isPresent() && total >= 0 && totalItems.getAsLong() != total) {
        throw fail("the total changed from " + total + " to " + totalItems.getAsLong()
            + " during the listing: the data changed underneath, so items may be missed or repeated; list again");
      }
      long seen = position.seen() + items;
      if (totalItems.isPresent() && seen > totalItems.getAsLong()) {
        throw fail("the page brings the items seen to " + seen + ", more than the total of " + totalItems.getAsLong()
            + " the server reports: its metadata contradicts its pages");
      }
      Optional<String> nextCursor = byCursor() ? meta.text(Meta.NEXT_CURSOR).filter(c -> !c.isEmpty()) : Optional.empty();
      if (nextCursor.isPresent() && items > 0 && nextCursor.get().equals(position.cursor())) {
        throw fail("the page hands back the cursor it was asked with: the listing would not advance");
      }
      OptionalLong totalPages = meta.number(Meta.TOTAL_PAGES);
      boolean last = items == 0
          || !shape.isPaged()
          || (byCursor() && nextCursor.isEmpty())
          || meta.bool(Meta.HAS_NEXT).map(next -> !next).orElse(false)
          || meta.bool(Meta.IS_LAST).orElse(false)
          || (!byCursor() && totalPages.isPresent() && index - firstPage + 1 >= totalPages.getAsLong())
          || (totalItems.isPresent() && seen >= totalItems.getAsLong())
          || (!meta.reportsEnd() && items < position.size());

      long missing = last && totalItems.isPresent() ? totalItems.getAsLong() - seen : 0;
      PaginationException failAfter = missing > 0 && strictTotal
          ? fail("the last page leaves " + missing + " of " + totalItems.getAsLong() + " items missing: items were"
              + " removed while the list was read, or the total is stale; list again")
          : null;
      ListingPosition next = new ListingPosition(index + 1, position.size(), seen, totalItems.orElse(total),
          nextCursor.orElse(null), identities);
      return new Verdict(next, last, totalItems, totalPages, missing, failAfter);
    }

    private PaginationException fail(String message) {
      return new PaginationException(operationId, position.nextIndex(), message);
    }
  }

  /** The page's metadata, where the shape says it is. */
  private final class Metadata {
    private final Map<String, JsonNode> fields;
    private final HttpHeaders headers;

    Metadata(Map<String, JsonNode> fields, HttpHeaders headers) {
      this.fields = fields;
      this.headers = headers;
    }

    Optional<String> text(Meta meta) {
      return shape.location(meta).flatMap(location -> {
        if (location.header()) {
          return Optional.ofNullable(headers.getFirst(location.name()));
        }
        JsonNode node = fields.get(location.name());
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
      });
    }

    /** Whether the page reports any end-of-list metadata. */
    boolean reportsEnd() {
      for (Meta meta : AUTHORITATIVE) {
        if (text(meta).isPresent()) {
          return true;
        }
      }
      return byCursor(); // a cursor shape's end is the missing cursor
    }

    /** The total of items the page reports; a negative one means "not reported". */
    OptionalLong total() {
      OptionalLong reported = number(Meta.TOTAL_ITEMS);
      return reported.isPresent() && reported.getAsLong() < 0 ? OptionalLong.empty() : reported;
    }

    OptionalLong number(Meta meta) {
      Optional<String> text = text(meta);
      if (text.isEmpty()) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Long.parseLong(text.get().trim()));
      } catch (NumberFormatException e) {
        throw new PaginationException(operationId, -1, "page metadata " + meta + " is not a number");
      }
    }

    Optional<Boolean> bool(Meta meta) {
      return text(meta).map(value -> Boolean.parseBoolean(value.trim()));
    }
  }

  @Override
  public String toString() {
    return "PageJudge[" + operationId + ", " + shape.name() + (identity == null ? "" : ", identity " + identity) + "]";
  }
}
