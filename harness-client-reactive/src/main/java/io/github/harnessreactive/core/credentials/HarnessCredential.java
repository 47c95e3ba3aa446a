package io.github.harnessreactive.core.credentials;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A credential for Harness requests: the SPI behind every authentication scheme.
 *
 * <p>Implementations must be thread-safe and must never block: a token that has to be fetched or
 * refreshed is fetched inside the returned {@link Mono}. {@code toString()} must not reveal the
 * secret.
 */
public interface HarnessCredential {

  /**
   * The header for one HTTP attempt. Called once per attempt (retries and page fetches included),
   * so a rotated key or a refreshed token takes effect on the next attempt.
   */
  Mono<AuthHeader> authenticate();

  /**
   * A stable name for whoever this credential authenticates, that is not the secret: the account
   * and token id of a PAT/SAT ({@code pat:<accountId>.<tokenId>}), or a short hash of an opaque
   * key. Harness counts its rate limits per key, so the runtime keys its limiter partitions by this
   * identity (metrics show a short hash of it).
   */
  String identity();

  /** The Harness account the credential belongs to, when the credential itself says so (a PAT or SAT). */
  default Optional<String> accountId() {
    return Optional.empty();
  }

  /**
   * Whether {@link #refresh()} can obtain a new secret. When it can, a call answered 401 is
   * repeated once after a refresh.
   */
  default boolean isRefreshable() {
    return false;
  }

  /** Drops the current secret and obtains a new one; completes when it is ready. */
  default Mono<Void> refresh() {
    return Mono.empty();
  }

  /**
   * A request was refused (401) with this header: drops the secret and obtains a new one if the
   * header is still the current one, and completes at once if it was replaced meanwhile (another
   * call refreshed it), so that many calls refused together cause one refresh, not one each.
   * Completes when the current secret is ready. The default refreshes unconditionally.
   *
   * @param rejected the header the refused request carried, or {@code null} when unknown
   */
  default Mono<Void> refresh(AuthHeader rejected) {
    return refresh();
  }
}
