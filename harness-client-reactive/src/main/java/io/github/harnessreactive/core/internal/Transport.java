package io.github.harnessreactive.core.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for which URLs may carry a credential without the user opting in: https, or plain
 * http to a loopback host (a local simulator). Used where the client is built and again on every
 * attempt, so the two can never disagree.
 */
final class Transport {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private Transport() {
  }

  /** Whether a credential may go to this URL: https, or a loopback host. */
  static boolean maySendCredential(URI url) {
    return "https".equalsIgnoreCase(url.getScheme()) || isLoopback(url.getHost());
  }

  /**
   * Whether a host is loopback by its name ({@code localhost}) or its literal address, in any form:
   * {@code 127.0.0.0/8}, {@code ::1}, {@code 0:0:0:0:0:0:0:1}, {@code ::ffff:127.0.0.1}... Never a
   * DNS look-up, which would block: a name other than {@code localhost} is not loopback.
   */
  static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if ("localhost".equals(host.toLowerCase(Locale.ROOT))) {
      return true;
    }
    var ipv4 = IPV4.matcher(host);
    if (ipv4.matches()) {
      for (int group = 1; group <= 4; group++) {
        if (Integer.parseInt(ipv4.group(group)) > 255) {
          return false;
        }
      }
      return "127".equals(ipv4.group(1));
    }
    if (host.indexOf(':') < 0) {
      return false;
    }
    // A bracketed literal is parsed, never looked up: the JDK refuses an invalid one without DNS.
    String bracketed = host.startsWith("[") ? host : "[" + host + "]";
    try {
      return InetAddress.getByName(bracketed).isLoopbackAddress();
    } catch (UnknownHostException invalidLiteral) {
      return false;
    }
  }
}
