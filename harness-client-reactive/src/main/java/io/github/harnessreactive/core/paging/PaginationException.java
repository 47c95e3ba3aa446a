package io.github.harnessreactive.core.paging;

import io.github.harnessreactive.core.exception.HarnessException;

/**
 * A list could not be streamed safely: the server repeated a page, its page metadata contradicts
 * itself or the request (a total that changes, a page larger than asked, another page than the one
 * asked for), the body has no item array, or the list ran past the maximum number of pages. The
 * message says what was seen. Ending the stream is the honest outcome: going on could repeat or
 * miss items, or never end.
 */
public class PaginationException extends HarnessException {

  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final int pageIndex;

  /**
   * @param operationId the list operation
   * @param pageIndex the 0-based index of the page where the problem was seen
   * @param message what was seen; never a credential
   */
  public PaginationException(String operationId, int pageIndex, String message) {
    super(operationId + ", page " + pageIndex + ": " + message);
    this.operationId = operationId;
    this.pageIndex = pageIndex;
  }

  /** The list operation. */
  public String operationId() {
    return operationId;
  }

  /** The 0-based index of the page where the problem was seen. */
  public int pageIndex() {
    return pageIndex;
  }
}
