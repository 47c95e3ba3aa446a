package io.github.harnessreactive.examples.snippets;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.ratelimit.redis.RedisRateLimitOptions;
import io.github.harnessreactive.ratelimit.redis.RedisRateLimiter;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;

/** The snippet of {@code harness-ratelimit-redis/README.md} (a test source: the examples do not ship the module). */
final class RedisSnippets {

  private RedisSnippets() {
  }

  static HarnessClient sharedLimit(HarnessCredential key, MeterRegistry meterRegistry) {
    // snippet: redis-limiter
    RedisRateLimiter limiter = RedisRateLimiter.builder(RedisURI.create("redis://redis.internal:6379"))
        .options(RateLimitOptions.defaults())                                    // 400 a minute, burst 1: as the local limiter
        .redisOptions(RedisRateLimitOptions.defaults().withExpectedInstances(3)) // while Redis is away: 1/3 each
        .meterRegistry(meterRegistry)                                            // optional
        .build();
    HarnessClient client = HarnessClient.builder().credential(key).rateLimiter(limiter).build();
    // end-snippet
    return client;
  }
}
