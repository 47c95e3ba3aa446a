package io.github.harnessreactive.core.credentials;

import io.github.harnessreactive.core.internal.Digests;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An SEI v1 API key (issued in SEI settings, roles Admin or Ingestion), sent as
 * {@code Authorization: ApiKey <key>}. It is not a Platform token and names no account.
 * It can be {@linkplain #rotate(String) rotated} while the client runs.
 */
public final class SeiApiKeyCredential implements HarnessCredential {

  private volatile Key key;

  private SeiApiKeyCredential(Key key) {
    this.key = key;
  }

  /**
   * A credential for an SEI v1 API key.
   *
   * @throws IllegalArgumentException when the key is blank or contains whitespace or a control character
   */
  public static SeiApiKeyCredential of(String apiKey) {
    return new SeiApiKeyCredential(Key.parse(apiKey));
  }

  /**
   * Replaces the key; the next HTTP attempt sends the new one.
   *
   * @throws IllegalArgumentException as {@link #of(String)} does; the old key then stays in use
   */
  public void rotate(String apiKey) {
    this.key = Key.parse(apiKey);
  }

  @Override
  public Mono<AuthHeader> authenticate() {
    return Mono.fromSupplier(() -> new AuthHeader("Authorization", "ApiKey " + key.value));
  }

  @Override
  public String identity() {
    return key.identity;
  }

  @Override
  public String toString() {
    return "SeiApiKeyCredential[" + key.identity + ", key=***]";
  }

  private record Key(String value, String identity) {

    static Key parse(String value) {
      Objects.requireNonNull(value, "apiKey");
      String trimmed = value.strip();
      // SEI splits the Authorization header on one space and expects exactly two parts.
      if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
        throw new IllegalArgumentException("an SEI API key must be non-blank and contain no whitespace or control character");
      }
      return new Key(trimmed, "sei:sha256:" + Digests.sha256Hex(trimmed, 6));
    }

    @Override
    public String toString() {
      return identity;
    }
  }
}
