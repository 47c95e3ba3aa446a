/**
 * The reactive runtime of harness-reactive: the client, credentials, the per-call operator and
 * the per-attempt filter chain, pagination and typed errors. Built on the generated client in
 * {@code io.github.harnessreactive.generated}.
 */
package io.github.harnessreactive.core;
