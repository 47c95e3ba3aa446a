package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.exception.HarnessException;

/**
 * A {@link KeyRotation} that did not complete. The running client uses its old token again, and
 * the new token was revoked unless a suppressed exception says the revocation failed too; the
 * cause is the step's own failure. Never carries a token.
 */
public final class KeyRotationException extends HarnessException {

  private static final long serialVersionUID = 1L;

  /** The steps of a rotation, in order. */
  public enum Step {
    /** Creating the new token (nothing changed yet). */
    CREATE,
    /** The verification call with the new token. */
    VERIFY,
    /** Keeping the new token where the rotation was told to. */
    KEEP,
    /** Revoking the old token. */
    REVOKE
  }

  private final Step step;

  KeyRotationException(Step step, String message, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  /** The step that failed. */
  public Step step() {
    return step;
  }
}
