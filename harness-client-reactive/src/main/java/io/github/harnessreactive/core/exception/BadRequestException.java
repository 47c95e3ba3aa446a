package io.github.harnessreactive.core.exception;

/** Harness refused the request as invalid (HTTP 400 with no more specific code). */
public class BadRequestException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public BadRequestException(HarnessError error) {
    super(error);
  }
}
