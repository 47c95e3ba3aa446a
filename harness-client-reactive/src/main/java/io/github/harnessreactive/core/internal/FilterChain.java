package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import java.util.List;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * The per-attempt filters, outermost first. WebClient re-runs them for every subscription, so
 * each retry and each page fetch is authenticated, scoped and logged afresh.
 *
 * <ol>
 *   <li>{@link RateLimitFilter}: one permit per attempt from the credential's partition, waited for on a timer;</li>
 *   <li>{@link CredentialFilter}: the credential's header for this attempt;</li>
 *   <li>{@link AccountScopeFilter}: {@code Harness-Account} and the declared account and scope parameters;</li>
 *   <li>{@link LoggingFilter}: the request as it goes out, redacted;</li>
 *   <li>{@link ResponseGuardFilter}: records the response, refuses redirects.</li>
 * </ol>
 */
final class FilterChain {

  private FilterChain() {
  }

  static List<ExchangeFilterFunction> of(ClientOptions options, OperationCatalogue catalogue) {
    return List.of(
        new RateLimitFilter(options.rateLimiter(), options.credential()),
        new CredentialFilter(options.credential(), options.allowInsecureHttp()),
        new AccountScopeFilter(options.accountId(), catalogue),
        new LoggingFilter(),
        new ResponseGuardFilter());
  }
}
