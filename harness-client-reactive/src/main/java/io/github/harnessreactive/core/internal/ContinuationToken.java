package io.github.harnessreactive.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Where a listing stands, as an opaque, versioned, serialisable string: the operation, a binding
 * (a hash of the listing's query parameters and account, never the values themselves), the next
 * page index, the page size, the items seen and the total seen so far. Resuming with a token of
 * another listing fails before any request is made; a token resumes with any credential of its
 * account, so a rotated key does not strand a listing.
 */
record ContinuationToken(String operation, String binding, int nextIndex, int pageSize, long seen, long total) {

  private static final String VERSION = "hr1";

  /** The binding of a listing: its query parameters and the account it lists in ({@code ""} when none is known). */
  static String binding(List<?> query, String account) {
    StringBuilder text = new StringBuilder(account);
    for (Object value : query) {
      text.append('\u0000').append(Objects.toString(value));
    }
    return Digests.sha256Hex(text.toString(), 12);
  }

  String serialize() {
    String plain = String.join("|", VERSION, operation, binding, Integer.toString(nextIndex), Integer.toString(pageSize),
        Long.toString(seen), Long.toString(total));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token and checks it belongs to this listing.
   *
   * @throws IllegalArgumentException when the token is malformed, of another version, or of another listing
   */
  static ContinuationToken parse(String token, String operation, String binding) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a continuation token of harness-reactive", e);
    }
    if (parts.length != 7 || !VERSION.equals(parts[0])) {
      throw new IllegalArgumentException("not a continuation token of this version of harness-reactive");
    }
    if (!parts[1].equals(operation)) {
      throw new IllegalArgumentException("the continuation token belongs to " + parts[1] + ", not " + operation);
    }
    if (!parts[2].equals(binding)) {
      throw new IllegalArgumentException("the continuation token belongs to a listing with other query parameters"
          + " or of another account; resume with the parameters and account it was made with");
    }
    try {
      return new ContinuationToken(parts[1], parts[2], Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
          Long.parseLong(parts[5]), Long.parseLong(parts[6]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a damaged continuation token", e);
    }
  }
}
