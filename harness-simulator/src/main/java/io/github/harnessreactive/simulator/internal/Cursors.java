package io.github.harnessreactive.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The simulator's cursors for lists paged by cursor: opaque strings to the client (base64url of
 * a versioned page position), read back from the next request. A cursor the simulator did not
 * write is refused, as a server refuses a cursor it cannot read.
 */
final class Cursors {

  private static final String PREFIX = "harness-simulator:v1:";

  private Cursors() {
  }

  /** The cursor that asks for the page at this 0-based position. */
  static String of(long position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The 0-based page position a cursor asks for.
   *
   * @throws IllegalArgumentException when the cursor is not one the simulator wrote
   */
  static long position(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw invalid();
    }
    if (!text.startsWith(PREFIX)) {
      throw invalid();
    }
    try {
      long position = Long.parseLong(text.substring(PREFIX.length()));
      if (position < 0) {
        throw invalid();
      }
      return position;
    } catch (NumberFormatException notANumber) {
      throw invalid();
    }
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("the cursor is not valid: pass back the nextCursor of the previous page");
  }
}
