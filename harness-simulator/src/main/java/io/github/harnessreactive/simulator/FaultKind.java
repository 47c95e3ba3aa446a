package io.github.harnessreactive.simulator;

/**
 * The ways a simulated Harness fails one request, as a scheduled fault ({@link FaultSchedule}) or
 * the "fail after N pages" knob ({@link SimulatorOptions#withFailureAfterPages(int, FaultKind)}) makes it.
 */
public enum FaultKind {
  /** The connection is reset before any response is sent. */
  CONNECTION_RESET,
  /** A 502 whose body is a proxy's HTML page. */
  BAD_GATEWAY_HTML,
  /** A 503 with an empty body. */
  SERVICE_UNAVAILABLE,
  /** A 200 whose JSON body is cut in the middle. */
  TRUNCATED_JSON,
  /** A 429 with no {@code Retry-After}, as Harness's own limit answers. */
  TOO_MANY_REQUESTS,
  /** A 400 whose NG error body says {@code TOO_MANY_REQUESTS}, as some Harness services throttle. */
  THROTTLED_IN_BODY
}
