package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.Identifiers;
import java.util.Objects;

/**
 * Whose API keys these are: a user (personal access tokens, at account scope) or a service account
 * (service account tokens, at the service account's scope).
 *
 * @param scope where the owner lives: the account for a user, the service account's scope otherwise
 * @param type the kind of owner
 * @param identifier the user id or the service account identifier
 */
public record ApiKeyOwner(Scope scope, Type type, String identifier) {

  /** The kinds of API key owner, with Harness's {@code apiKeyType} names. */
  public enum Type {
    /** A user: the keys hold personal access tokens ({@code pat....}). */
    USER,
    /** A service account: the keys hold service account tokens ({@code sat....}). */
    SERVICE_ACCOUNT
  }

  /**
   * An owner.
   *
   * @throws NullPointerException when the scope or type is {@code null}
   * @throws IllegalArgumentException when the identifier is not a Harness identifier, {@code .} or {@code ..} (a user id
   *     is not a Harness identifier; a service account's is checked by {@link #serviceAccount})
   */
  public ApiKeyOwner {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(type, "type");
    Identifiers.requirePathValue(identifier, "identifier");
  }

  /**
   * A service account.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public static ApiKeyOwner serviceAccount(Scope scope, String identifier) {
    return new ApiKeyOwner(scope, Type.SERVICE_ACCOUNT, Identifiers.requireIdentifier(identifier, "identifier"));
  }

  /**
   * A user; personal access tokens live at account scope.
   *
   * @throws IllegalArgumentException when the user id is blank, {@code .} or {@code ..}
   */
  public static ApiKeyOwner user(String userId) {
    return new ApiKeyOwner(Scope.account(), Type.USER, userId);
  }

  /**
   * One of this owner's API keys.
   *
   * @throws IllegalArgumentException when the key identifier is not a Harness identifier
   */
  public ApiKeyRef key(String apiKeyIdentifier) {
    return new ApiKeyRef(this, apiKeyIdentifier);
  }
}
