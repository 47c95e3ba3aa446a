package io.github.harnessreactive.core.exception;

/**
 * The request never left the client: every connection of its pool was busy and the request could
 * not wait for one any longer, because the pool's acquire timeout passed or too many requests were
 * already waiting ({@code HarnessClient.Builder.poolAcquireTimeout}, {@code maxPendingAcquires}).
 * The client is overloaded, not Harness unreachable, so it is not retried: repeating would add to
 * the load that caused it. Raise {@code maxConnections}, or send fewer requests at once.
 */
public class ConnectionPoolExhaustedException extends HarnessException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened; never a credential
   * @param cause the connection pool's own failure
   */
  public ConnectionPoolExhaustedException(String message, Throwable cause) {
    super(message, cause);
  }
}
