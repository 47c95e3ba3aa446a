package io.github.harnessreactive.core.credentials;

import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
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
 *       subscribed once and all of them get its result. A caller that gives up (a cancelled call)
 *       does not cancel the fetch the others wait for.</li>
 *   <li>A fetch that takes longer than the fetch timeout (default {@value #DEFAULT_FETCH_TIMEOUT_SECONDS} s,
 *       well under a call's deadline) fails with {@link HarnessTimeoutException} and is given up, so
 *       a source that never answers (an identity provider out of reach, with no timeout of its own)
 *       delays calls by at most the timeout, and the next call fetches again.</li>
 *   <li>After a 401, {@link #refresh(AuthHeader)} fetches a new token only if the refused one is
 *       still the current one: calls refused together with one expired token cause one fetch.
 *       {@link #refresh()} drops the cached token and fetches a new one unconditionally.</li>
 *   <li>Time and the timeout come from a Reactor {@link Scheduler}, so tests can drive them in virtual time.</li>
 * </ul>
 *
 * <p>Harness documents no public token endpoint, so the source is the user's (an identity
 * provider, a secrets manager...); it is subscribed once per fetch and must not block.
 */
public final class BearerTokenCredential implements HarnessCredential {

  /** The default margin before expiry at which a token is refreshed. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(2);

  /** The default fetch timeout, in seconds: well under the client's default deadline (5 min) and response timeout (60 s). */
  public static final long DEFAULT_FETCH_TIMEOUT_SECONDS = 30;

  private static final String PREFIX = "bearer:";

  private final Mono<AccessToken> source;
  private final String identity;
  private final Duration refreshMargin;
  private final Duration fetchTimeout;
  private final Scheduler clock;
  private final AtomicReference<AccessToken> cached = new AtomicReference<>();
  private final AtomicReference<Sinks.One<AccessToken>> inFlight = new AtomicReference<>();

  private BearerTokenCredential(Mono<AccessToken> source, String identity, Duration refreshMargin, Duration fetchTimeout,
      Scheduler clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.identity = PREFIX + Objects.requireNonNull(identity, "identity");
    this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
    this.fetchTimeout = Objects.requireNonNull(fetchTimeout, "fetchTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (refreshMargin.isNegative()) {
      throw new IllegalArgumentException("refreshMargin must not be negative");
    }
    if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
      throw new IllegalArgumentException("fetchTimeout must be positive");
    }
  }

  /**
   * A bearer credential refreshed {@link #DEFAULT_REFRESH_MARGIN} before expiry, whose fetches
   * time out after {@value #DEFAULT_FETCH_TIMEOUT_SECONDS} s.
   *
   * @param identity a stable, non-secret name for the principal the tokens belong to (a client
   *     id, a service account name); it keys the rate-limit partition
   * @param source emits a new token each time it is subscribed
   */
  public static BearerTokenCredential from(String identity, Mono<AccessToken> source) {
    return new BearerTokenCredential(source, identity, DEFAULT_REFRESH_MARGIN,
        Duration.ofSeconds(DEFAULT_FETCH_TIMEOUT_SECONDS), Schedulers.parallel());
  }

  /**
   * The same credential with another refresh margin.
   *
   * @throws IllegalArgumentException when the margin is negative
   */
  public BearerTokenCredential withRefreshMargin(Duration margin) {
    return new BearerTokenCredential(source, bareIdentity(), margin, fetchTimeout, clock);
  }

  /**
   * The same credential giving up a fetch after another timeout; keep it well under the calls'
   * deadline, so that a call waiting for a token still has time for its request.
   *
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public BearerTokenCredential withFetchTimeout(Duration timeout) {
    return new BearerTokenCredential(source, bareIdentity(), refreshMargin, timeout, clock);
  }

  /** The same credential reading time from another scheduler (a virtual-time one in tests). */
  public BearerTokenCredential withClock(Scheduler scheduler) {
    return new BearerTokenCredential(source, bareIdentity(), refreshMargin, fetchTimeout, scheduler);
  }

  @Override
  public Mono<AuthHeader> authenticate() {
    return token().map(BearerTokenCredential::header);
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
      cached.set(null);
      return fetch().then();
    });
  }

  /**
   * Fetches a new token if the refused header carries the current one; otherwise (it was replaced
   * meanwhile, or a fetch is already running) uses the current or coming token.
   */
  @Override
  public Mono<Void> refresh(AuthHeader rejected) {
    return Mono.defer(() -> {
      AccessToken current = cached.get();
      if (current != null && (rejected == null || header(current).value().equals(rejected.value()))) {
        cached.compareAndSet(current, null);
      }
      return token().then();
    });
  }

  private Mono<AccessToken> token() {
    return Mono.defer(() -> {
      AccessToken current = cached.get();
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
   * Joins the fetch in flight, or starts one (azure-core's single-flight pattern: whoever installs
   * the sink subscribes the source, everyone else waits on the sink). The fetch runs to its end or
   * its timeout whoever still waits, and leaves the in-flight slot before its result reaches
   * anyone, so a caller refused with that result (a 401) and asking again starts a new fetch.
   */
  private Mono<AccessToken> fetch() {
    return Mono.defer(() -> {
      Sinks.One<AccessToken> mine = Sinks.one();
      Sinks.One<AccessToken> running = inFlight.compareAndExchange(null, mine);
      if (running != null) {
        return running.asMono();
      }
      Mono.defer(() -> source)
          .switchIfEmpty(Mono.error(() -> new IllegalStateException("the token source completed without a token")))
          .timeout(fetchTimeout, Mono.error(() -> new HarnessTimeoutException("the token source of " + identity
              + " gave no token within " + fetchTimeout + "; the next call fetches again", false, null)), clock)
          .subscribe(token -> {
            cached.set(token);
            inFlight.compareAndSet(mine, null);
            mine.tryEmitValue(token);
          }, failure -> {
            inFlight.compareAndSet(mine, null);
            mine.tryEmitError(failure);
          });
      return mine.asMono();
    });
  }

  private static AuthHeader header(AccessToken token) {
    return new AuthHeader("Authorization", "Bearer " + token.token());
  }

  private String bareIdentity() {
    return identity.substring(PREFIX.length());
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS));
  }

  @Override
  public String toString() {
    return "BearerTokenCredential[" + identity + ", token=***]";
  }
}
