package io.github.harnessreactive.ratelimit.redis.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Every partition's state in Redis, reached through one Lettuce connection: the Bucket4j bucket
 * that paces the fleet (through Bucket4j's <em>asynchronous</em> proxy only: its synchronous one
 * blocks the calling thread) and the throttle record. Each call is bounded by the timeout and
 * fails, rather than waits, when Redis is slow or gone; the caller decides what that means.
 * Answers arrive on the scheduler given here, never on Lettuce's I/O threads.
 *
 * <p>The connection is opened on first use, once (concurrent callers share the attempt), and
 * again on a later call if that attempt failed; once open, Lettuce reconnects it by itself.
 */
public final class SharedState {

  private static final byte[] START = bytes("start");
  private static final byte[] UNTIL = bytes("until");
  private static final byte[] RATE = bytes("rate");

  private final Supplier<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>> connector;
  private final SharedRate rate;
  private final BucketConfiguration bucket;
  private final Duration keep;
  private final Duration timeout;
  private final Scheduler timer;
  private final AtomicReference<CompletableFuture<Link>> link = new AtomicReference<>();
  private volatile boolean closed;

  /**
   * @param connector opens the connection (called again only after a failed attempt)
   * @param options the pace: the bucket refills at its ceiling and holds its burst; idle keys
   *     expire after its {@code idleEviction}
   * @param timeout the longest any call may take
   * @param timer where timeouts run and answers arrive
   */
  public SharedState(Supplier<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>> connector, RateLimitOptions options,
      Duration timeout, Scheduler timer) {
    this.connector = connector;
    this.rate = new SharedRate(options);
    this.bucket = BucketConfiguration.builder().addLimit(limit -> limit
        .capacity(options.burst() * SharedRate.TOKENS_PER_PERMIT)
        .refillGreedy(options.requestsPerPeriod() * SharedRate.TOKENS_PER_PERMIT,
            options.period().multipliedBy(100).dividedBy(100 - RateLimitOptions.PACING_MARGIN_PERCENT)))
        .build();
    this.keep = options.idleEviction();
    this.timeout = timeout;
    this.timer = timer;
  }

  /** The partition's throttle record and Redis's clock, read together. */
  public Mono<Snapshot> read(PartitionKeys keys) {
    return call(link -> link.commands.time().thenCombine(link.commands.hmget(keys.throttle(), START, UNTIL, RATE),
        SharedState::snapshot));
  }

  /**
   * Takes {@code cost} tokens from the bucket whatever its balance (Bucket4j's
   * {@code consumeIgnoringRateLimits}): the answer says how long until they are paid back, so
   * the permit's time is fixed the moment it is reserved, and instances that reserve one after
   * the other line up behind each other, whatever their round trips.
   */
  public Mono<Reservation> reserve(PartitionKeys keys, long cost) {
    return call(link -> link.bucket(keys).asVerbose().consumeIgnoringRateLimits(cost)
        .thenApply(result -> new Reservation(cost, result.getValue(),
            Math.max(0, result.getDiagnostics().getAvailableTokens()) / (double) SharedRate.TOKENS_PER_PERMIT)));
  }

  /** Gives tokens back (a reserved permit that nobody took). */
  public Mono<Void> refund(PartitionKeys keys, long cost) {
    return call(link -> link.bucket(keys).addTokens(cost));
  }

  /** The permits in the bucket now (for the gauges). */
  public Mono<Double> available(PartitionKeys keys) {
    return call(link -> link.bucket(keys).getAvailableTokens()
        .thenApply(tokens -> Math.max(0, tokens) / (double) SharedRate.TOKENS_PER_PERMIT));
  }

  /** Records a throttle ({@link ThrottleScript}) with a pause of {@code pauseMillis}; the record as it now stands. */
  public Mono<ThrottleRecord> throttle(PartitionKeys keys, long pauseMillis) {
    byte[][] arguments = ThrottleScript.arguments(rate, pauseMillis, keep.toMillis());
    return call(link -> link.commands.<List<Object>>eval(ThrottleScript.SOURCE, ScriptOutputType.MULTI,
        new byte[][] {keys.throttle()}, arguments).thenApply(ThrottleScript::record));
  }

  /** Succeeds when Redis answers. */
  public Mono<Void> ping() {
    return call(link -> link.commands.ping()).then();
  }

  /** Closes the connection (once it is open, if it is still opening); every later call fails. */
  public Mono<Void> close() {
    closed = true;
    CompletableFuture<Link> current = link.getAndSet(null);
    if (current == null) {
      return Mono.empty();
    }
    return Mono.fromFuture(current.handle((open, failure) -> open))
        .flatMap(open -> Mono.fromCompletionStage(open.connection.closeAsync()));
  }

  private <T> Mono<T> call(Function<Link, CompletionStage<T>> command) {
    return Mono.defer(() -> Mono.fromFuture(link(), true))
        .flatMap(open -> Mono.fromCompletionStage(() -> command.apply(open)))
        .timeout(timeout, timer)
        .publishOn(timer); // never go on with the caller's work on Lettuce's I/O threads
  }

  /** The open connection, or the attempt in progress; a new attempt after a failed one. */
  private CompletableFuture<Link> link() {
    while (!closed) {
      CompletableFuture<Link> current = link.get();
      if (current != null && !current.isCompletedExceptionally()) {
        return current;
      }
      CompletableFuture<Link> attempt = new CompletableFuture<>();
      if (link.compareAndSet(current, attempt)) {
        connector.get().thenApply(Link::new).whenComplete((open, failure) -> {
          if (failure != null) {
            attempt.completeExceptionally(failure);
            return;
          }
          attempt.complete(open);
          if (closed) { // closed while it was opening: close() may not have seen this attempt
            open.connection.closeAsync();
          }
        });
        return attempt;
      }
    }
    return CompletableFuture.failedFuture(new IllegalStateException("the Redis rate limiter is closed"));
  }

  private static Snapshot snapshot(List<byte[]> time, List<KeyValue<byte[], byte[]>> fields) {
    long now = Long.parseLong(string(time.get(0))) * 1000 + Long.parseLong(string(time.get(1))) / 1000;
    if (fields.stream().anyMatch(field -> !field.hasValue())) {
      return new Snapshot(now, null);
    }
    return new Snapshot(now, new ThrottleRecord(Long.parseLong(string(fields.get(0).getValue())),
        Long.parseLong(string(fields.get(1).getValue())), Double.parseDouble(string(fields.get(2).getValue()))));
  }

  private static String string(byte[] value) {
    return new String(value, StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.US_ASCII);
  }

  /** An open connection, its commands and the Bucket4j proxy manager on it. */
  private final class Link {
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisAsyncCommands<byte[], byte[]> commands;
    private final AsyncProxyManager<byte[]> buckets;

    Link(StatefulRedisConnection<byte[], byte[]> connection) {
      this.connection = connection;
      this.commands = connection.async();
      this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
          .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keep))
          .build().asAsync();
    }

    AsyncBucketProxy bucket(PartitionKeys keys) {
      return buckets.builder().build(keys.bucket(), bucket);
    }
  }
}
