package io.github.harnessreactive.core.internal;

import java.util.Locale;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt, innermost: refuses a request whose raw path holds a {@code .} or {@code ..}
 * segment, whatever built it (a facade, the escape hatch, a base URL). Path values are
 * percent-encoded, but {@code .} is an unreserved character, so {@code "..."} given as an
 * identifier would reach the wire as a real segment, and a server or proxy that normalises paths
 * (RFC 3986, section 5.2.4) would route {@code DELETE .../pipelines/..} to the project.
 *
 * <p>A segment counts as a dot segment when it is {@code .} or {@code ..} after what servers are
 * known to undo before routing: percent-encoding of the dots ({@code %2e}, {@code %2E}), also
 * encoded twice ({@code %252e}); a path parameter after {@code ;} (Tomcat reads {@code ..;x} as
 * {@code ..}); and an encoded slash or a backslash inside the segment ({@code a%2F..}), which some
 * servers decode into separators. The refusal is an {@link IllegalArgumentException}, never
 * retried, and says which segment of the path it was, not what the path holds.
 *
 * <p>It is the last filter, so it checks the URL exactly as it goes out, after every filter that
 * rewrites it (account scoping); the price is that a refused attempt has taken its rate-limit
 * permit, which only the escape hatch can cause: the facades check their parameters first.
 */
final class PathGuardFilter implements ExchangeFilterFunction {

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    int segment = dotSegment(request.url().getRawPath());
    if (segment >= 0) {
      return Mono.error(new IllegalArgumentException("refusing to send " + request.method().name()
          + " with a '.' or '..' path segment (segment " + segment + " of the path): a path value is not"
          + " an identifier; a server that normalises paths would address another resource"));
    }
    return next.exchange(request);
  }

  /**
   * The 0-based index of the first dot segment of a raw path, or -1 when there is none.
   *
   * @param rawPath the path as sent, percent-encoded; {@code null} counts as empty
   */
  static int dotSegment(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return -1;
    }
    String[] segments = (rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (isDotSegment(segments[i])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDotSegment(String segment) {
    if (segment.indexOf('.') < 0 && segment.indexOf('%') < 0) {
      return false; // the common case: an identifier, a number
    }
    String text = collapseEncodedPercents(segment.toLowerCase(Locale.ROOT))
        .replace("%2f", "/").replace("%5c", "/").replace('\\', '/');
    for (String part : text.split("/", -1)) {
      int parameter = part.indexOf(';');
      String name = (parameter >= 0 ? part.substring(0, parameter) : part).replace("%2e", ".");
      if (".".equals(name) || "..".equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text with every {@code %} followed by any number of {@code 25} turned into one {@code %}:
   * what decoding {@code %25} (an encoded {@code %}) until none is left gives, in one pass.
   */
  private static String collapseEncodedPercents(String text) {
    StringBuilder result = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      result.append(c);
      if (c == '%') {
        while (text.startsWith("25", i)) {
          i += 2;
        }
      }
    }
    return result.toString();
  }
}
