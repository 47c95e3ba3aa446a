package io.github.harnessreactive.boot;

import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.ratelimit.redis.RedisRateLimiter;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Switches the application's rate limiter to a {@link RedisRateLimiter} when
 * harness-ratelimit-redis is on the class path and Redis is at hand, so that every instance of the
 * application spends one budget per Harness key. The first that applies of:
 *
 * <ol>
 *   <li>{@code harness.rate-limit.redis.url}: the limiter's own Lettuce client for that URL;</li>
 *   <li>a Lettuce {@link RedisClient} bean: one connection of it, to the URI it was created with;</li>
 *   <li>a spring-data-redis {@link LettuceConnectionFactory} bean (Boot's {@code spring.data.redis.*}):
 *       one connection of its client (standalone or Sentinel; Redis Cluster is refused with a clear error).</li>
 * </ol>
 *
 * The pace is {@code harness.rate-limit.*}, as for the local limiter, which
 * {@link HarnessAutoConfiguration} creates only when no {@link RateLimiter} bean exists: this
 * configuration runs before it. An application's own {@code RateLimiter} bean wins over both;
 * {@code harness.rate-limit.redis.enabled=false} keeps the local limiter.
 */
@AutoConfiguration(before = HarnessAutoConfiguration.class,
    afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({RedisRateLimiter.class, RedisClient.class})
@ConditionalOnBooleanProperty(name = "harness.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "harness.rate-limit.redis.enabled", matchIfMissing = true)
@EnableConfigurationProperties({HarnessProperties.class, HarnessRedisRateLimitProperties.class})
public class HarnessRedisRateLimiterAutoConfiguration {

  static final String URL = "harness.rate-limit.redis.url";

  /** A limiter on its own client for {@code harness.rate-limit.redis.url}. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(RateLimiter.class)
  @Conditional(UrlSet.class)
  public RedisRateLimiter harnessRedisRateLimiter(HarnessProperties properties, HarnessRedisRateLimitProperties redis,
      ObjectProvider<MeterRegistry> meters) {
    return build(RedisRateLimiter.builder(RedisURI.create(redis.url())), properties, redis, meters);
  }

  /** A limiter on the application's Lettuce client. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(RateLimiter.class)
  @ConditionalOnBean(RedisClient.class)
  @Conditional(NoUrl.class)
  public RedisRateLimiter harnessRedisClientRateLimiter(RedisClient client, HarnessProperties properties,
      HarnessRedisRateLimitProperties redis, ObjectProvider<MeterRegistry> meters) {
    return build(RedisRateLimiter.builder(client), properties, redis, meters);
  }

  /** With spring-data-redis: a limiter on the client of the application's {@link LettuceConnectionFactory}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(LettuceConnectionFactory.class)
  static class SpringDataRedis {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({RateLimiter.class, RedisClient.class})
    @ConditionalOnBean(LettuceConnectionFactory.class)
    @Conditional(NoUrl.class)
    public RedisRateLimiter harnessLettuceConnectionFactoryRateLimiter(LettuceConnectionFactory factory,
        HarnessProperties properties, HarnessRedisRateLimitProperties redis, ObjectProvider<MeterRegistry> meters) {
      AbstractRedisClient client = factory.getRequiredNativeClient();
      if (!(client instanceof RedisClient standalone)) {
        throw new IllegalStateException("the shared Harness rate limit needs a standalone or Sentinel Redis, but the"
            + " LettuceConnectionFactory is a cluster client: set harness.rate-limit.redis.url, or"
            + " harness.rate-limit.redis.enabled=false to pace each instance locally");
      }
      return build(RedisRateLimiter.builder(standalone), properties, redis, meters);
    }
  }

  /**
   * Whether {@code harness.rate-limit.redis.url} holds a non-blank value. The URL may carry a
   * password: it is read as data ({@link HarnessKeys#anySet}), never put into a SpEL expression,
   * and the condition report names the property, never its value.
   */
  static class UrlSet extends SpringBootCondition {

    private final boolean wanted;

    UrlSet() {
      this(true);
    }

    UrlSet(boolean wanted) {
      this.wanted = wanted;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean set = HarnessKeys.anySet(context.getEnvironment(), URL);
      ConditionMessage.Builder message = ConditionMessage.forCondition("Redis URL");
      ConditionMessage outcome = set ? message.found("property").items(URL) : message.didNotFind("property").items(URL);
      return set == wanted ? ConditionOutcome.match(outcome) : ConditionOutcome.noMatch(outcome);
    }
  }

  /** {@code harness.rate-limit.redis.url} is not set (or blank). */
  static final class NoUrl extends UrlSet {
    NoUrl() {
      super(false);
    }
  }

  private static RedisRateLimiter build(RedisRateLimiter.Builder builder, HarnessProperties properties,
      HarnessRedisRateLimitProperties redis, ObjectProvider<MeterRegistry> meters) {
    HarnessProperties.RateLimit limit = properties.rateLimit();
    return builder.options(RateLimitOptions.defaults().withLimit(limit.requests(), limit.period()).withBurst(limit.burst()))
        .redisOptions(redis.options()).meterRegistry(meters.getIfAvailable()).build();
  }
}
