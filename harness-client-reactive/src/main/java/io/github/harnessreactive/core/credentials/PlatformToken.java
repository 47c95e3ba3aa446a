package io.github.harnessreactive.core.credentials;

import io.github.harnessreactive.core.Identifiers;

/**
 * The parts of a Harness Platform token, {@code pat.<accountId>.<tokenId>.<secret>} or
 * {@code sat.<accountId>.<tokenId>.<secret>}. Parsing never puts the token in an error message.
 */
record PlatformToken(String type, String accountId, String tokenId) {

  /** Whether the value claims to be a Platform token (starts with {@code pat.} or {@code sat.}). */
  static boolean claims(String value) {
    return value.startsWith("pat.") || value.startsWith("sat.");
  }

  /**
   * Parses a value that {@linkplain #claims claims} to be a Platform token.
   *
   * @throws IllegalArgumentException naming the expected form, without the value, when it is
   *     malformed or its account id part is not an account id
   */
  static PlatformToken parse(String value) {
    String[] parts = value.split("\\.", -1);
    String type = parts[0];
    if (parts.length != 4 || parts[1].isBlank() || parts[2].isBlank() || parts[3].isBlank()) {
      throw new IllegalArgumentException("malformed Harness " + type.toUpperCase(java.util.Locale.ROOT)
          + ": expected " + type + ".<accountId>.<tokenId>.<secret> (" + parts.length
          + " dot-separated parts found)");
    }
    try {
      Identifiers.requireAccountId(parts[1], "the account id part");
    } catch (IllegalArgumentException notAnAccount) {
      throw new IllegalArgumentException("malformed Harness " + type.toUpperCase(java.util.Locale.ROOT) + ": "
          + notAnAccount.getMessage(), null);
    }
    return new PlatformToken(type, parts[1], parts[2]);
  }
}
