package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt: adds the header of the call's credential, fresh for this attempt, after removing any
 * authentication header already on the request, and registers the secret with the call so that
 * anything displayed about it can be scrubbed. Refuses to send a credential where {@link Transport}
 * says it may not go (plain http to a host that is not loopback) unless the client allows it.
 */
final class CredentialFilter implements ExchangeFilterFunction {

  private final boolean allowInsecureHttp;

  CredentialFilter(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.require(context);
      if (!allowInsecureHttp && !Transport.maySendCredential(request.url())) {
        return Mono.error(new HarnessException("refusing to send a credential over plain http to "
            + request.url().getHost() + "; use https, or allow insecure http on the client builder"));
      }
      return state.credential().authenticate().flatMap(header -> {
        state.credentialSent(header);
        ClientRequest authenticated = ClientRequest.from(request)
            .headers(headers -> {
              headers.remove("x-api-key");
              headers.remove(HttpHeaders.AUTHORIZATION);
              headers.set(header.name(), header.value());
            })
            .build();
        return next.exchange(authenticated);
      });
    });
  }
}
