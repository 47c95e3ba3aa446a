package io.github.harnessreactive.core.exception;

/** The credential is valid but lacks permission (HTTP 403, or a code such as {@code ACCESS_DENIED}). */
public class ForbiddenException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public ForbiddenException(HarnessError error) {
    super(error);
  }
}
