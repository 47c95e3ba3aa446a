package io.github.harnessreactive.ratelimit.redis;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Three application instances on one Harness key, as three replicas would run: each its own
 * {@link HarnessClient} with its own limiter, every request marked with an {@code X-Instance}
 * header so that the simulator's journal tells them apart.
 */
final class Fleet implements AutoCloseable {

  static final String PARTITION = ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY).identity();

  private final List<HarnessClient> clients;

  Fleet(HarnessSimulator simulator, List<? extends RateLimiter> limiters) {
    this.clients = IntStream.range(0, limiters.size()).mapToObj(i -> HarnessClient.builder()
        .baseUrl(simulator.baseUrl()).credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY))
        .rateLimiter(limiters.get(i))
        .webClientBuilder(WebClient.builder().defaultHeader("X-Instance", String.valueOf(i)))
        .build()).toList();
  }

  /** A simulator with this limit per key, answering {@link #stream}'s listing with more sampled projects than any test reads. */
  static SimulatorOptions simulator(int limit, Duration window) {
    return SimulatorOptions.defaults().withState(false).withRequestLimit(limit, window)
        .withListSize("listProjects", 1_000_000);
  }

  /** One call from each instance (connections, classes, the first permits), before anything is measured. */
  void warmUp() {
    Flux.fromIterable(clients).flatMap(client -> PlatformClient.of(client).projects().get("default", "warm_up"))
        .then().block(Duration.ofSeconds(10));
  }

  /** Every instance streams projects, one request per page, for {@code time}; the items received. */
  Flux<Object> stream(Duration time) {
    return Flux.fromIterable(clients)
        .flatMap(client -> PlatformClient.of(client).projects().list("default").withPageSize(1))
        .take(time)
        .cast(Object.class);
  }

  @Override
  public void close() {
    clients.forEach(HarnessClient::close);
  }
}
