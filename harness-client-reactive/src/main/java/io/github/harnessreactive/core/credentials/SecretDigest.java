package io.github.harnessreactive.core.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, one-way name for an opaque secret, usable as an identity without revealing it. */
final class SecretDigest {

  private SecretDigest() {
  }

  /** The first 12 hex digits of the SHA-256 of the secret, after a prefix naming the scheme. */
  static String of(String scheme, String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return scheme + ":sha256:" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
