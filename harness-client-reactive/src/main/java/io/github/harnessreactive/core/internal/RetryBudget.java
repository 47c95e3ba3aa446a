package io.github.harnessreactive.core.internal;

/**
 * The retry budget of one client: each retry spends a token, each successful call earns back a
 * fraction of one, up to the capacity. When it is empty, failures are not retried, so a storm of
 * failures cannot multiply the traffic sent to Harness.
 */
final class RetryBudget {

  private final double capacity;
  private final double refill;
  private double tokens;

  RetryBudget(int capacity, double refillPerSuccess) {
    this.capacity = capacity;
    this.refill = refillPerSuccess;
    this.tokens = capacity;
  }

  synchronized boolean trySpend() {
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  synchronized void succeeded() {
    tokens = Math.min(capacity, tokens + refill);
  }
}
