package io.github.harnessreactive.platform;

import java.util.Optional;

/**
 * Where a Platform resource lives: the account, an organization of it, or a project of an
 * organization.
 *
 * @param orgIdentifier the organization, or {@code null} at account level
 * @param projectIdentifier the project, or {@code null} at account or organization level
 */
public record Scope(String orgIdentifier, String projectIdentifier) {

  public Scope {
    if (projectIdentifier != null && orgIdentifier == null) {
      throw new IllegalArgumentException("a project scope needs its organization");
    }
  }

  /** The account itself. */
  public static Scope account() {
    return new Scope(null, null);
  }

  /** An organization. */
  public static Scope org(String orgIdentifier) {
    return new Scope(require(orgIdentifier, "orgIdentifier"), null);
  }

  /** A project of an organization. */
  public static Scope project(String orgIdentifier, String projectIdentifier) {
    return new Scope(require(orgIdentifier, "orgIdentifier"), require(projectIdentifier, "projectIdentifier"));
  }

  Optional<String> org() {
    return Optional.ofNullable(orgIdentifier);
  }

  Optional<String> project() {
    return Optional.ofNullable(projectIdentifier);
  }

  static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
