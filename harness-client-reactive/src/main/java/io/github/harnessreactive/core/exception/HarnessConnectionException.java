package io.github.harnessreactive.core.exception;

/**
 * No response arrived: the connection could not be made, was reset, or closed before the response
 * started. Retryable; the runtime repeats it only for calls that are safe to repeat.
 */
public class HarnessConnectionException extends HarnessException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong; never a credential
   * @param cause the underlying failure, or {@code null}
   */
  public HarnessConnectionException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
