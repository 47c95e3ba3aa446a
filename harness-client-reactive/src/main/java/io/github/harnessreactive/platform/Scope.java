package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.Identifiers;

/**
 * Where a Platform resource lives: the account, an organization of it, or a project of an
 * organization.
 *
 * @param orgIdentifier the organization, or {@code null} at account level
 * @param projectIdentifier the project, or {@code null} at account or organization level
 */
public record Scope(String orgIdentifier, String projectIdentifier) {

  /**
   * Checks the scope.
   *
   * @throws IllegalArgumentException when a project is given without its organization, or an
   *     identifier given is not a Harness identifier ({@link Identifiers#IDENTIFIER_PATTERN})
   */
  public Scope {
    if (projectIdentifier != null && orgIdentifier == null) {
      throw new IllegalArgumentException("a project scope needs its organization");
    }
    Identifiers.requireIdentifierOrNull(orgIdentifier, "orgIdentifier");
    Identifiers.requireIdentifierOrNull(projectIdentifier, "projectIdentifier");
  }

  /** The account itself. */
  public static Scope account() {
    return new Scope(null, null);
  }

  /**
   * An organization.
   *
   * @throws IllegalArgumentException when the identifier is {@code null} or not a Harness identifier
   */
  public static Scope org(String orgIdentifier) {
    return new Scope(Identifiers.requireIdentifier(orgIdentifier, "orgIdentifier"), null);
  }

  /**
   * A project of an organization.
   *
   * @throws IllegalArgumentException when an identifier is {@code null} or not a Harness identifier
   */
  public static Scope project(String orgIdentifier, String projectIdentifier) {
    return new Scope(Identifiers.requireIdentifier(orgIdentifier, "orgIdentifier"),
        Identifiers.requireIdentifier(projectIdentifier, "projectIdentifier"));
  }
}
