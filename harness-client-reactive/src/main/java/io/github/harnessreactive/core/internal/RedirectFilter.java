package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.UnexpectedRedirectException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt: turns a redirect (3xx) into an {@link UnexpectedRedirectException}. Redirects are
 * never followed, so a credential never travels to the host a redirect names.
 *
 * <p>Whatever the {@code Location} holds (an {@code =} in a query value, spaces, garbage, nothing),
 * the error is built only after the response's body has been released, so the connection goes
 * back to the pool, and building it cannot fail: the location is shown redacted, or reduced to its
 * scheme and host when it is no URL ({@link Redactor#location}).
 */
final class RedirectFilter implements ExchangeFilterFunction {

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return next.exchange(request).flatMap(response -> {
      int status = response.statusCode().value();
      if (status >= 300 && status < 400) {
        return response.releaseBody().then(Mono.error(() -> redirect(request, response)));
      }
      return Mono.just(response);
    });
  }

  private static UnexpectedRedirectException redirect(ClientRequest request, ClientResponse response) {
    HttpHeaders headers = response.headers().asHttpHeaders();
    String location = headers.getFirst(HttpHeaders.LOCATION);
    String shownLocation = location == null ? null : Redactor.location(location);
    HarnessError error = HarnessError.of(response.statusCode().value(),
            "Harness answered with a redirect to " + shownLocation + "; redirects are not followed (check the base URL)",
            request.method().name(), Redactor.url(request.url()))
        .withCorrelationId(Redactor.oneLine(headers.getFirst("X-Request-Id"), 200));
    return new UnexpectedRedirectException(error, shownLocation);
  }
}
