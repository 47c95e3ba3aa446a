package io.github.harnessreactive.core.internal;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides what of a request or response may be written to a log or an exception: an allow-list
 * of header and query-parameter names whose values are shown; every other value prints as
 * {@value #REDACTED}. Secrets known to the call are also scrubbed from free text such as bodies.
 */
final class Redactor {

  static final String REDACTED = "REDACTED";

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

  /** The URL with user info dropped and the values of query parameters not on the allow-list redacted. */
  static String url(URI uri) {
    if (uri == null) {
      return "";
    }
    UriComponents components = UriComponentsBuilder.fromUri(uri).userInfo(null).build(true);
    UriComponentsBuilder redacted = UriComponentsBuilder.newInstance()
        .scheme(components.getScheme()).host(components.getHost()).port(components.getPort())
        .path(components.getPath());
    components.getQueryParams().forEach((name, values) -> values.forEach(value ->
        redacted.queryParam(name, SHOWN_QUERY_PARAMETERS.contains(name) ? value : REDACTED)));
    return redacted.build(true).toUriString();
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
