package io.github.harnessreactive.core.paging;

import org.jspecify.annotations.Nullable;

/**
 * The page a fetch asks for: put {@link #index()} (or, for a cursor shape, {@link #cursor()}) and
 * {@link #size()} where the operation takes them.
 *
 * @param index the page index as the operation counts (from 0, or from 1 for an operation whose
 *     first page is 1); for a cursor shape, the number of pages fetched before this one
 * @param size the page size
 * @param cursor the cursor the previous page handed over, for a cursor shape; {@code null} for the
 *     first page and for index shapes
 */
public record PageRequest(int index, int size, @Nullable String cursor) {

  /**
   * @throws IllegalArgumentException when the index is negative or the size not positive
   */
  public PageRequest {
    if (index < 0 || size <= 0) {
      throw new IllegalArgumentException("page index must be >= 0 and size > 0, got " + index + " and " + size);
    }
  }

  /**
   * A request by index, with no cursor.
   *
   * @throws IllegalArgumentException when the index is negative or the size not positive
   */
  public PageRequest(int index, int size) {
    this(index, size, null);
  }
}
