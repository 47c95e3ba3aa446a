package io.github.harnessreactive.core.exception;

/**
 * Why the runtime did not repeat a call whose failure might have passed if repeated (see
 * {@link HarnessException#retryRefusal()}).
 *
 * @param reason the rule that refused the retry
 * @param attempts the attempts the call made, the first included
 * @param emitted the items the call had already delivered (a stream), else 0
 */
public record RetryRefusal(Reason reason, int attempts, long emitted) implements java.io.Serializable {

  /** The rules that refuse a retry. */
  public enum Reason {
    /** The call made as many attempts as its retry policy allows. */
    ATTEMPTS_EXHAUSTED,
    /** The client's retry budget is empty: too many calls failed recently (a failure storm). */
    BUDGET_EXHAUSTED,
    /** The operation may have had an effect (a create), so it is not sent twice. */
    NOT_SAFE_TO_REPEAT,
    /** A stream had already delivered items; repeating it would deliver them twice. */
    ALREADY_EMITTED
  }

  /**
   * @throws NullPointerException when {@code reason} is {@code null}
   * @throws IllegalArgumentException when {@code attempts} or {@code emitted} is negative
   */
  public RetryRefusal {
    java.util.Objects.requireNonNull(reason, "reason");
    if (attempts < 0 || emitted < 0) {
      throw new IllegalArgumentException("attempts and emitted must not be negative");
    }
  }

  /** As the exception's message says it: {@code attempts exhausted: 4}, {@code retry budget exhausted}... */
  @Override
  public String toString() {
    return switch (reason) {
      case ATTEMPTS_EXHAUSTED -> "attempts exhausted: " + attempts;
      case BUDGET_EXHAUSTED -> "retry budget exhausted";
      case NOT_SAFE_TO_REPEAT -> "not safe to repeat";
      case ALREADY_EMITTED -> "already emitted: " + emitted + " item(s) had arrived";
    };
  }
}
