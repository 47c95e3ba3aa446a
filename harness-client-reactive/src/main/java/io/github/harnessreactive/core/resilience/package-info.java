/**
 * Pacing and retries: the client-side rate limiter (one token-bucket partition per credential
 * identity, adaptive on throttling) and the retry policy applied around each logical call.
 *
 * <p>Harness limits requests per API key (400 a minute for {@code x-api-key} requests, 1000 for
 * other API calls) and answers 429 with no {@code Retry-After} and no rate-limit headers, so the
 * client paces itself rather than discovering the limit by being refused.
 */
package io.github.harnessreactive.core.resilience;
