package io.github.harnessreactive.core.exception;

/**
 * A call ran out of time: one attempt waited longer than the response timeout, or the whole
 * logical call (every attempt together) passed its deadline.
 */
public class HarnessTimeoutException extends HarnessException {

  private static final long serialVersionUID = 1L;

  private final boolean deadline;

  /**
   * @param message what went wrong; never a credential
   * @param deadline whether the call's overall deadline passed (rather than one attempt's response timeout)
   * @param cause the underlying failure, or {@code null}
   */
  public HarnessTimeoutException(String message, boolean deadline, Throwable cause) {
    super(message, cause);
    this.deadline = deadline;
  }

  /** Whether the overall deadline of the logical call passed (as opposed to one attempt's timeout). */
  public boolean isDeadline() {
    return deadline;
  }

  /** One attempt timing out is retryable; a passed deadline is final. */
  @Override
  public boolean isRetryable() {
    return !deadline;
  }
}
