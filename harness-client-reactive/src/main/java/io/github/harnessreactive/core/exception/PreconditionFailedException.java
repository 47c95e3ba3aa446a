package io.github.harnessreactive.core.exception;

/** A precondition of the call does not hold (HTTP 412), for example SEI 2.0 developer calls before the initial upload. */
public class PreconditionFailedException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param error what Harness said, decoded
   */
  public PreconditionFailedException(HarnessError error) {
    super(error);
  }
}
