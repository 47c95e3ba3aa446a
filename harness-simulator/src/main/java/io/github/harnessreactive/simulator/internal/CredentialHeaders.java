package io.github.harnessreactive.simulator.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers that carry credentials, and how the simulator keeps them out of what it stores: the
 * journal keeps the header with its scheme and no secret ({@code ApiKey REDACTED}), so a test can
 * still check that a key was sent.
 */
public final class CredentialHeaders {

  /** What stands for a removed secret. */
  public static final String REDACTED = "REDACTED";

  /** Request headers whose values are credentials. */
  public static final Set<String> REQUEST = Set.of("x-api-key", "authorization", "proxy-authorization", "cookie");

  /** Response headers that may carry credentials or session state. */
  public static final Set<String> RESPONSE = Set.of("set-cookie", "authorization", "x-api-key", "proxy-authorization",
      "www-authenticate", "proxy-authenticate");

  private CredentialHeaders() {
  }

  /** Whether a request header carries a credential. */
  public static boolean isCredential(String header) {
    return REQUEST.contains(header.toLowerCase(Locale.ROOT));
  }

  /** The values with their secrets removed: a leading scheme word ({@code Bearer}, {@code ApiKey}) is kept. */
  public static List<String> mask(List<String> values) {
    return values.stream().map(CredentialHeaders::mask).toList();
  }

  private static String mask(String value) {
    String[] parts = value.trim().split("\\s+", 2);
    return parts.length == 2 && parts[0].matches("[A-Za-z]+") ? parts[0] + " " + REDACTED : REDACTED;
  }
}
