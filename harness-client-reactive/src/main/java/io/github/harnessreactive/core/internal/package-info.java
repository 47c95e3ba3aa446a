/**
 * The runtime's inner workings: not public API, and free to change in any release. No class
 * outside harness-client-reactive's {@code core} packages may use this package (an ArchUnit rule
 * in harness-architecture enforces it).
 *
 * <p>A call goes through two layers. Around the whole logical call, {@link
 * io.github.harnessreactive.core.internal.CallLayer} defers the generated call, maps every failure
 * to a typed error, refreshes a credential once on 401, repeats what {@code RetryDecider} allows,
 * applies the deadline and owns the call's observation and events. For each HTTP attempt, the
 * {@code ExchangeFilterFunction}s assembled by {@code FilterChain} run in order: {@code AttemptFilter}
 * (identifies the operation, records the attempt), {@code RateLimitFilter}, {@code CredentialFilter},
 * {@code AccountScopeFilter}, {@code LoggingFilter}, {@code RedirectFilter},
 * {@code StreamedResponseTimeoutFilter} and, innermost, {@code PathGuardFilter}. {@code CallState}
 * carries what the call is from the first layer to the second.
 *
 * <p>Everything here is package-private except what other packages of the runtime (not other
 * modules) must reach, Java having no narrower visibility across packages:
 * <ul>
 *   <li>{@link io.github.harnessreactive.core.internal.ClientOptions} and
 *       {@link io.github.harnessreactive.core.internal.ClientRuntime}, built by {@code HarnessClient};</li>
 *   <li>{@link io.github.harnessreactive.core.internal.CallLayer} and
 *       {@link io.github.harnessreactive.core.internal.Pager}, used by {@code HarnessApi};</li>
 *   <li>{@link io.github.harnessreactive.core.internal.Digests}, used by the credentials and the rate limiter;</li>
 *   <li>{@link io.github.harnessreactive.core.internal.RuntimeBlockHoundIntegration}, which the JVM's
 *       {@code ServiceLoader} instantiates.</li>
 * </ul>
 */
package io.github.harnessreactive.core.internal;
