package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import java.util.List;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * The per-attempt filters, outermost first. WebClient re-runs them for every subscription, so
 * each retry and each page fetch is recorded, paced, authenticated, scoped and logged afresh. Each
 * does what its name says and nothing else; only the first writes what it found into the call's
 * state ({@link CallState}).
 *
 * <ol>
 *   <li>{@link AttemptFilter}: identifies the operation, records the attempt and its response;</li>
 *   <li>{@link RateLimitFilter}: one permit per attempt from the credential's partition, waited for on a timer;</li>
 *   <li>{@link CredentialFilter}: the credential's header for this attempt, where it may be sent;</li>
 *   <li>{@link AccountScopeFilter}: {@code Harness-Account} and the declared account and scope parameters;</li>
 *   <li>{@link LoggingFilter}: the request as it goes out and its response, redacted;</li>
 *   <li>{@link RedirectFilter}: refuses redirects;</li>
 *   <li>{@link StreamedResponseTimeoutFilter}: for a streamed call, the response timeout applies to
 *       the response's arrival only, so a slow consumer holding reading back does not trip it;</li>
 *   <li>{@link PathGuardFilter}: refuses a path with a {@code .} or {@code ..} segment. Innermost, so
 *       it judges the URL exactly as it is sent, after every filter that rewrites it.</li>
 * </ol>
 */
final class FilterChain {

  private FilterChain() {
  }

  static List<ExchangeFilterFunction> of(ClientOptions options, OperationCatalogue catalogue) {
    return List.of(
        new AttemptFilter(catalogue),
        new RateLimitFilter(options.rateLimiter(), options.scheduler()),
        new CredentialFilter(options.allowInsecureHttp()),
        new AccountScopeFilter(options.accountId()),
        new LoggingFilter(),
        new RedirectFilter(),
        new StreamedResponseTimeoutFilter(options.responseTimeout(), options.scheduler()),
        new PathGuardFilter());
  }
}
