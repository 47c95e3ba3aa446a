package io.github.harnessreactive.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/** A WebClient filter counting the requests that went out and the 429s that came back. */
final class RequestCounter implements ExchangeFilterFunction {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    requests.incrementAndGet();
    return next.exchange(request).doOnNext(response -> {
      if (response.statusCode().value() == 429) {
        throttled.incrementAndGet();
      }
    });
  }

  long requests() {
    return requests.get();
  }

  long throttled() {
    return throttled.get();
  }
}
