package io.github.harnessreactive.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a listing stands, as an opaque, versioned, serialisable string: the operation, a binding
 * (a hash of the listing's query parameters and account, never the values themselves), the next
 * page index, the page size, the items seen and the total seen so far, and for a cursor listing the
 * cursor of the next page. Resuming with a token of
 * another listing fails before any request is made; a token resumes with any credential of its
 * account, so a rotated key does not strand a listing.
 *
 * <p>A token comes back from outside (an application's own clients, a checkpoint file), so it is
 * untrusted: its length is bounded before it is decoded, every number is range-checked (a page
 * size within the operation's maximum, an index that cannot overflow, counters that agree with
 * each other), and no message repeats what it holds. When the client has a key, tokens carry an
 * HMAC-SHA256 of their content ({@link TokenSigner}) and only tokens signed with that key resume.
 */
record ContinuationToken(String operation, String binding, int nextIndex, int pageSize, long seen, long total,
    @Nullable String cursor) {

  private static final String VERSION = "hr1";
  private static final String SIGNED_VERSION = "hr1s";
  /** The version of tokens of cursor listings: those of {@link #VERSION} with the cursor after the total. */
  private static final String CURSOR_VERSION = "hr2";
  private static final String SIGNED_CURSOR_VERSION = "hr2s";
  /** The longest token read: an index token is well under 200 characters, a cursor one holds its cursor. */
  static final int MAX_LENGTH = 2048;
  /** The longest cursor a token carries: a listing whose server hands out longer ones cannot be resumed. */
  static final int MAX_CURSOR = 1024;
  /** The largest next page index: one more still fits an {@code int}. */
  static final int MAX_INDEX = Integer.MAX_VALUE - 1;

  /** The binding of a listing: its query parameters and the account it lists in ({@code ""} when none is known). */
  static String binding(List<?> query, String account) {
    StringBuilder text = new StringBuilder(account);
    for (Object value : query) {
      text.append('\u0000').append(Objects.toString(value));
    }
    return Digests.sha256Hex(text.toString(), 12);
  }

  /** The token as a string, signed when the signer has a key. */
  String serialize(TokenSigner signer) {
    String fields = String.join("|", operation, binding, Integer.toString(nextIndex), Integer.toString(pageSize),
        Long.toString(seen), Long.toString(total));
    String version;
    if (cursor == null) {
      version = signer.signs() ? SIGNED_VERSION : VERSION;
    } else {
      version = signer.signs() ? SIGNED_CURSOR_VERSION : CURSOR_VERSION;
      fields += "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }
    String plain = version + "|" + fields;
    String text = signer.signs() ? plain + "|" + signer.sign(plain) : plain;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token, checks it was signed as the client requires, belongs to this listing and holds
   * numbers in range.
   *
   * @param maxPageSize the operation's largest page size
   * @throws IllegalArgumentException when the token is malformed, too long, of another version,
   *     unsigned or signed with another key where the client has a key, signed where it has none,
   *     of another listing, or out of range; the message never repeats the token's content
   */
  static ContinuationToken parse(String token, String operation, String binding, int maxPageSize, TokenSigner signer) {
    if (token.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not a continuation token of harness-reactive (longer than " + MAX_LENGTH
          + " characters)");
    }
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a continuation token of harness-reactive", null);
    }
    checkSignature(parts, signer);
    if (!parts[1].equals(operation)) {
      throw new IllegalArgumentException("the continuation token belongs to another operation than " + operation);
    }
    if (!parts[2].equals(binding)) {
      throw new IllegalArgumentException("the continuation token belongs to a listing with other query parameters"
          + " or of another account; resume with the parameters and account it was made with");
    }
    ContinuationToken parsed;
    try {
      String cursor = parts[0].startsWith(CURSOR_VERSION)
          ? new String(Base64.getUrlDecoder().decode(parts[7]), StandardCharsets.UTF_8) : null;
      parsed = new ContinuationToken(parts[1], parts[2], Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
          Long.parseLong(parts[5]), Long.parseLong(parts[6]), cursor);
    } catch (IllegalArgumentException e) { // a number or the cursor's Base64
      throw new IllegalArgumentException("a damaged continuation token", null);
    }
    return parsed.checkRanges(maxPageSize);
  }

  private static void checkSignature(String[] parts, TokenSigner signer) {
    int fields = parts[0].startsWith(CURSOR_VERSION) ? 8 : 7;
    boolean signed = parts.length == fields + 1
        && (SIGNED_VERSION.equals(parts[0]) || SIGNED_CURSOR_VERSION.equals(parts[0]));
    if (!signed && !(parts.length == fields && (VERSION.equals(parts[0]) || CURSOR_VERSION.equals(parts[0])))) {
      throw new IllegalArgumentException("not a continuation token of this version of harness-reactive");
    }
    if (signer.signs() && !signed) {
      throw new IllegalArgumentException("the continuation token is not signed, and this client accepts only tokens"
          + " signed with its key");
    }
    if (!signer.signs() && signed) {
      throw new IllegalArgumentException("the continuation token is signed: resume it with a client given the key it"
          + " was signed with (continuationTokenKey)");
    }
    if (signed && !signer.verifies(String.join("|", List.of(parts).subList(0, fields)), parts[fields])) {
      throw new IllegalArgumentException("the continuation token's signature does not match this client's key: it"
          + " was signed with another key, or altered");
    }
  }

  /** This token, when its numbers are in range and agree with each other. */
  private ContinuationToken checkRanges(int maxPageSize) {
    if (pageSize < 1 || pageSize > maxPageSize) {
      throw outOfRange("its page size is not between 1 and the operation's maximum of " + maxPageSize);
    }
    if (nextIndex < 0 || nextIndex > MAX_INDEX) {
      throw outOfRange("its page index is negative or too large");
    }
    if (seen < 0 || seen > (long) nextIndex * pageSize) {
      throw outOfRange("it counts more items seen than its pages can hold, or fewer than none");
    }
    if (total < -1 || (total >= 0 && seen > total)) {
      throw outOfRange("its total is negative or smaller than the items it counts as seen");
    }
    if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR)) {
      throw outOfRange("its cursor is empty or longer than " + MAX_CURSOR + " characters");
    }
    return this;
  }

  private static IllegalArgumentException outOfRange(String what) {
    return new IllegalArgumentException("a continuation token out of range: " + what);
  }
}
