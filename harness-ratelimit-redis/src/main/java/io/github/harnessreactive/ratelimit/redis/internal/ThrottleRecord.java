package io.github.harnessreactive.ratelimit.redis.internal;

/**
 * A partition's last throttle episode as Redis keeps it, times in milliseconds of Redis's clock.
 *
 * @param start when the episode began (the first 429 that was not inside a pause)
 * @param until when the pause ends
 * @param rate the rate after the pause, in permits per second, from which it climbs back
 */
public record ThrottleRecord(long start, long until, double rate) {
}
