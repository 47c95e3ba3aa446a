package io.github.harnessreactive.core.credentials;

import io.github.harnessreactive.core.internal.Digests;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A Harness API key sent as {@code x-api-key}: a Platform personal access token
 * ({@code pat.<accountId>.<tokenId>.<secret>}), a service account token ({@code sat....}), or an
 * SEI 2.0 API key (opaque). Used by the Platform NG and v1 APIs and by SEI 2.0 through the gateway.
 *
 * <p>A PAT or SAT names its account, so the client can take the account id from it, and its
 * {@linkplain #identity() identity} is its account and token id ({@code pat:<accountId>.<tokenId>}):
 * token ids are unique within an account only, and the identity keys the rate-limit partition. A value that starts like a PAT or SAT but is
 * malformed is refused when the credential is created, with a message that does not repeat it. An
 * opaque key's identity is a short hash, and the account id must be given to the client.
 *
 * <p>The key can be {@linkplain #rotate(String) rotated} while the client runs; the next HTTP
 * attempt uses the new key.
 */
public final class ApiKeyCredential implements HarnessCredential {

  private volatile Key key;

  private ApiKeyCredential(Key key) {
    this.key = key;
  }

  /**
   * A credential for a PAT, a SAT or an SEI 2.0 API key.
   *
   * @throws IllegalArgumentException when the value is blank, holds whitespace or a control character
   *     (after surrounding whitespace is stripped), or claims to be a PAT/SAT and is malformed
   */
  public static ApiKeyCredential of(String apiKey) {
    return new ApiKeyCredential(Key.parse(apiKey));
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
    return Mono.fromSupplier(() -> new AuthHeader("x-api-key", key.value));
  }

  @Override
  public String identity() {
    return key.identity;
  }

  @Override
  public Optional<String> accountId() {
    return Optional.ofNullable(key.token).map(PlatformToken::accountId);
  }

  /** Whether the key is a Platform PAT or SAT (as opposed to an opaque SEI 2.0 key). */
  public boolean isPlatformToken() {
    return key.token != null;
  }

  @Override
  public String toString() {
    return "ApiKeyCredential[" + key.identity + ", key=***]";
  }

  private record Key(String value, PlatformToken token, String identity) {

    static Key parse(String value) {
      Objects.requireNonNull(value, "apiKey");
      String trimmed = value.strip();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("the API key is blank");
      }
      // A header value with a space or a control character is not a key Harness issued (and Netty
      // would refuse CR or LF only once the request is on its way).
      if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
        throw new IllegalArgumentException("the API key holds whitespace or a control character");
      }
      if (PlatformToken.claims(trimmed)) {
        PlatformToken token = PlatformToken.parse(trimmed);
        return new Key(trimmed, token, token.type() + ":" + token.accountId() + "." + token.tokenId());
      }
      return new Key(trimmed, null, "key:sha256:" + Digests.sha256Hex(trimmed, 6));
    }

    @Override
    public String toString() {
      return identity;
    }
  }
}
