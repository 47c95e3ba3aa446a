/**
 * The runtime's inner workings: not public API, and free to change in any release.
 *
 * <p>A call goes through two layers. Around the whole logical call, {@link
 * io.github.harnessreactive.core.internal.CallOperator} defers the generated call, owns the
 * observation, applies the deadline, maps every failure to a typed error and repeats a call once
 * after refreshing a credential on 401. For each HTTP attempt, the {@code ExchangeFilterFunction}s
 * assembled by {@link io.github.harnessreactive.core.internal.FilterChain} apply the credential,
 * the account scope, logging and the response guard.
 */
package io.github.harnessreactive.core.internal;
