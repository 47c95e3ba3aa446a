package io.github.harnessreactive.simulator;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import java.time.Duration;

/** Clients of a simulator for tests: the demo key, no retries, a limiter far above any test's pace. */
final class TestClients {

  private TestClients() {
  }

  static HarnessClient.Builder builder(String baseUrl) {
    return HarnessClient.builder().baseUrl(baseUrl).credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY))
        .accountId(SimulatorOptions.DEMO_ACCOUNT).retryPolicy(RetryPolicy.none())
        .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(100_000, Duration.ofSeconds(1))));
  }

  static HarnessClient platform(HarnessSimulator simulator) {
    return builder(simulator.baseUrl()).build();
  }
}
