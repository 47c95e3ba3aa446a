package io.github.harnessreactive.ratelimit.redis;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RateLimitQueueFullException;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.ratelimit.redis.internal.Fallback;
import io.github.harnessreactive.ratelimit.redis.internal.PartitionKeys;
import io.github.harnessreactive.ratelimit.redis.internal.PartitionQueue;
import io.github.harnessreactive.ratelimit.redis.internal.SharedRate;
import io.github.harnessreactive.ratelimit.redis.internal.SharedState;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link RateLimiter} whose state lives in Redis, so that every instance of an application
 * (replicas, a batch job beside the web application) spends one budget per Harness key, as Harness
 * counts it. Same contract and same {@link RateLimitOptions} as {@link TokenBucketRateLimiter}:
 * one permit per HTTP attempt, 400 a minute with a burst of 1 and the
 * {@value RateLimitOptions#PACING_MARGIN_PERCENT} % pacing margin by default, waiters served in
 * arrival order within an instance, cancellable waits that take no permit, a bounded queue
 * ({@link RateLimitQueueFullException}), and never a blocked thread.
 *
 * <p><b>Pacing.</b> Each partition has one Bucket4j bucket in Redis (Bucket4j's Lettuce
 * integration, through its asynchronous proxy), refilling at the ceiling and holding the burst.
 * An instance takes its waiters' permits one at a time by reserving them in the bucket
 * ({@code consumeIgnoringRateLimits}): the answer says when the permit is due, so instances that
 * reserve one after the other line up behind each other and the fleet keeps the bucket's pace
 * whatever the round trips to Redis.
 *
 * <p><b>Throttling, shared.</b> A partition's throttle record in Redis holds when its last
 * episode started, until when it is paused and the rate after the pause. {@link #throttled}
 * updates it with one Lua script, atomically and on Redis's clock: outside a pause it starts an
 * episode (pause, and the rate in force times the decrease factor); inside one it only lengthens
 * the pause, so the 429s that several instances draw from one burst slow the fleet down once. The
 * rate then climbs back linearly to the ceiling over the recovery time. That climb is one rule for
 * everyone: the rate is a function of the record and Redis's clock, which every instance computes
 * the same way, and a permit at a lower rate costs proportionally more tokens of the shared bucket.
 * Every instance reads the record before it grants a permit, so once a pause is recorded no
 * instance grants one until it ends (at most one permit per instance, whose read was already
 * answered, can still go out).
 *
 * <p><b>Without Redis.</b> Every Redis call is bounded ({@link RedisRateLimitOptions#timeout()},
 * 250 ms by default). A refused connection or a slower answer switches the limiter at once to a
 * local {@link TokenBucketRateLimiter} at {@link RedisRateLimitOptions#fallbackShare()} of the
 * limit (the queued waiters move there in order), logs one WARN, and probes Redis every
 * {@link RedisRateLimitOptions#probeInterval()}; the first answer switches back. No call fails or
 * waits because Redis is away. The local limiter hears every throttle even while Redis answers,
 * so a switch in the middle of an episode stays paused and slowed.
 *
 * <p><b>Keys.</b> {@code <prefix><sha256(partition)>:bucket} and {@code ...:throttle}; the partition
 * string itself (the credential's identity, never its secret) is not stored. Both expire: the bucket
 * {@code idleEviction} after it would be full again, the record {@code idleEviction} after the rate
 * is back at the ceiling. Needs Redis 5 or newer; standalone or Sentinel (not Cluster).
 *
 * <p><b>Gauges</b> (with a {@link MeterRegistry}): {@code harness.ratelimit.queued},
 * {@code harness.ratelimit.available} and {@code harness.ratelimit.rate} per partition label (as
 * the local limiter labels them), and {@code harness.ratelimit.redis.fallback} (1 while pacing
 * locally). A scrape never calls Redis: the gauges show the last answer Redis gave, refreshed in
 * the background every {@link RedisRateLimitOptions#gaugeRefresh()}.
 *
 * <p>The clocks that matter are Redis's (the record) and each host's (Bucket4j's refill, a
 * client-side clock): keep the hosts' clocks synchronised, as Bucket4j requires. Thread-safe.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

  private final RateLimitOptions options;
  private final RedisRateLimitOptions redisOptions;
  private final SharedState state;
  private final SharedRate rate;
  private final Fallback fallback;
  private final Scheduler scheduler = Schedulers.parallel();
  private final MeterRegistry meters;
  private final Map<String, PartitionQueue> partitions = new ConcurrentHashMap<>();
  private final Set<String> registeredLabels = ConcurrentHashMap.newKeySet();
  private final AtomicInteger labelled = new AtomicInteger();
  private final Disposable refresher;
  private final Mono<Void> closing;
  private volatile boolean closed;
  private volatile long lastSweep;

  private RedisRateLimiter(Builder builder, Supplier<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>> connector,
      Mono<Void> afterClose) {
    this.options = builder.options;
    this.redisOptions = builder.redisOptions;
    this.meters = builder.meters;
    this.rate = new SharedRate(options);
    this.state = new SharedState(connector, options, redisOptions.timeout(), scheduler);
    int share = Math.max(1, (int) Math.floor(options.requestsPerPeriod() * redisOptions.fallbackShare()));
    this.fallback = new Fallback(TokenBucketRateLimiter.create(options.withLimit(share, options.period())),
        share + " requests per " + describe(options.period()), state::ping, redisOptions.probeInterval(),
        redisOptions.timeout(), scheduler);
    this.lastSweep = now();
    this.refresher = meters == null ? Disposables.disposed() : startGauges(meters);
    this.closing = Mono.defer(() -> state.close().onErrorComplete()).then(afterClose).cache();
  }

  /**
   * A limiter on its own Redis client for {@code uri} (standalone, TLS with {@code rediss://},
   * or Sentinel), with {@link #clientOptions(Duration) the recommended options} and a fixed
   * {@link RedisRateLimitOptions#reconnectDelay()}. {@link #close()} shuts that client down.
   *
   * @throws NullPointerException if {@code uri} is {@code null}
   */
  public static Builder builder(RedisURI uri) {
    return new Builder(Objects.requireNonNull(uri, "uri"), null);
  }

  /**
   * A limiter on the application's Redis client: it opens one connection to the client's own URI
   * (the one it was created with) and {@link #close()} closes only that connection. Set
   * {@link #clientOptions(Duration)} on the client so that commands fail at once, instead of
   * queueing, while it is disconnected; without them the limiter's own timeout still bounds
   * every call.
   *
   * @throws NullPointerException if {@code client} is {@code null}
   */
  public static Builder builder(RedisClient client) {
    return new Builder(null, Objects.requireNonNull(client, "client"));
  }

  /**
   * The Lettuce options a client serving this limiter should have: commands rejected at once while
   * disconnected (Lettuce's default queues them until it reconnects) and a command timeout of
   * {@code timeout}.
   *
   * @throws NullPointerException if {@code timeout} is {@code null}
   */
  public static ClientOptions clientOptions(Duration timeout) {
    return ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(Objects.requireNonNull(timeout, "timeout"))).build();
  }

  @Override
  public Mono<Void> acquire(String partition) {
    Objects.requireNonNull(partition, "partition");
    return Mono.create(sink -> {
      if (closed) {
        sink.error(closedError());
      } else {
        partition(partition).enqueue(sink);
      }
    });
  }

  @Override
  public void throttled(String partition, Duration retryAfter) {
    Objects.requireNonNull(partition, "partition");
    fallback.local().throttled(partition, retryAfter);
    if (closed || fallback.active()) {
      return;
    }
    PartitionKeys keys = PartitionKeys.of(redisOptions.keyPrefix(), partition);
    state.throttle(keys, rate.pauseMillis(retryAfter)).subscribe(record -> { }, fallback::enter);
  }

  /** The pace. */
  public RateLimitOptions options() {
    return options;
  }

  /** How Redis is used. */
  public RedisRateLimitOptions redisOptions() {
    return redisOptions;
  }

  /** Whether the limiter paces locally now, Redis being away. */
  public boolean inFallback() {
    return fallback.active();
  }

  /** Waiters of a partition in this instance, for a permit from Redis or from the local fallback (0 for an unknown one). */
  public int queued(String partition) {
    PartitionQueue queue = partitions.get(partition);
    return queue == null ? 0 : queue.queued();
  }

  /**
   * Fails the waiters still queued for Redis (those already handed to the local fallback get their
   * permits there), stops the probe and the gauge refresh, and closes the Redis connection (and
   * the client, when the limiter created it); completes when they are closed. Later acquisitions
   * fail. Calling it again returns the same completion.
   */
  public Mono<Void> closeAsync() {
    if (!closed) {
      closed = true;
      IllegalStateException reason = closedError();
      partitions.values().forEach(queue -> queue.close(reason));
      fallback.close();
      refresher.dispose();
    }
    return closing;
  }

  /** {@link #closeAsync()} without waiting for it: never blocks. */
  @Override
  public void close() {
    closeAsync().subscribe(null, ignored -> { });
  }

  private PartitionQueue partition(String identity) {
    long now = now();
    long idle = options.idleEviction().toNanos();
    if (now - lastSweep > idle) {
      lastSweep = now;
      partitions.values().removeIf(queue -> queue.idleSince(now - idle));
    }
    return partitions.computeIfAbsent(identity, id -> {
      String label = labelled.getAndIncrement() < options.maxTaggedPartitions() ? id : "other";
      registerGauges(label);
      return new PartitionQueue(id, PartitionKeys.of(redisOptions.keyPrefix(), id), label, state, rate, options.burst(),
          options.maxQueued(), fallback, scheduler);
    });
  }

  private Disposable startGauges(MeterRegistry registry) {
    Gauge.builder("harness.ratelimit.redis.fallback", fallback, f -> f.active() ? 1 : 0)
        .description("1 while the limiter paces locally because Redis is away").register(registry);
    return Flux.interval(redisOptions.gaugeRefresh(), scheduler)
        .filter(tick -> !fallback.active())
        .concatMap(tick -> Flux.fromIterable(partitions.values())
            .concatMap(queue -> queue.refreshGauges().onErrorComplete()))
        .subscribe();
  }

  private void registerGauges(String label) {
    if (meters == null || !registeredLabels.add(label)) {
      return;
    }
    gauge("harness.ratelimit.queued", "Requests waiting for a permit", label, PartitionQueue::queued);
    gauge("harness.ratelimit.available", "Permits available now, at the last answer from Redis", label,
        PartitionQueue::available);
    gauge("harness.ratelimit.rate", "The shared rate in permits per second, at the last answer from Redis", label,
        PartitionQueue::ratePerSecond);
  }

  private void gauge(String name, String description, String label, ToDoubleFunction<PartitionQueue> value) {
    Gauge.builder(name, this, limiter -> limiter.partitions.values().stream()
            .filter(queue -> queue.label().equals(label)).mapToDouble(value).sum())
        .description(description).tag("partition", label).register(meters);
  }

  private long now() {
    return scheduler.now(TimeUnit.NANOSECONDS);
  }

  private static String describe(Duration period) {
    return period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
  }

  private static IllegalStateException closedError() {
    return new IllegalStateException("the Redis rate limiter is closed");
  }

  /** Builds a {@link RedisRateLimiter}; start from {@link RedisRateLimiter#builder(RedisURI)} or {@link RedisRateLimiter#builder(RedisClient)}. */
  public static final class Builder {

    private final RedisURI uri;
    private final RedisClient client;
    private RateLimitOptions options = RateLimitOptions.defaults();
    private RedisRateLimitOptions redisOptions = RedisRateLimitOptions.defaults();
    private MeterRegistry meters;

    private Builder(RedisURI uri, RedisClient client) {
      this.uri = uri;
      this.client = client;
    }

    /**
     * The pace (default {@link RateLimitOptions#defaults()}: 400 a minute, burst 1).
     *
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public Builder options(RateLimitOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * How Redis is used (default {@link RedisRateLimitOptions#defaults()}).
     *
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public Builder redisOptions(RedisRateLimitOptions options) {
      this.redisOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Where the gauges go ({@code null}: none, the default). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meters = registry;
      return this;
    }

    /** The limiter. It connects on first use; until Redis answers it paces locally. */
    public RedisRateLimiter build() {
      if (client != null) {
        // the client's own URI is reachable only through its blocking connect(): run it where blocking is allowed
        Supplier<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>> connector = () ->
            Mono.fromCallable(() -> client.connect(ByteArrayCodec.INSTANCE)).subscribeOn(Schedulers.boundedElastic()).toFuture();
        return new RedisRateLimiter(this, connector, Mono.empty());
      }
      ClientResources resources = ClientResources.builder().reconnectDelay(Delay.constant(redisOptions.reconnectDelay())).build();
      RedisClient own = RedisClient.create(resources, uri);
      own.setOptions(clientOptions(redisOptions.timeout()));
      Mono<Void> shutdown = Mono.fromCompletionStage(own::shutdownAsync)
          .then(Mono.<Void>create(sink -> resources.shutdown().addListener(done -> sink.success())));
      return new RedisRateLimiter(this, () -> own.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture(), shutdown);
    }
  }
}
