package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.resilience.RetryPolicy;

/**
 * The retry budget of one client (see {@link RetryPolicy.Budget}): a bucket of tokens that retries
 * spend, that a success after retrying refills by the cost of its last retry, and that a
 * first-attempt success tops up. Thread-safe.
 */
final class RetryBudget {

  private final RetryPolicy.Budget options;
  private int tokens;

  RetryBudget(RetryPolicy.Budget options) {
    this.options = options;
    this.tokens = options.capacity();
  }

  /** What a retry after this failure costs: more after a timeout or a connection failure. */
  int costOf(boolean outage) {
    return outage ? options.timeoutRetryCost() : options.retryCost();
  }

  /** Spends {@code cost} tokens if there are as many; false (and nothing spent) otherwise. */
  synchronized boolean trySpend(int cost) {
    if (tokens < cost) {
      return false;
    }
    tokens -= cost;
    return true;
  }

  /** A call succeeded: after retrying, the cost of its last retry comes back; at its first attempt, the reward. */
  synchronized void succeeded(int lastRetryCost, boolean retried) {
    tokens = Math.min(options.capacity(), tokens + (retried ? lastRetryCost : options.successReward()));
  }

  /** The tokens left. */
  synchronized int available() {
    return tokens;
  }
}
