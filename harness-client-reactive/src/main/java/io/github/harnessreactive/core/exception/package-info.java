/**
 * The typed errors of harness-reactive.
 *
 * <p>Everything the library signals derives from {@link io.github.harnessreactive.core.exception.HarnessException}.
 * An error response from Harness is a {@link io.github.harnessreactive.core.exception.HarnessApiException}
 * (or one of its subclasses, chosen by Harness's error code first and then by HTTP status), carrying
 * the decoded {@link io.github.harnessreactive.core.exception.HarnessError}. A failure below HTTP is a
 * {@link io.github.harnessreactive.core.exception.HarnessConnectionException}; a logical call past
 * its deadline is a {@link io.github.harnessreactive.core.exception.HarnessTimeoutException}.
 * No exception message, field or {@code toString()} ever contains a credential.
 */
package io.github.harnessreactive.core.exception;
