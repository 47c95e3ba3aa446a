package io.github.harnessreactive.core.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A bearer token ({@code Authorization: Bearer <token>}) obtained from a source the user supplies,
 * cached, and refreshed before it expires.
 *
 * <ul>
 *   <li>The token is reused until {@code refreshMargin} before it expires; then the next attempt
 *       fetches a new one. If that fetch fails while the old token is still valid, the old token
 *       is used and the next attempt tries again.</li>
 *   <li>Fetches are single-flight: however many calls need a token at once, the source is
 *       subscribed once and all of them get its result.</li>
 *   <li>{@link #refresh()} (after a 401) drops the cached token and fetches a new one.</li>
 *   <li>Time comes from a Reactor {@link Scheduler}, so tests can drive it in virtual time.</li>
 * </ul>
 *
 * <p>Harness documents no public token endpoint, so the source is the user's (an identity
 * provider, a secrets manager...); it is subscribed once per fetch and must not block.
 */
public final class BearerTokenCredential implements HarnessCredential {

  /** The default margin before expiry at which a token is refreshed. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(2);

  private final Mono<AccessToken> source;
  private final String identity;
  private final Duration refreshMargin;
  private final Scheduler clock;
  private final AtomicReference<Mono<AccessToken>> inFlight = new AtomicReference<>();
  private volatile AccessToken cached;

  private BearerTokenCredential(Mono<AccessToken> source, String identity, Duration refreshMargin, Scheduler clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.identity = "bearer:" + Objects.requireNonNull(identity, "identity");
    this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (refreshMargin.isNegative()) {
      throw new IllegalArgumentException("refreshMargin must not be negative");
    }
  }

  /**
   * A bearer credential refreshed {@link #DEFAULT_REFRESH_MARGIN} before expiry.
   *
   * @param identity a stable, non-secret name for the principal the tokens belong to (a client
   *     id, a service account name); it keys the rate-limit partition
   * @param source emits a new token each time it is subscribed
   */
  public static BearerTokenCredential from(String identity, Mono<AccessToken> source) {
    return new BearerTokenCredential(source, identity, DEFAULT_REFRESH_MARGIN, Schedulers.parallel());
  }

  /** The same credential with another refresh margin. */
  public BearerTokenCredential withRefreshMargin(Duration margin) {
    return new BearerTokenCredential(source, identity.substring("bearer:".length()), margin, clock);
  }

  /** The same credential reading time from another scheduler (a virtual-time one in tests). */
  public BearerTokenCredential withClock(Scheduler scheduler) {
    return new BearerTokenCredential(source, identity.substring("bearer:".length()), refreshMargin, scheduler);
  }

  @Override
  public Mono<AuthHeader> authenticate() {
    return token().map(token -> new AuthHeader("Authorization", "Bearer " + token.token()));
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public boolean isRefreshable() {
    return true;
  }

  @Override
  public Mono<Void> refresh() {
    return Mono.defer(() -> {
      cached = null;
      return fetch().then();
    });
  }

  private Mono<AccessToken> token() {
    return Mono.defer(() -> {
      AccessToken current = cached;
      Instant now = now();
      if (current != null && now.isBefore(current.expiresAt().minus(refreshMargin))) {
        return Mono.just(current);
      }
      if (current != null && now.isBefore(current.expiresAt())) {
        // Due for refresh but still valid: a failed refresh must not fail the call.
        return fetch().onErrorResume(e -> Mono.just(current));
      }
      return fetch();
    });
  }

  /**
   * Subscribes the source once for every caller that arrives while a fetch is running. The fetch
   * leaves the in-flight slot before its result reaches anyone, so a caller that was refused with
   * that result (a 401) and asks again always starts a new fetch.
   */
  private Mono<AccessToken> fetch() {
    while (true) {
      Mono<AccessToken> running = inFlight.get();
      if (running != null) {
        return running;
      }
      @SuppressWarnings("unchecked")
      Mono<AccessToken>[] self = new Mono[1];
      self[0] = Mono.defer(() -> source)
          .switchIfEmpty(Mono.error(() -> new IllegalStateException("the token source completed without a token")))
          .doOnNext(token -> cached = token)
          .doOnEach(signal -> {
            if (signal.isOnNext() || signal.isOnError()) {
              inFlight.compareAndSet(self[0], null);
            }
          })
          .cache();
      if (inFlight.compareAndSet(null, self[0])) {
        return self[0];
      }
    }
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS));
  }

  @Override
  public String toString() {
    return "BearerTokenCredential[" + identity + ", token=***]";
  }
}
