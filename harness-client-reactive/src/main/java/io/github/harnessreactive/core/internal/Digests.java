package io.github.harnessreactive.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short one-way names for values that must not be shown: a credential's identity, a listing's
 * binding, a metric label. Public for the credentials and resilience packages of the runtime; not API.
 */
public final class Digests {

  private Digests() {
  }

  /**
   * The label a metric gives a credential's identity (a rate-limit partition, a client): 12 hex
   * digits of its SHA-256, the same wherever it is used, so that a scraped endpoint names no
   * token id or account while the gauges of one credential still share a label.
   */
  public static String metricLabel(String identity) {
    return sha256Hex(identity, 6);
  }

  /**
   * The first {@code bytes} bytes of the SHA-256 of the text (UTF-8), as lower-case hex.
   *
   * @throws IllegalArgumentException when {@code bytes} is not between 1 and 32
   */
  public static String sha256Hex(String text, int bytes) {
    if (bytes < 1 || bytes > 32) {
      throw new IllegalArgumentException("bytes must be between 1 and 32, got " + bytes);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
