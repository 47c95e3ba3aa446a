package io.github.harnessreactive.core.exception;

/**
 * The root of every error harness-reactive signals. Messages never contain a credential.
 */
public class HarnessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong; never a credential
   */
  public HarnessException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong; never a credential
   * @param cause the underlying failure, or {@code null}
   */
  public HarnessException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same request may succeed: a throttled, timed-out or transient failure.
   * Whether the runtime actually repeats a call also depends on the call being safe to repeat.
   */
  public boolean isRetryable() {
    return false;
  }
}
