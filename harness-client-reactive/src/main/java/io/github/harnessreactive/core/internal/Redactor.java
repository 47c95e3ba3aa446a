package io.github.harnessreactive.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * Decides what of a request or response may be written to a log or an exception: an allow-list
 * of header and query-parameter names whose values are shown; every other value prints as
 * {@value #REDACTED}. Secrets known to the call are also scrubbed from free text such as bodies.
 */
final class Redactor {

  static final String REDACTED = "REDACTED";

  /** The longest {@code Location} shown. */
  private static final int LOCATION_LIMIT = 300;

  /** Query parameters whose values are shown: paging, scope and other non-secret identifiers. */
  static final Set<String> SHOWN_QUERY_PARAMETERS = Set.of(
      "accountIdentifier", "routingId", "account", "accountId", "orgIdentifier", "projectIdentifier",
      "pageIndex", "pageSize", "page", "size", "limit", "page_size", "sort", "sortOrders", "order",
      "module", "version", "there_is_no_cache", "pipeline", "hasModule", "moduleType", "type", "category");

  /** Headers whose values are shown (compared ignoring case). */
  static final Set<String> SHOWN_HEADERS = Set.of(
      "accept", "accept-encoding", "content-type", "content-length", "content-encoding", "transfer-encoding",
      "user-agent", "harness-account", "date", "connection", "x-total-elements", "x-page-number",
      "x-page-size", "x-request-id", "x-correlation-id", "correlationid", "retry-after", "server", "etag",
      "traceparent", "vary", "cache-control");

  private Redactor() {
  }

  /**
   * The URL with user info and fragment dropped and the values of query parameters not on the
   * allow-list redacted. Written from the URI's raw parts, never re-validated, so whatever a
   * parsed URI holds (an {@code =} inside a query value, base64 padding) cannot make it fail.
   */
  static String url(URI uri) {
    if (uri == null) {
      return "";
    }
    StringBuilder url = new StringBuilder();
    if (uri.getScheme() != null) {
      url.append(uri.getScheme()).append(':');
    }
    if (uri.getHost() != null) {
      url.append("//").append(uri.getHost());
      if (uri.getPort() >= 0) {
        url.append(':').append(uri.getPort());
      }
    }
    url.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      char separator = '?';
      for (String parameter : query.split("&")) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        url.append(separator).append(name);
        if (equals >= 0) {
          url.append('=').append(SHOWN_QUERY_PARAMETERS.contains(name) ? parameter.substring(equals + 1) : REDACTED);
        }
        separator = '&';
      }
    }
    return url.toString();
  }

  /**
   * A redirect's {@code Location} as it may be shown: a URL (absolute or relative) redacted as
   * {@link #url} does; for a value that is no URL at all (spaces, garbage), only its scheme and
   * host when it starts with them; one line, capped.
   */
  static String location(String location) {
    String trimmed = location.strip();
    try {
      return oneLine(url(new URI(trimmed)), LOCATION_LIMIT);
    } catch (URISyntaxException notAUrl) {
      int scheme = trimmed.indexOf("://");
      if (scheme <= 0) {
        return "(a Location that is not a URL)";
      }
      int end = scheme + 3;
      while (end < trimmed.length() && "/?#\\".indexOf(trimmed.charAt(end)) < 0 && !Character.isWhitespace(trimmed.charAt(end))) {
        end++;
      }
      String authority = trimmed.substring(scheme + 3, end);
      String host = authority.substring(authority.lastIndexOf('@') + 1);
      return oneLine(trimmed.substring(0, scheme) + "://" + host + "/...", LOCATION_LIMIT);
    }
  }

  /** The headers as {@code name: value} lines, values redacted unless allow-listed. */
  static String headers(HttpHeaders headers) {
    return headers.headerNames().stream()
        .map(name -> name + ": " + (SHOWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
            ? String.join(", ", headers.getOrEmpty(name)) : REDACTED))
        .collect(Collectors.joining("\n  ", "  ", ""));
  }

  /** The value of one response header if it is allow-listed, otherwise {@code null}. */
  static String shownHeader(HttpHeaders headers, String name) {
    return SHOWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? headers.getFirst(name) : null;
  }

  /**
   * An excerpt of a body to keep in an error: the secrets scrubbed first, then cut to the limit,
   * so a secret that straddles the cut leaves no prefix behind.
   */
  static String excerpt(String text, Collection<String> secrets, int limit) {
    String scrubbed = scrub(text, secrets);
    return scrubbed.length() > limit ? scrubbed.substring(0, limit) + "...(truncated)" : scrubbed;
  }

  /**
   * Text from a response made fit for one line of a message or a log: every control character
   * (CR and LF included, which could forge log lines) becomes a space, runs of whitespace become
   * one, and the result is cut to the limit.
   *
   * @return the line, or {@code null} when the text is {@code null}
   */
  static String oneLine(String text, int limit) {
    if (text == null) {
      return null;
    }
    StringBuilder line = new StringBuilder(Math.min(text.length(), limit) + 3);
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = line.length() > 0;
      } else if (line.length() + (space ? 1 : 0) >= limit) {
        return line.append("...").toString();
      } else {
        line.append(space ? " " : "").append(c);
        space = false;
      }
    }
    return line.toString();
  }

  /** The text with every occurrence of a known secret replaced by {@code ***}. */
  static String scrub(String text, Collection<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret.length() >= 4 && result.contains(secret)) {
        result = result.replace(secret, "***");
      }
    }
    return result;
  }
}
