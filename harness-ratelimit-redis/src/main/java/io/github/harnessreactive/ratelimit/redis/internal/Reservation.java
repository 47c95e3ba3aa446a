package io.github.harnessreactive.ratelimit.redis.internal;

/**
 * A place taken in the shared bucket.
 *
 * @param cost the tokens taken
 * @param waitNanos how long until the bucket has paid them back, when the permit is due
 * @param available the permits left in the bucket after taking them (never negative)
 */
public record Reservation(long cost, long waitNanos, double available) {
}
