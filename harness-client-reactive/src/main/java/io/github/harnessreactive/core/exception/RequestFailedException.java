package io.github.harnessreactive.core.exception;

/** Harness could not process the request (HTTP 402, "Request Failed" in Harness's status table). */
public class RequestFailedException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public RequestFailedException(HarnessError error) {
    super(error);
  }
}
