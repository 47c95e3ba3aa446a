package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.resilience.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Per attempt: waits for one permit of the partition of the call's credential before the request
 * goes on, and reports the wait to the call's events. Cancelling while waiting gives the place up
 * without a permit.
 */
final class RateLimitFilter implements ExchangeFilterFunction {

  private final RateLimiter limiter;
  private final Scheduler clock;

  RateLimitFilter(RateLimiter limiter, Scheduler clock) {
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.require(context);
      long start = clock.now(TimeUnit.NANOSECONDS);
      return limiter.acquire(state.credential().identity()).then(Mono.defer(() -> {
        state.events().rateLimitWaited(Duration.ofNanos(clock.now(TimeUnit.NANOSECONDS) - start));
        return next.exchange(request);
      }));
    });
  }
}
