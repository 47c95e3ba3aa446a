package io.github.harnessreactive.sei.v2;

import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * How an SEI 2.0 export job is waited for: when its status is asked for (the first time after
 * {@link #firstPoll()}, then at intervals that double up to {@link #maxPollInterval()}), how long
 * the whole wait may take ({@link #maxWait()}, however many polls that is; each poll is its own call
 * with the client's retries and deadline), what its statuses mean ({@link #statuses()}) and on
 * which scheduler the waits are timed. Immutable: each {@code with...} returns a new instance.
 *
 * <pre>{@code
 * ExportOptions patient = ExportOptions.defaults().withMaxWait(Duration.ofHours(2));
 * }</pre>
 */
public final class ExportOptions {

  private static final ExportOptions DEFAULTS = new ExportOptions(Duration.ofSeconds(2), Duration.ofSeconds(30),
      Duration.ofMinutes(30), ExportJobStatuses.documented(), Schedulers.parallel());

  private final Duration firstPoll;
  private final Duration maxPollInterval;
  private final Duration maxWait;
  private final ExportJobStatuses statuses;
  private final Scheduler timer;

  private ExportOptions(Duration firstPoll, Duration maxPollInterval, Duration maxWait, ExportJobStatuses statuses,
      Scheduler timer) {
    this.firstPoll = firstPoll;
    this.maxPollInterval = maxPollInterval;
    this.maxWait = maxWait;
    this.statuses = statuses;
    this.timer = timer;
  }

  /**
   * The first poll 2 s after the job started, then every 4, 8, 16 and at most 30 s (a poll costs one
   * request of the key's 400 a minute); at most 30 minutes of waiting in all; the documented
   * statuses ({@link ExportJobStatuses#documented()}); waits timed on {@link Schedulers#parallel()}.
   */
  public static ExportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * When the job's status is asked for.
   *
   * @param first the wait before the first poll
   * @param max the longest wait between two polls; the wait doubles after each poll up to it
   * @throws IllegalArgumentException when a duration is not positive or {@code max} is shorter than {@code first}
   */
  public ExportOptions withPolling(Duration first, Duration max) {
    positive(first, "first");
    positive(max, "max");
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException("the longest interval " + max + " is shorter than the first " + first);
    }
    return new ExportOptions(first, max, maxWait, statuses, timer);
  }

  /**
   * How long the job may take, from its start to the status that says it is done; past it the
   * export fails with {@link ExportJobTimeoutException}. The download that follows is not part of
   * it (it is bounded as any stream: the deadline bounds the time to its first line).
   *
   * @throws IllegalArgumentException when the duration is not positive
   */
  public ExportOptions withMaxWait(Duration maxWait) {
    return new ExportOptions(firstPoll, maxPollInterval, positive(maxWait, "maxWait"), statuses, timer);
  }

  /**
   * What the job's statuses mean.
   *
   * @throws NullPointerException when {@code statuses} is {@code null}
   */
  public ExportOptions withStatuses(ExportJobStatuses statuses) {
    return new ExportOptions(firstPoll, maxPollInterval, maxWait, Objects.requireNonNull(statuses, "statuses"), timer);
  }

  /**
   * Where the waits between polls and the bound of the wait are timed; tests give a
   * {@code VirtualTimeScheduler}.
   *
   * @throws NullPointerException when {@code timer} is {@code null}
   */
  public ExportOptions withTimer(Scheduler timer) {
    return new ExportOptions(firstPoll, maxPollInterval, maxWait, statuses, Objects.requireNonNull(timer, "timer"));
  }

  /** The wait before the first poll. */
  public Duration firstPoll() {
    return firstPoll;
  }

  /** The longest wait between two polls. */
  public Duration maxPollInterval() {
    return maxPollInterval;
  }

  /** How long the job may take before the export fails. */
  public Duration maxWait() {
    return maxWait;
  }

  /** What the job's statuses mean. */
  public ExportJobStatuses statuses() {
    return statuses;
  }

  /** Where the waits are timed. */
  public Scheduler timer() {
    return timer;
  }

  /** The wait before poll {@code n} (1 for the first): the first interval, doubled after each poll, at most the maximum. */
  Duration waitBeforePoll(long n) {
    Duration wait = firstPoll;
    for (long i = 1; i < n && wait.compareTo(maxPollInterval) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxPollInterval) > 0 ? maxPollInterval : wait;
  }

  @Override
  public String toString() {
    return "ExportOptions[firstPoll=" + firstPoll + ", maxPollInterval=" + maxPollInterval + ", maxWait=" + maxWait
        + ", " + statuses + "]";
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
    return duration;
  }
}
