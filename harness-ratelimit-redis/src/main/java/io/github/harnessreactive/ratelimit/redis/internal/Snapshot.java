package io.github.harnessreactive.ratelimit.redis.internal;

/**
 * What one read of a partition's throttle state returns.
 *
 * @param now Redis's clock at the read, in milliseconds
 * @param record the last throttle episode, or {@code null} when there has been none (or it expired)
 */
public record Snapshot(long now, ThrottleRecord record) {

  /** Whether the partition is paused at the time of the read. */
  public boolean paused() {
    return record != null && now < record.until();
  }
}
