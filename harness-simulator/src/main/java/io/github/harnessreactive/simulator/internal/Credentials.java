package io.github.harnessreactive.simulator.internal;

import io.github.harnessreactive.simulator.SimulatorOptions;

/** The credential of a request in the scheme its document uses, and whether the simulator accepts it. */
final class Credentials {

  private Credentials() {
  }

  /** The key or token; {@code ""} for a malformed SEI v1 header, {@code null} when there is none. */
  static String of(String document, String apiKey, String authorization) {
    if ("sei-v1".equals(document)) {
      if (authorization == null) {
        return null;
      }
      String[] parts = authorization.split(" ");
      return parts.length == 2 && parts[0].equalsIgnoreCase("ApiKey") ? parts[1] : "";
    }
    return apiKey == null || apiKey.isBlank() ? null : apiKey;
  }

  static boolean accepted(SimulatorOptions options, String document, String credential) {
    return "sei-v1".equals(document) ? options.seiV1Keys().contains(credential) : options.apiKeys().contains(credential);
  }
}
