package io.github.harnessreactive.core.internal;

/**
 * A page body the page readers refuse: content after its end, a page or item larger than its limit,
 * or a body that ends in the middle of a value. The error mapping turns it into a
 * {@code ResponseDecodeException} with the attempt's status and URL ({@code ResponseTooLargeException}
 * for the limits); only a body cut short is retried, since any other would come again the same.
 */
final class PageBodyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What was too large, when a limit was passed. */
  enum Limit { PAGE, ITEM }

  final transient Limit limit;
  final long limitBytes;
  final boolean truncated;

  private PageBodyException(String message, Limit limit, long limitBytes, boolean truncated) {
    super(message, null, false, false);
    this.limit = limit;
    this.limitBytes = limitBytes;
    this.truncated = truncated;
  }

  static PageBodyException trailingContent() {
    return new PageBodyException("the page body has content after its end", null, 0, false);
  }

  static PageBodyException truncated() {
    return new PageBodyException("the page body ends in the middle of a value", null, 0, true);
  }

  static PageBodyException pageTooLarge(long limitBytes) {
    return new PageBodyException("the page body is larger than the limit of " + limitBytes + " bytes", Limit.PAGE,
        limitBytes, false);
  }

  static PageBodyException itemTooLarge(long limitBytes) {
    return new PageBodyException("an item of the page is larger than the limit of " + limitBytes + " bytes", Limit.ITEM,
        limitBytes, false);
  }
}
