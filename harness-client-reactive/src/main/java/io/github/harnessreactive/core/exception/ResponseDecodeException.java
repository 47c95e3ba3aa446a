package io.github.harnessreactive.core.exception;

/**
 * A response could not be decoded: a body that is not the JSON the operation describes, a body
 * cut short, or a connection that broke while the body was read. {@link HarnessError#rawBody()}
 * holds an excerpt of what arrived. A body cut short is retryable; a well-formed body of the
 * wrong shape is not.
 */
public class ResponseDecodeException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  private final boolean truncated;

  /**
   * @param error what Harness said, decoded
   * @param truncated whether the body ended early rather than being malformed
   * @param cause the underlying failure, or {@code null}
   */
  public ResponseDecodeException(HarnessError error, boolean truncated, Throwable cause) {
    super(error, cause);
    this.truncated = truncated;
  }

  /** Whether the body ended early (truncated JSON, a reset mid-body) rather than being malformed. */
  public boolean isTruncated() {
    return truncated;
  }

  @Override
  public boolean isRetryable() {
    return truncated;
  }
}
