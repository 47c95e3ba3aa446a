package io.github.harnessreactive.boot;

import io.github.harnessreactive.ratelimit.redis.RedisRateLimitOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code harness.rate-limit.redis.*} properties: where the shared rate limit lives and what
 * each instance does while Redis is away. The limit itself stays {@code harness.rate-limit.*}.
 *
 * @param enabled whether a Redis client, connection factory or URL switches the limiter to Redis
 * @param url the Redis to use ({@code redis://[user:password@]host:port[/database]}, {@code rediss://}
 *     for TLS, {@code redis-sentinel://...}); the limiter gets its own client. Without it, the
 *     application's {@code RedisClient} or {@code LettuceConnectionFactory} bean is used
 * @param keyPrefix what every key of the limiter starts with
 * @param timeout the longest a Redis answer may take before the instance paces locally
 * @param expectedInstances how many instances share the key: while Redis is away each paces at
 *     this fraction of the limit
 * @param fallbackShare the share of the limit each instance paces at while Redis is away, in (0, 1];
 *     when set, it replaces {@code 1 / expected-instances}
 * @param probeInterval how often, while Redis is away, to ask whether it is back
 * @param reconnectDelay the wait between reconnection attempts of the client built from {@code url}
 * @param gaugeRefresh how often the gauges' values are read from Redis in the background
 */
@ConfigurationProperties("harness.rate-limit.redis")
public record HarnessRedisRateLimitProperties(
    @DefaultValue("true") boolean enabled,
    String url,
    @DefaultValue("harness-reactive:ratelimit:") String keyPrefix,
    @DefaultValue("250ms") Duration timeout,
    @DefaultValue("2") int expectedInstances,
    Double fallbackShare,
    @DefaultValue("500ms") Duration probeInterval,
    @DefaultValue("500ms") Duration reconnectDelay,
    @DefaultValue("10s") Duration gaugeRefresh) {

  /**
   * These properties as the limiter's options.
   *
   * @throws IllegalArgumentException if a value cannot work (a duration that is not positive, a
   *     share outside (0, 1], fewer than one instance)
   */
  public RedisRateLimitOptions options() {
    RedisRateLimitOptions options = RedisRateLimitOptions.defaults().withKeyPrefix(keyPrefix).withTimeout(timeout)
        .withExpectedInstances(expectedInstances).withProbeInterval(probeInterval).withReconnectDelay(reconnectDelay)
        .withGaugeRefresh(gaugeRefresh);
    return fallbackShare == null ? options : options.withFallbackShare(fallbackShare);
  }
}
