package io.github.harnessreactive.core.credentials;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and the instant it stops being valid. {@code toString()} hides the token.
 *
 * @param token the token; secret
 * @param expiresAt when Harness stops accepting it
 */
public record AccessToken(String token, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token is blank");
    }
  }

  @Override
  public String toString() {
    return "AccessToken[token=***, expiresAt=" + expiresAt + "]";
  }
}
