/**
 * A {@link io.github.harnessreactive.core.resilience.RateLimiter} shared through Redis:
 * {@link io.github.harnessreactive.ratelimit.redis.RedisRateLimiter} keeps each partition's token
 * bucket (Bucket4j's Lettuce integration) and throttle state (pause and AIMD rate) in Redis, so
 * that every instance of an application spends one budget per Harness key, and paces at a local
 * share of the limit while Redis is unreachable or slow.
 */
package io.github.harnessreactive.ratelimit.redis;
