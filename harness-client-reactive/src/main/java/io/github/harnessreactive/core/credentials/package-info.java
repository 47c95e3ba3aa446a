/**
 * Credentials: how a request proves who sends it.
 *
 * <p>{@link io.github.harnessreactive.core.credentials.HarnessCredential} is the SPI; the runtime
 * asks it for the header of every HTTP attempt, so a rotated key or a refreshed token is used from
 * the next attempt on. The implementations cover Harness's schemes:
 * <ul>
 *   <li>{@link io.github.harnessreactive.core.credentials.ApiKeyCredential}: a Platform PAT or SAT, or
 *       an SEI 2.0 API key, in {@code x-api-key};</li>
 *   <li>{@link io.github.harnessreactive.core.credentials.SeiApiKeyCredential}: an SEI v1 API key in
 *       {@code Authorization: ApiKey <key>};</li>
 *   <li>{@link io.github.harnessreactive.core.credentials.BearerTokenCredential}: a bearer token from a
 *       source of the user's, cached and refreshed before it expires.</li>
 * </ul>
 * No credential's {@code toString()} shows its secret.
 */
package io.github.harnessreactive.core.credentials;
