package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.micrometer.observation.Observation;
import java.util.concurrent.TimeUnit;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Per attempt, outermost: waits for one permit of the partition of the call's credential before
 * anything else happens. A wait of a millisecond or more adds a {@code harness.ratelimit.wait}
 * event to the call's observation. Cancelling while waiting gives the place up without a permit.
 */
final class RateLimitFilter implements ExchangeFilterFunction {

  private final RateLimiter limiter;
  private final HarnessCredential defaultCredential;

  RateLimitFilter(RateLimiter limiter, HarnessCredential defaultCredential) {
    this.limiter = limiter;
    this.defaultCredential = defaultCredential;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.from(context).orElse(null);
      HarnessCredential credential = state != null ? state.credential() : defaultCredential;
      long start = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
      return limiter.acquire(credential.identity()).then(Mono.defer(() -> {
        long waited = Schedulers.parallel().now(TimeUnit.MILLISECONDS) - start;
        if (waited >= 1) {
          context.<Observation>getOrEmpty(CallOperator.OBSERVATION_KEY).ifPresent(o -> o.event(
              Observation.Event.of("harness.ratelimit.wait", "waited " + waited + " ms for a permit")));
        }
        return next.exchange(request);
      }));
    });
  }
}
