package io.github.harnessreactive.core;

import java.util.regex.Pattern;

/**
 * The rules values must follow before the library puts them into a request's path, query or
 * headers, in one place. Every facade checks its parameters with them before any request; the
 * runtime checks the account of every call with {@link #requireAccountId} and, whatever built the
 * request, refuses a path with a {@code .} or {@code ..} segment just before it is sent.
 *
 * <ul>
 *   <li><b>Identifiers</b> of organizations, projects, pipelines, connectors and other Harness
 *       entities: Harness's pattern {@value #IDENTIFIER_PATTERN} (a letter or {@code _}, then up to
 *       127 letters, digits, {@code _} or {@code $}). The reference documents state it on the
 *       models' {@code identifier} fields; it is kept here, not in our OpenAPI documents, which
 *       the spec importer rewrites.</li>
 *   <li><b>Account ids</b> are not entity identifiers: 22 characters of base64url, which may start
 *       with a digit or hold {@code -}; {@value #ACCOUNT_PATTERN}.</li>
 *   <li><b>Other path values</b> (an execution id, an SEI integration id, an e-mail): not blank,
 *       not {@code .} or {@code ..}, no control character. They are percent-encoded on the wire,
 *       so these are the only values that could change which resource a path names.</li>
 * </ul>
 *
 * <p>A value that breaks a rule is refused with an {@link IllegalArgumentException} naming the
 * parameter (never repeating a value that may be someone's input in full), which the runtime never
 * retries.
 */
public final class Identifiers {

  /** Harness's entity identifier pattern. */
  public static final String IDENTIFIER_PATTERN = "^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$";

  /** The account id pattern. */
  public static final String ACCOUNT_PATTERN = "^[A-Za-z0-9_-]{1,64}$";

  private static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_PATTERN);
  private static final Pattern ACCOUNT = Pattern.compile(ACCOUNT_PATTERN);

  private Identifiers() {
  }

  /**
   * Checks a Harness entity identifier (organization, project, pipeline, connector...).
   *
   * @param value the identifier
   * @param parameter the parameter's name, for the message
   * @return the value, unchanged
   * @throws IllegalArgumentException when the value is {@code null} or does not match {@value #IDENTIFIER_PATTERN}
   */
  public static String requireIdentifier(String value, String parameter) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(parameter + " is not a Harness identifier (" + describe(value)
          + "): it must match " + IDENTIFIER_PATTERN);
    }
    return value;
  }

  /**
   * Checks an identifier an operation may leave out ({@code orgIdentifier} and
   * {@code projectIdentifier} in a query, which a {@code HarnessContext} can fill in).
   *
   * @param value the identifier, or {@code null}
   * @param parameter the parameter's name, for the message
   * @return the value, unchanged
   * @throws IllegalArgumentException when the value is not {@code null} and does not match {@value #IDENTIFIER_PATTERN}
   */
  public static String requireIdentifierOrNull(String value, String parameter) {
    return value == null ? null : requireIdentifier(value, parameter);
  }

  /**
   * Checks an account id.
   *
   * @param value the account id
   * @param parameter the parameter's name, for the message
   * @return the value, unchanged
   * @throws IllegalArgumentException when the value is {@code null} or does not match {@value #ACCOUNT_PATTERN}
   */
  public static String requireAccountId(String value, String parameter) {
    if (value == null || !ACCOUNT.matcher(value).matches()) {
      throw new IllegalArgumentException(parameter + " is not a Harness account id (" + describe(value)
          + "): it must match " + ACCOUNT_PATTERN);
    }
    return value;
  }

  /**
   * Checks a value that goes into a path and is not an entity identifier: an execution id, an SEI
   * integration id, an e-mail.
   *
   * @param value the value
   * @param parameter the parameter's name, for the message
   * @return the value, unchanged
   * @throws IllegalArgumentException when the value is {@code null}, blank, {@code .}, {@code ..},
   *     or holds a control character
   */
  public static String requirePathValue(String value, String parameter) {
    if (value == null || value.isBlank() || ".".equals(value) || "..".equals(value)
        || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(parameter + " cannot be used in a path (" + describe(value)
          + "): it must not be blank, '.' or '..', nor hold a control character");
    }
    return value;
  }

  /**
   * What the message says about a refused value: what is wrong with its shape, never the value
   * itself, which may be long, hold control characters or be someone's input.
   */
  private static String describe(String value) {
    if (value == null) {
      return "null";
    }
    if (value.isEmpty()) {
      return "empty";
    }
    if (".".equals(value) || "..".equals(value)) {
      return "'" + value + "'";
    }
    return value.length() + " characters";
  }
}
