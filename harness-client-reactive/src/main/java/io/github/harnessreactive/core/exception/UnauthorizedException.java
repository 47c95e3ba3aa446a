package io.github.harnessreactive.core.exception;

/** The credential is missing, invalid or expired (HTTP 401, or a code such as {@code INVALID_TOKEN}). After a refreshable credential has been refreshed and the call repeated once, a second 401 ends the call with this exception. */
public class UnauthorizedException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public UnauthorizedException(HarnessError error) {
    super(error);
  }
}
