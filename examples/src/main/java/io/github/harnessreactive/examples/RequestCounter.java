package io.github.harnessreactive.examples;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * Counts, from the client's observations, the HTTP requests sent, the 429s received and the
 * retries made: what an application would feed into its metrics.
 */
final class RequestCounter implements ObservationHandler<Observation.Context> {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  /** A registry that reports to this counter. */
  ObservationRegistry registry() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(this);
    return registry;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return true;
  }

  @Override
  public void onStop(Observation.Context context) {
    if (context instanceof ClientRequestObservationContext http) {
      requests.incrementAndGet();
      if (http.getResponse() != null && http.getResponse().statusCode().value() == 429) {
        throttled.incrementAndGet();
      }
    }
  }

  @Override
  public void onEvent(Observation.Event event, Observation.Context context) {
    if ("harness.retry".equals(event.getName())) {
      retries.incrementAndGet();
    }
  }

  long requests() {
    return requests.get();
  }

  long throttled() {
    return throttled.get();
  }

  long retries() {
    return retries.get();
  }
}
