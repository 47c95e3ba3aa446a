package io.github.harnessreactive.simulator;

/**
 * How often the simulator misbehaves, each a probability from 0 to 1 per request, drawn in order
 * from the simulator's seed (so a run is repeatable).
 *
 * @param connectionReset the connection is reset instead of answered
 * @param serviceUnavailable an empty 503
 * @param htmlBadGateway a 502 with a proxy's HTML page
 * @param truncatedJson a 200 whose JSON body is cut in half
 * @param throttleInBody a 400 whose body says {@code TOO_MANY_REQUESTS}
 */
public record Faults(double connectionReset, double serviceUnavailable, double htmlBadGateway, double truncatedJson,
    double throttleInBody) {

  public Faults {
    for (double p : new double[] {connectionReset, serviceUnavailable, htmlBadGateway, truncatedJson, throttleInBody}) {
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("fault probabilities must be between 0 and 1");
      }
    }
    if (connectionReset + serviceUnavailable + htmlBadGateway + truncatedJson + throttleInBody > 1) {
      throw new IllegalArgumentException("fault probabilities must add up to at most 1");
    }
  }

  /** No faults. */
  public static Faults none() {
    return new Faults(0, 0, 0, 0, 0);
  }

  /** The same total rate spread evenly over every kind of fault. */
  public static Faults mixed(double rate) {
    double each = rate / 5;
    return new Faults(each, each, each, each, each);
  }

  /** The probability of any fault. */
  public double total() {
    return connectionReset + serviceUnavailable + htmlBadGateway + truncatedJson + throttleInBody;
  }
}
