package io.github.harnessreactive.core.exception;

/** Harness failed to process the request (HTTP 5xx). 500, 502, 503 and 504 are retryable. */
public class ServerErrorException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public ServerErrorException(HarnessError error) {
    super(error);
  }
}
