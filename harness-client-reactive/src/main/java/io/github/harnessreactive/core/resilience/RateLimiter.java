package io.github.harnessreactive.core.resilience;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Paces requests per partition, a partition being everything sent with one credential (keyed by
 * its {@linkplain io.github.harnessreactive.core.credentials.HarnessCredential#identity() identity}).
 * The runtime asks for one permit per HTTP attempt (page fetches, retries and 401 re-tries
 * included) and reports every time Harness throttled a request.
 *
 * <p>Implementations must never block: waiting is a timer, and the returned {@code Mono} is how
 * the caller waits. The default is {@link TokenBucketRateLimiter}.
 */
public interface RateLimiter {

  /**
   * A permit for one attempt. Completes (empty) when the attempt may be sent. Cancelling the
   * subscription gives up the place in the queue without consuming a permit; a full queue fails at
   * once with {@link RateLimitQueueFullException}.
   */
  Mono<Void> acquire(String partition);

  /**
   * Harness refused a request of the partition as over its limit (HTTP 429, or a
   * {@code TOO_MANY_REQUESTS} code). The contract: the partition pauses, so that no permit is
   * granted until the pause ends (for {@code retryAfter} when the response gave one, otherwise
   * the limiter's own pause), and then slows down. Called before the call layer decides to retry;
   * the retry then waits its own backoff and asks for a permit, so it goes out after
   * {@code max(pause, backoff)}. A limiter that does not pause (a no-op implementation) still
   * cannot turn 429s into a tight loop: the backoff and the attempt limit bound the retries, but
   * it leaves Harness's window to the backoff alone. Must not block.
   *
   * @param retryAfter the response's {@code Retry-After}, or {@code null}
   */
  void throttled(String partition, Duration retryAfter);
}
