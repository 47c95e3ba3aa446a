package io.github.harnessreactive.sei.v2;

/**
 * Checks the identifiers the SEI 2.0 facades of issue 17 take (organization, project, team, job...)
 * before a request is built. Today an identifier must be non-blank; this is the one place that
 * switches them to the runtime's identifier validator (Harness's identifier pattern, issue 13).
 */
final class Identifiers {

  private Identifiers() {
  }

  /**
   * Returns the identifier when it is usable.
   *
   * @param name what it identifies, for the message ({@code org}, {@code exportId})
   * @param value the identifier
   * @throws NullPointerException when {@code value} is {@code null}
   * @throws IllegalArgumentException when {@code value} is blank
   */
  static String require(String name, String value) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
