package io.github.harnessreactive.core.internal;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a listing stands between two pages: what the next request asks for and what the pages so
 * far have said. Immutable; {@link PageJudge} makes the next one from a page. Everything but the
 * previous page's identities goes into a continuation token.
 *
 * @param nextIndex the index of the next page, as the operation counts (from its first page, 0 or
 *     1); for a cursor shape, the number of pages fetched before the next one
 * @param size the page size asked for
 * @param seen the items delivered so far
 * @param total the total of items the pages report, or -1 before one was reported
 * @param cursor the cursor of the next page, for a cursor shape; {@code null} for the first page
 *     and for index shapes
 * @param previousIdentities the identities of the previous page's items, in order ({@code null}
 *     for an item without one); empty for the first page of a listing or of a resumed one
 */
record ListingPosition(int nextIndex, int size, long seen, long total, @Nullable String cursor,
    List<Object> previousIdentities) {

  ListingPosition {
    previousIdentities = Collections.unmodifiableList(previousIdentities);
  }

  /** The start of a listing, or of a resumed one, with no previous page to compare with. */
  static ListingPosition start(int index, int size, long seen, long total, @Nullable String cursor) {
    return new ListingPosition(index, size, seen, total, cursor, List.of());
  }
}
