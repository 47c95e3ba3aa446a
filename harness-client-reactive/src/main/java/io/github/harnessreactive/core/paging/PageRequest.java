package io.github.harnessreactive.core.paging;

/**
 * The page a fetch asks for.
 *
 * @param index the 0-based page index
 * @param size the page size
 */
public record PageRequest(int index, int size) {

  public PageRequest {
    if (index < 0 || size <= 0) {
      throw new IllegalArgumentException("page index must be >= 0 and size > 0, got " + index + " and " + size);
    }
  }
}
