package io.github.harnessreactive.core.exception;

/**
 * Harness throttled the request: HTTP 429 from its edge limiter, or a {@code TOO_MANY_REQUESTS}
 * code from a service (which Harness may send with HTTP 400). Always retryable.
 */
public class TooManyRequestsException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public TooManyRequestsException(HarnessError error) {
    super(error);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
