package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import java.time.Duration;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClientRequest;

/**
 * Per attempt, closest to the wire, for streamed calls only: Reactor Netty's response timeout
 * counts the time between two reads of the connection, and a consumer that has asked for nothing
 * stops those reads, so it would fail a healthy stream whose consumer is slow. For these calls the
 * timeout bounds the response's arrival (its status and headers) instead, and the call layer
 * bounds the gaps in the body that occur while the consumer waits ({@link CallTimeouts}). Calls
 * answering one value keep Netty's timeout: their body is read in one go.
 */
final class StreamedResponseTimeoutFilter implements ExchangeFilterFunction {

  private final Duration responseTimeout;
  private final Scheduler timer;

  StreamedResponseTimeoutFilter(Duration responseTimeout, Scheduler timer) {
    this.responseTimeout = responseTimeout;
    this.timer = timer;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      if (!CallState.require(context).streamed()) {
        return next.exchange(request);
      }
      ClientRequest withoutReadTimeout = ClientRequest.from(request)
          .httpRequest(http -> {
            if (http.getNativeRequest() instanceof HttpClientRequest netty) {
              netty.responseTimeout(Duration.ZERO); // a zero read timeout is none
            }
          })
          .build();
      return next.exchange(withoutReadTimeout).timeout(responseTimeout, Mono.error(() ->
          new HarnessTimeoutException("no response within the response timeout of " + responseTimeout + " from "
              + request.method().name() + " " + Redactor.url(request.url()), false, null)), timer);
    });
  }
}
