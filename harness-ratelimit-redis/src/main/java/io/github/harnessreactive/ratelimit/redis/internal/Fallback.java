package io.github.harnessreactive.ratelimit.redis.internal;

import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Whether the limiter paces through Redis or, while Redis is refused or too slow, through a local
 * limiter at a share of the limit. The first failure switches at once and logs one WARN; from
 * then on a probe asks Redis every {@code probeInterval} and the first answer switches back (one
 * INFO). Nothing waits for Redis in between.
 */
public final class Fallback {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.harnessreactive.ratelimit.redis.RedisRateLimiter");

  private final TokenBucketRateLimiter local;
  private final String pace;
  private final Supplier<Mono<Void>> probe;
  private final Duration probeInterval;
  private final Duration timeout;
  private final Scheduler scheduler;
  private final AtomicBoolean active = new AtomicBoolean();
  private final Disposable.Swap prober = Disposables.swap();

  /**
   * @param local the limiter that paces while Redis is away
   * @param pace how {@code local} paces, for the log
   * @param probe succeeds when Redis answers
   * @param probeInterval how often to probe while away
   * @param timeout the bound on a Redis answer, for the log
   * @param scheduler where the probe runs
   */
  public Fallback(TokenBucketRateLimiter local, String pace, Supplier<Mono<Void>> probe, Duration probeInterval, Duration timeout,
      Scheduler scheduler) {
    this.local = local;
    this.pace = pace;
    this.probe = probe;
    this.probeInterval = probeInterval;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  /** Whether the local limiter paces now. */
  public boolean active() {
    return active.get();
  }

  /** The local limiter. */
  public TokenBucketRateLimiter local() {
    return local;
  }

  /** Redis failed: switch to the local limiter (unless already there) and probe until it answers. */
  public void enter(Throwable cause) {
    if (prober.isDisposed() || !active.compareAndSet(false, true)) {
      return;
    }
    LOG.warn("Redis is unavailable ({}); pacing locally at {} until it answers again", describe(cause), pace);
    prober.update(Flux.interval(probeInterval, scheduler)
        .concatMap(tick -> probe.get().thenReturn(true).onErrorReturn(false))
        .filter(answered -> answered)
        .next()
        .subscribe(answered -> leave()));
  }

  /** Stops probing; the switch stays where it is. */
  public void close() {
    prober.dispose();
  }

  private void leave() {
    active.set(false);
    LOG.info("Redis answers again; pacing through Redis");
  }

  private String describe(Throwable cause) {
    if (cause instanceof TimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
