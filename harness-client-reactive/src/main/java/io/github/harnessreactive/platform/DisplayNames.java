package io.github.harnessreactive.platform;

/**
 * The check of a display name (a secret's, a token's, a variable's): free text that goes in a
 * request body, never in a path, so any text but a blank one. Identifiers are checked by
 * {@link io.github.harnessreactive.core.Identifiers}.
 */
final class DisplayNames {

  private DisplayNames() {
  }

  /**
   * The name, when it is not blank.
   *
   * @throws IllegalArgumentException when it is {@code null} or blank
   */
  static String require(String value, String parameter) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be blank");
    }
    return value;
  }
}
