package io.github.harnessreactive.ratelimit.redis;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.ratelimit.redis.internal.PartitionKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the Linux binary shipped in embedded-redis's jar) on a free loopback port,
 * without persistence, so a restart starts empty; and a plain connection for the tests to look at
 * what the limiters wrote.
 */
final class EmbeddedRedis implements AutoCloseable {

  /** The tests' Lettuce reconnect delay: fixed, where Lettuce's default backs off up to 30 s. */
  static final Duration RECONNECT_DELAY = Duration.ofMillis(200);

  private final int port;
  private RedisServer server;
  private RedisClient inspector;
  private StatefulRedisConnection<String, String> connection;

  private EmbeddedRedis(int port) {
    this.port = port;
  }

  static EmbeddedRedis start() {
    EmbeddedRedis redis = new EmbeddedRedis(freePort());
    redis.startServer();
    return redis;
  }

  RedisURI uri() {
    return RedisURI.create("redis://127.0.0.1:" + port);
  }

  /** A limiter builder for this server, with the tests' reconnect delay. */
  RedisRateLimiter.Builder limiter(RateLimitOptions options) {
    return RedisRateLimiter.builder(uri()).options(options)
        .redisOptions(RedisRateLimitOptions.defaults().withReconnectDelay(RECONNECT_DELAY));
  }

  /** Kills the server: connections drop, data is gone. */
  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new, empty server on the same port. */
  void restart() {
    startServer();
  }

  /** Synchronous commands for the test's own checks (the test thread may block). */
  RedisCommands<String, String> commands() {
    if (connection == null) {
      inspector = RedisClient.create(uri());
      connection = inspector.connect();
    }
    return connection.sync();
  }

  /** The throttle record of a partition, empty when there is none. */
  Map<String, String> throttleRecord(String prefix, String partition) {
    return commands().hgetall(new String(PartitionKeys.of(prefix, partition).throttle()));
  }

  /** Polls a condition that may block (the test's own Redis look-ups) every 20 ms; fails after 2 s. */
  static void await(BooleanSupplier condition) {
    StepVerifier.create(Flux.interval(Duration.ofMillis(20)).onBackpressureDrop()
            .concatMap(tick -> Mono.fromCallable(condition::getAsBoolean).subscribeOn(Schedulers.boundedElastic()))
            .filter(met -> met).next())
        .expectNext(true).expectComplete().verify(Duration.ofSeconds(2));
  }

  /** Client connections the server has open, this fixture's own included. */
  long connectedClients() {
    return commands().clientList().lines().filter(line -> !line.isBlank()).count();
  }

  @Override
  public void close() {
    if (inspector != null) {
      connection.close();
      inspector.shutdown();
    }
    if (server.isActive()) {
      stop();
    }
  }

  private void startServer() {
    try {
      server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no")
          .build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
