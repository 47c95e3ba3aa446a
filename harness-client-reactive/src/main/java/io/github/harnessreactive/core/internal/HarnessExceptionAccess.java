package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.RetryRefusal;

/**
 * Lets the runtime set what {@link HarnessException} says about a retry refused and about where a
 * failed listing resumes, without public setters on the exception (azure-core's access-helper
 * pattern): the exception class hands its accessor over when it is initialised. Public because the
 * exception lives in another package of the runtime; not API.
 */
public final class HarnessExceptionAccess {

  /** What the exception lets the runtime set. */
  public interface Accessor {

    /** Records why a retryable failure was not repeated. */
    void refused(HarnessException exception, RetryRefusal refusal);

    /** Records the continuation token that resumes the listing the failure ended. */
    void resumableFrom(HarnessException exception, String continuationToken);
  }

  private static volatile Accessor accessor;

  private HarnessExceptionAccess() {
  }

  /**
   * Called once, by {@link HarnessException}'s static initialiser.
   *
   * @throws IllegalStateException when an accessor was already set
   */
  public static void setAccessor(Accessor value) {
    if (accessor != null) {
      throw new IllegalStateException("the accessor of HarnessException is already set");
    }
    accessor = value;
  }

  static void refused(HarnessException exception, RetryRefusal refusal) {
    accessor.refused(exception, refusal);
  }

  static void resumableFrom(HarnessException exception, String continuationToken) {
    accessor.resumableFrom(exception, continuationToken);
  }
}
