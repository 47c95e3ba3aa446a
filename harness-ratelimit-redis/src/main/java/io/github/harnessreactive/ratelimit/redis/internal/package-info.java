/**
 * The machinery of {@link io.github.harnessreactive.ratelimit.redis.RedisRateLimiter}: the shared
 * state in Redis and its connection, the AIMD arithmetic, the per-partition queue and its pump,
 * and the switch to the local fallback. Not API: it may change in any release.
 */
package io.github.harnessreactive.ratelimit.redis.internal;
