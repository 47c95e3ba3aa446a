package io.github.harnessreactive.core.resilience;

import io.github.harnessreactive.core.exception.HarnessException;

/**
 * Too many requests are already waiting for a permit of the same credential: the wait queue is
 * bounded so that a burst of demand cannot grow memory without bound. Slow the producer down,
 * or raise {@link RateLimitOptions#maxQueued()}.
 */
public class RateLimitQueueFullException extends HarnessException {

  private static final long serialVersionUID = 1L;

  /**
   * @param partition the partition whose queue is full (a credential identity, never the secret)
   * @param maxQueued the queue's bound
   */
  public RateLimitQueueFullException(String partition, int maxQueued) {
    super("the rate limiter's queue for " + partition + " is full (" + maxQueued + " requests waiting)");
  }
}
