package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.RetryRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The meters of one client, when it was given a {@link MeterRegistry}: the retry budget's gauge
 * ({@value #BUDGET}) and the counter of retry decisions ({@value #RETRIES}, tagged {@code client},
 * {@code service}, {@code reason} and {@code outcome}). Without a registry every method does nothing.
 */
final class ClientMeters implements AutoCloseable {

  /** The gauge of the tokens left in the client's retry budget. */
  static final String BUDGET = "harness.retry.budget";
  /** The counter of retry decisions about retryable failures: repeated, or refused and why. */
  static final String RETRIES = "harness.retries";

  private final MeterRegistry registry;
  private final String client;
  private final Gauge budgetGauge;

  ClientMeters(MeterRegistry registry, String client, RetryBudget budget) {
    this.registry = registry;
    this.client = client;
    this.budgetGauge = registry == null ? null : Gauge.builder(BUDGET, budget, RetryBudget::available)
        .description("Tokens left in the client's retry budget (a retry costs 5, or 10 after a timeout)")
        .tag("client", client)
        .register(registry);
  }

  /** A retryable failure of a call to this service was repeated ({@code refusal} null) or not (and why). */
  void retryDecided(String service, String reason, RetryRefusal.Reason refusal) {
    if (registry == null) {
      return;
    }
    Counter.builder(RETRIES)
        .description("Retry decisions about retryable failures: retried, or refused and why")
        .tag("client", client)
        .tag("service", service)
        .tag("reason", reason)
        .tag("outcome", refusal == null ? "retried" : refusal.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** Removes the gauge from the registry (counters stay, as their totals remain true). */
  @Override
  public void close() {
    if (budgetGauge != null) {
      registry.remove(budgetGauge);
    }
  }
}
