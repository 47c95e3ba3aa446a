package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.Identifiers;
import io.github.harnessreactive.generated.platform.ng.model.TokenDTO;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * What {@link KeyRotation#rotate} does: which key's token the running client uses now, the new
 * token to create in its place, how to check the new token works, and where to keep it before the
 * old one is revoked. Immutable: each {@code with...} returns a copy.
 */
public final class TokenRotation {

  private final ApiKeyRef key;
  private final String currentToken;
  private final String newToken;
  private final String name;
  private final Instant validTo;
  private final Function<PlatformClient, Mono<?>> verification;
  private final Function<IssuedToken, Mono<Void>> keepNewToken;

  private TokenRotation(ApiKeyRef key, String currentToken, String newToken, String name, Instant validTo,
      Function<PlatformClient, Mono<?>> verification, Function<IssuedToken, Mono<Void>> keepNewToken) {
    this.key = key;
    this.currentToken = currentToken;
    this.newToken = newToken;
    this.name = name;
    this.validTo = validTo;
    this.verification = verification;
    this.keepNewToken = keepNewToken;
  }

  /**
   * A rotation of a key's token. The new token is named like its identifier, does not expire unless
   * {@link #withValidTo} says so, is verified by reading the key ({@code GET /ng/api/apikey/aggregate/{key}})
   * and is kept nowhere before the old one is revoked unless {@link #keepingNewTokenWith} says where.
   *
   * @param key the API key whose token the running client uses
   * @param currentToken the Harness identifier of that token (the one to revoke; not the token itself)
   * @param newToken the Harness identifier to give the new token
   * @return the rotation
   * @throws NullPointerException when the key is {@code null}
   * @throws IllegalArgumentException when an identifier is not a Harness identifier, or both are the same
   */
  public static TokenRotation of(ApiKeyRef key, String currentToken, String newToken) {
    Objects.requireNonNull(key, "key");
    Identifiers.requireIdentifier(currentToken, "currentToken");
    Identifiers.requireIdentifier(newToken, "newToken");
    if (currentToken.equals(newToken)) {
      throw new IllegalArgumentException("the new token needs another identifier than the current one");
    }
    return new TokenRotation(key, currentToken, newToken, newToken, null,
        platform -> platform.apiKeys().get(key), token -> Mono.empty());
  }

  /**
   * The new token's display name.
   *
   * @throws IllegalArgumentException when the name is blank
   */
  public TokenRotation withName(String name) {
    return new TokenRotation(key, currentToken, newToken, DisplayNames.require(name, "name"), validTo, verification, keepNewToken);
  }

  /** When the new token expires; {@code null} for never. */
  public TokenRotation withValidTo(Instant validTo) {
    return new TokenRotation(key, currentToken, newToken, name, validTo, verification, keepNewToken);
  }

  /**
   * The one call that proves the new token works, made by the running client once it has switched
   * to it; any error fails the rotation, which then switches back and revokes the new token.
   *
   * @throws NullPointerException when the verification is {@code null}
   */
  public TokenRotation withVerification(Function<PlatformClient, Mono<?>> verification) {
    return new TokenRotation(key, currentToken, newToken, name, validTo, Objects.requireNonNull(verification, "verification"),
        keepNewToken);
  }

  /**
   * Where to keep the new token (a secret store) once it is verified and before the old one is
   * revoked, so a crash between the two never leaves no working token on record; an error fails
   * the rotation, which then switches back and revokes the new token.
   *
   * @throws NullPointerException when the function is {@code null}
   */
  public TokenRotation keepingNewTokenWith(Function<IssuedToken, Mono<Void>> keepNewToken) {
    return new TokenRotation(key, currentToken, newToken, name, validTo, verification,
        Objects.requireNonNull(keepNewToken, "keepNewToken"));
  }

  /** The API key whose token is rotated. */
  public ApiKeyRef key() {
    return key;
  }

  /** The Harness identifier of the token in use, revoked at the end. */
  public String currentToken() {
    return currentToken;
  }

  /** The Harness identifier the new token gets. */
  public String newToken() {
    return newToken;
  }

  TokenDTO newTokenDefinition() {
    TokenDTO token = Tokens.token(key, newToken, name);
    return validTo == null ? token : token.validTo(validTo.toEpochMilli());
  }

  Function<PlatformClient, Mono<?>> verification() {
    return verification;
  }

  Function<IssuedToken, Mono<Void>> keepNewToken() {
    return keepNewToken;
  }

  @Override
  public String toString() {
    return "TokenRotation[key=" + key.identifier() + ", " + currentToken + " -> " + newToken + "]";
  }
}
