package io.github.harnessreactive.core.internal;

import io.micrometer.observation.Observation;
import java.time.Duration;

/**
 * What one logical call reports while it runs, as typed events rather than strings spread over the
 * layers (OkHttp's {@code EventListener} idea): each becomes an event of the call's observation,
 * {@code harness.retry}, {@code harness.ratelimit.wait}, {@code harness.page.fetched} and
 * {@code harness.page.incomplete}, which Micrometer's handlers (logging, tracing, metrics) receive.
 */
final class CallEvents {

  /** The name of the event of a retry decided. */
  static final String RETRY = "harness.retry";
  /** The name of the event of a wait for a rate-limit permit of a millisecond or more. */
  static final String RATE_LIMIT_WAIT = "harness.ratelimit.wait";
  /** The name of the event of a page fetched and decoded. */
  static final String PAGE_FETCHED = "harness.page.fetched";
  /** The name of the event of a last page that leaves items missing against the reported total. */
  static final String PAGE_INCOMPLETE = "harness.page.incomplete";

  private final Observation observation;

  CallEvents(Observation observation) {
    this.observation = observation;
  }

  /** The call will be repeated: its {@code retry}-th repetition, after the decision's delay. */
  void retrying(long retry, RetryDecider.Decision decision) {
    observation.event(Observation.Event.of(RETRY, "retry " + retry + " after " + decision.reason() + " in "
        + decision.delay().toMillis() + " ms"));
  }

  /** An attempt waited this long for its rate-limit permit; waits under a millisecond are not reported. */
  void rateLimitWaited(Duration waited) {
    if (waited.toMillis() >= 1) {
      observation.event(Observation.Event.of(RATE_LIMIT_WAIT, "waited " + waited.toMillis() + " ms for a permit"));
    }
  }

  /** A page was fetched and decoded. */
  void pageFetched(int index, int items, Duration elapsed) {
    observation.event(Observation.Event.of(PAGE_FETCHED, "page " + index + ": " + items + " items in "
        + elapsed.toMillis() + " ms"));
  }

  /** The listing ended at this page with fewer items than the total the server reported. */
  void pageIncomplete(int index, long missing, long total) {
    observation.event(Observation.Event.of(PAGE_INCOMPLETE, "page " + index + " is the last, but " + missing + " of "
        + total + " items are missing"));
  }
}
