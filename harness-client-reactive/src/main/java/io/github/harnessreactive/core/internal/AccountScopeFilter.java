package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.Identifiers;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Per attempt: scopes the request to one account, the same in the header and in the query.
 *
 * <p>The account is, in order: the {@link HarnessContext} override of the call; else the account
 * the context's credential override names (a PAT or SAT of another account acts for that account,
 * and a context naming both an account and a credential of another account is refused); else the
 * account the request already names (its {@code Harness-Account} header or an account query parameter, as
 * a caller of a generated method passed it); else the client's account; else the one its PAT/SAT
 * names. The {@code Harness-Account} header is always set to it, and so is every account query
 * parameter ({@code accountIdentifier}, {@code routingId}, {@code account}, {@code accountId}) that
 * the operation catalogue says the operation declares (as {@link AttemptFilter} identified it), and
 * only those. Harness reads the header first, so the two never disagree. An account that is not
 * an account id ({@link Identifiers#ACCOUNT_PATTERN}), such as one a generated method was given, is
 * refused before anything is sent.
 *
 * <p>The organization and project overrides of the context fill in {@code orgIdentifier} and
 * {@code projectIdentifier} where the operation declares them and the request leaves them out;
 * values the caller passed are kept.
 */
final class AccountScopeFilter implements ExchangeFilterFunction {

  static final String ACCOUNT_HEADER = "Harness-Account";

  private final String defaultAccountId;

  AccountScopeFilter(String defaultAccountId) {
    this.defaultAccountId = defaultAccountId;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.require(context);
      HarnessContext overrides = state.overrides();
      Optional<OperationInfo> operation = state.operation();
      List<String> accountParameters = operation.map(OperationInfo::accountParameters).orElse(List.of());
      MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(request.url()).build().getQueryParams();

      String account = contextAccount(overrides)
          .or(() -> Stream.concat(Stream.ofNullable(request.headers().getFirst(ACCOUNT_HEADER)),
                  accountParameters.stream().map(query::getFirst))
              .filter(Objects::nonNull).filter(v -> !v.isBlank()).findFirst()
              .map(v -> UriUtils.decode(v, StandardCharsets.UTF_8)))
          .or(() -> Optional.ofNullable(defaultAccountId))
          .or(() -> state.credential().accountId())
          .orElse(null);
      if (account != null) {
        Identifiers.requireAccountId(account, "the account of the request");
      }

      UriComponentsBuilder url = UriComponentsBuilder.fromUri(request.url());
      boolean changed = false;
      if (account != null) {
        for (String parameter : accountParameters) {
          if (!List.of(encode(account)).equals(query.get(parameter))) {
            url.replaceQueryParam(parameter, encode(account));
            changed = true;
          }
        }
      }
      for (String parameter : operation.map(OperationInfo::scopeParameters).orElse(List.of())) {
        Optional<String> value = "orgIdentifier".equals(parameter) ? overrides.orgIdentifier() : overrides.projectIdentifier();
        if (value.isPresent() && !query.containsKey(parameter)) {
          url.queryParam(parameter, encode(value.get()));
          changed = true;
        }
      }
      ClientRequest.Builder scoped = ClientRequest.from(request);
      if (changed) {
        scoped.url(url.build(true).toUri());
      }
      if (account != null) {
        scoped.headers(headers -> headers.set(ACCOUNT_HEADER, account));
      }
      return next.exchange(scoped.build());
    });
  }

  /**
   * The account a call's context makes it act for: its account override, else the account its
   * credential override names.
   *
   * @throws IllegalArgumentException when the context names an account and a credential of another account
   */
  static Optional<String> contextAccount(HarnessContext overrides) {
    Optional<String> named = overrides.credential().flatMap(HarnessCredential::accountId);
    Optional<String> given = overrides.accountId();
    if (given.isPresent() && named.isPresent() && !given.get().equals(named.get())) {
      throw new IllegalArgumentException("the context's account " + given.get()
          + " differs from the account its credential names (" + named.get() + ")");
    }
    return given.or(() -> named);
  }

  private static String encode(String value) {
    return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
  }
}
