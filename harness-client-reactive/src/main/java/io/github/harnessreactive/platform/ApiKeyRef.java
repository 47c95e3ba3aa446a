package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.Identifiers;
import java.util.Objects;

/**
 * One API key, named by its owner and its identifier: what the tokens of {@link Tokens} belong to.
 *
 * @param owner the user or service account the key belongs to
 * @param identifier the key's identifier
 */
public record ApiKeyRef(ApiKeyOwner owner, String identifier) {

  /**
   * A key.
   *
   * @throws NullPointerException when the owner is {@code null}
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public ApiKeyRef {
    Objects.requireNonNull(owner, "owner");
    Identifiers.requireIdentifier(identifier, "identifier");
  }

  /** The key's scope (its owner's). */
  public Scope scope() {
    return owner.scope();
  }
}
