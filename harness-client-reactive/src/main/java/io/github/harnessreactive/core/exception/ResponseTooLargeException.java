package io.github.harnessreactive.core.exception;

/**
 * A response, or one item of a page, is larger than the client's limit for it
 * ({@code HarnessClient.Builder.maxPageBytes}, {@code maxItemBytes}, or the codec limit
 * {@code maxInMemorySize} for a body read whole). The body was not read further. Not retryable:
 * the same request would bring the same body.
 */
public class ResponseTooLargeException extends ResponseDecodeException {

  private static final long serialVersionUID = 1L;

  /** What was too large. */
  public enum Part {
    /** A page body, as a whole. */
    PAGE,
    /** One item of a page. */
    ITEM,
    /** A response body read in one go. */
    BODY
  }

  private final Part part;
  private final long limitBytes;

  /**
   * @param error the attempt's status and URL, with what was too large as its message
   * @param part what was too large
   * @param limitBytes the limit it passed; -1 for a body read by the codecs, whose limit is {@code maxInMemorySize}
   * @param cause the underlying failure, or {@code null}
   */
  public ResponseTooLargeException(HarnessError error, Part part, long limitBytes, Throwable cause) {
    super(error, false, cause);
    this.part = part;
    this.limitBytes = limitBytes;
  }

  /** What was too large. */
  public Part part() {
    return part;
  }

  /** The limit it passed, in bytes; -1 for a body read by the codecs (their limit is {@code maxInMemorySize}). */
  public long limitBytes() {
    return limitBytes;
  }
}
