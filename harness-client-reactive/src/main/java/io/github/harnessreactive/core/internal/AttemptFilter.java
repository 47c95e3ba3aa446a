package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import java.net.URI;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt, first: identifies the call's operation (once per call, by the method and the URI
 * template the generated code sets) and records the {@link Attempt} in the call's state: started,
 * then answered with the response's status and headers and the URL as it was finally sent. Errors
 * found later, while the body is decoded, are reported with this record; retry safety and metric
 * tags come from the operation. Nothing else in the chain writes what it found.
 */
final class AttemptFilter implements ExchangeFilterFunction {

  private final OperationCatalogue catalogue;

  AttemptFilter(OperationCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.require(context);
      if (state.operation().isEmpty()) {
        request.attribute(UriTemplates.ATTRIBUTE)
            .flatMap(template -> catalogue.find(state.document(), request.method().name(), template.toString()))
            .ifPresent(state::identified);
      }
      Attempt attempt = state.attempt().next(request.method().name(), request.url());
      state.attempted(attempt);
      return next.exchange(request).doOnNext(response -> state.attempted(
          attempt.answered(response.statusCode().value(), response.headers().asHttpHeaders(), sentTo(response, request))));
    });
  }

  /** The URL the response answered (the request as the later filters rewrote it), else the one this filter saw. */
  private static URI sentTo(ClientResponse response, ClientRequest request) {
    URI sent = response.request().getURI();
    return sent != null && sent.getHost() != null ? sent : request.url();
  }
}
