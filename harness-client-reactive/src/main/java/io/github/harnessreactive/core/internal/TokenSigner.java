package io.github.harnessreactive.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs continuation tokens with HMAC-SHA256 under the client's key, or does nothing when the
 * client was given none ({@link #NONE}). A signed token cannot be forged or altered without the
 * key. Thread-safe; its {@code toString()} never shows the key.
 */
final class TokenSigner {

  /** The signer of a client without a key: tokens are not signed. */
  static final TokenSigner NONE = new TokenSigner(null);

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private TokenSigner(SecretKeySpec key) {
    this.key = key;
  }

  /** The signer for a key, or {@link #NONE} when the key is {@code null}. */
  static TokenSigner of(byte[] key) {
    return key == null ? NONE : new TokenSigner(new SecretKeySpec(key, ALGORITHM));
  }

  /** Whether tokens are signed (the client was given a key). */
  boolean signs() {
    return key != null;
  }

  /** The signature of a token's text, as unpadded base64url. */
  String sign(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
    }
  }

  /** Whether the signature is this signer's for the text, compared in constant time. */
  boolean verifies(String text, String signature) {
    return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return signs() ? "TokenSigner[HmacSHA256, key=***]" : "TokenSigner[none]";
  }
}
