package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.exception.HarnessException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt: adds the header of the call's credential (the context's override, else the
 * client's), fresh for this attempt, after removing any authentication header already on the
 * request. Refuses to send a credential over plain HTTP to a host that is not loopback unless the
 * client was built to allow it.
 */
final class CredentialFilter implements ExchangeFilterFunction {

  private final HarnessCredential defaultCredential;
  private final boolean allowInsecureHttp;

  CredentialFilter(HarnessCredential defaultCredential, boolean allowInsecureHttp) {
    this.defaultCredential = defaultCredential;
    this.allowInsecureHttp = allowInsecureHttp;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.from(context).orElse(null);
      HarnessCredential credential = state != null ? state.credential() : defaultCredential;
      if (!allowInsecureHttp && !Transport.isSafe(request.url())) {
        return Mono.error(new HarnessException("refusing to send a credential over plain http to "
            + request.url().getHost() + "; use https, or allow insecure http on the client builder"));
      }
      return credential.authenticate().flatMap(header -> {
        if (state != null) {
          state.secretSent(header.value());
        }
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

  /** Which URLs may carry a credential without opting in: https, or http to a loopback host. */
  static final class Transport {

    private Transport() {
    }

    static boolean isSafe(URI url) {
      return "https".equalsIgnoreCase(url.getScheme()) || isLoopback(url.getHost());
    }

    /** Loopback by name or literal address only; never a DNS look-up, which would block. */
    static boolean isLoopback(String host) {
      if (host == null) {
        return false;
      }
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return "localhost".equalsIgnoreCase(h) || h.matches("127(\\.\\d{1,3}){3}") || "::1".equals(h)
          || "0:0:0:0:0:0:0:1".equals(h);
    }
  }
}
