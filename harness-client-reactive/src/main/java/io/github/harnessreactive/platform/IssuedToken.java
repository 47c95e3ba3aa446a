package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import java.util.Objects;
import java.util.Optional;

/**
 * A token Harness just issued (created or rotated): the only time Harness answers a token's value.
 * {@link #toString()} shows the token's identity ({@code sat:<accountId>.<tokenId>}), never its value; hand the
 * value to your secret store with {@link #value()} and nothing else.
 */
public final class IssuedToken {

  private final String identifier;
  private final ApiKeyCredential credential;
  private final String value;

  /**
   * @param identifier the token's Harness identifier (what {@link Tokens#delete} takes), or
   *     {@code null} when Harness did not say (a rotation)
   * @param value the token
   * @throws IllegalArgumentException when the value is blank or a malformed PAT/SAT (the message does not repeat it)
   */
  IssuedToken(String identifier, String value) {
    this.identifier = identifier;
    this.credential = ApiKeyCredential.of(Objects.requireNonNull(value, "value"));
    this.value = value.strip();
  }

  /** The token's Harness identifier; empty for a rotated token, whose identifier Harness does not answer. */
  public Optional<String> identifier() {
    return Optional.ofNullable(identifier);
  }

  /** Who the token authenticates, not the secret: {@code pat:<accountId>.<tokenId>} or {@code sat:<accountId>.<tokenId>}, as its credential's identity. */
  public String identity() {
    return credential.identity();
  }

  /** The token itself. Store it, never log it. */
  public String value() {
    return value;
  }

  /** A new credential for the token (for another client); {@link KeyRotation} switches a running client instead. */
  public ApiKeyCredential credential() {
    return ApiKeyCredential.of(value);
  }

  @Override
  public String toString() {
    return "IssuedToken[" + (identifier == null ? "" : identifier + ", ") + credential.identity() + ", token=***]";
  }
}
