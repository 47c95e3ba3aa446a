package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.UnexpectedRedirectException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt, closest to the wire: records the attempt and its response status and headers in
 * the call state (so that errors found later, while the body is decoded, carry them), and turns a
 * redirect into an {@link UnexpectedRedirectException}. Redirects are never followed, so a
 * credential never travels to the host a redirect names.
 */
final class ResponseGuardFilter implements ExchangeFilterFunction {

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.from(context).orElse(null);
      if (state != null) {
        state.attemptStarted(request.method().name(), request.url());
      }
      return next.exchange(request).flatMap(response -> {
        int status = response.statusCode().value();
        if (state != null) {
          state.responseReceived(status, response.headers().asHttpHeaders());
        }
        if (status >= 300 && status < 400) {
          return response.releaseBody().then(Mono.error(redirect(request, response, state)));
        }
        return Mono.just(response);
      });
    });
  }

  private static UnexpectedRedirectException redirect(ClientRequest request, ClientResponse response, CallState state) {
    HttpHeaders headers = response.headers().asHttpHeaders();
    String location = headers.getFirst(HttpHeaders.LOCATION);
    String shownLocation = location == null ? null : Redactor.url(URI.create(location));
    HarnessError error = new HarnessError(response.statusCode().value(), null,
        "Harness answered with a redirect to " + shownLocation + "; redirects are not followed (check the base URL)",
        headers.getFirst("X-Request-Id"), List.of(), List.of(), "", request.method().name(),
        state != null ? state.lastUrl() : Redactor.url(request.url()));
    return new UnexpectedRedirectException(error, shownLocation);
  }
}
