package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessClient;

/** The account the Platform calls of a client name by default. */
final class Accounts {

  private Accounts() {
  }

  /**
   * The client's account. Called inside the generated call, at subscription, so a missing
   * account fails through {@code onError}. A {@code HarnessContext} override still wins on the wire.
   */
  static String of(HarnessClient client) {
    return client.accountId().orElseThrow(() -> new IllegalStateException(
        "the Platform APIs need an account id: build the client with a PAT/SAT or accountId(...)"));
  }
}
