package io.github.harnessreactive.core.internal;

import java.net.URI;
import org.springframework.http.HttpHeaders;

/**
 * One HTTP attempt of a call, as {@link AttemptFilter} saw it: its number within the call, the
 * request's method and URL, and, once the response has started, its status, headers and the URL as
 * it was sent (after account scoping). Immutable: the call's state holds the latest attempt, and
 * errors found later, while the body is decoded, are reported with it.
 *
 * @param number the attempt's number within the call, from 1; 0 before the first attempt
 * @param method the request method, such as {@code GET}
 * @param url the request URL (as sent, once answered); {@code null} before the first attempt
 * @param status the response status, or 0 while no response has arrived
 * @param headers the response headers; empty while no response has arrived
 */
record Attempt(int number, String method, URI url, int status, HttpHeaders headers) {

  /** Before any attempt. */
  static final Attempt NONE = new Attempt(0, "", null, 0, HttpHeaders.EMPTY);

  /** The attempt after this one, about to be sent. */
  Attempt next(String method, URI url) {
    return new Attempt(number + 1, method, url, 0, HttpHeaders.EMPTY);
  }

  /** This attempt with the response's status and headers, and the URL the request was sent to. */
  Attempt answered(int status, HttpHeaders headers, URI sentTo) {
    return new Attempt(number, method, sentTo, status, headers);
  }

  /** The URL with user info dropped and query values outside the allow-list redacted. */
  String redactedUrl() {
    return Redactor.url(url);
  }
}
