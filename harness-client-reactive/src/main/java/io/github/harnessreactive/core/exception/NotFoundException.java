package io.github.harnessreactive.core.exception;

/** The resource or route does not exist (HTTP 404, or a code such as {@code RESOURCE_NOT_FOUND_EXCEPTION}, which Harness answers for an unknown route with HTTP 400). */
public class NotFoundException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public NotFoundException(HarnessError error) {
    super(error);
  }
}
