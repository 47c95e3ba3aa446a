package io.github.harnessreactive.core.exception;

import io.github.harnessreactive.core.internal.HarnessExceptionAccess;
import java.util.Optional;

/**
 * The root of every error harness-reactive signals. Messages never contain a credential (nor a
 * continuation token).
 *
 * <p>Besides its type and message, an exception the runtime delivers may say two more things, set
 * by the runtime before it delivers the exception, never afterwards:
 * <ul>
 *   <li>{@link #retryRefusal()}: the failure might have passed if repeated, but a rule refused
 *       the retry (attempts exhausted, retry budget exhausted, not safe to repeat, items already
 *       delivered); the message ends with it, such as {@code (not retried: attempts exhausted: 4)};</li>
 *   <li>{@link #continuationToken()}: the failure ended a listing, and this token resumes it at the
 *       page that failed ({@code PagedFlux.byPage(token)}), once the cause has passed.</li>
 * </ul>
 */
public class HarnessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static {
    HarnessExceptionAccess.setAccessor(new HarnessExceptionAccess.Accessor() {
      @Override
      public void refused(HarnessException exception, RetryRefusal refusal) {
        exception.retryRefusal = refusal;
      }

      @Override
      public void resumableFrom(HarnessException exception, String continuationToken) {
        exception.continuationToken = continuationToken;
      }
    });
  }

  private volatile RetryRefusal retryRefusal;
  private volatile transient String continuationToken;

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
   * Whether the runtime actually repeats a call also depends on the call being safe to repeat, its
   * attempts and the client's retry budget: see {@link #retryRefusal()}.
   */
  public boolean isRetryable() {
    return false;
  }

  /** Why the runtime did not repeat this retryable failure; empty when it was not retryable, or not refused. */
  public Optional<RetryRefusal> retryRefusal() {
    return Optional.ofNullable(retryRefusal);
  }

  /**
   * The continuation token that resumes the listing this failure ended, at the page that failed;
   * empty when the failure did not end a listing, or ended it before its first page. Never part
   * of the message.
   */
  public Optional<String> continuationToken() {
    return Optional.ofNullable(continuationToken);
  }

  /** The message, followed by the retry refusal when there is one. */
  @Override
  public String getMessage() {
    RetryRefusal refusal = retryRefusal;
    String message = super.getMessage();
    return refusal == null ? message : message + " (not retried: " + refusal + ")";
  }
}
