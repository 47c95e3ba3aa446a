package io.github.harnessreactive.core.exception;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * What Harness said about a failed request, decoded leniently from whichever error envelope it
 * used (NG {@code Error}/{@code Failure}, a bare {@code responseMessages} body, the v1 error, the
 * SEI v1 and SEI 2.0 bodies), or from an HTML page, a plain-text or an empty body.
 *
 * @param status the HTTP status code (a 2xx when the body of a successful response carried the error)
 * @param code Harness's error code, such as {@code INVALID_REQUEST}; {@code null} when the body had none.
 *     Kept as a string: Harness has hundreds of codes and adds more.
 * @param message the server's message, or a description of the body when it had none
 * @param correlationId the correlation or request id Harness gave (body or header), for support; may be null
 * @param responseMessages the NG {@code responseMessages}, in order; empty when none
 * @param fieldErrors the field-level validation errors; empty when none
 * @param rawBody the body as received, capped and with any credential removed; empty when there was none
 * @param method the HTTP method of the request
 * @param url the request URL with its query values redacted except allow-listed ones
 * @param retryAfter how long the response's {@code Retry-After} header asked to wait, or {@code null}
 *     when it had none (Harness's own limiter sends none)
 */
public record HarnessError(
    int status,
    String code,
    String message,
    String correlationId,
    List<ResponseMessage> responseMessages,
    List<FieldError> fieldErrors,
    String rawBody,
    String method,
    String url,
    Duration retryAfter) {

  /** An error without a {@code Retry-After}. */
  public HarnessError(int status, String code, String message, String correlationId, List<ResponseMessage> responseMessages,
      List<FieldError> fieldErrors, String rawBody, String method, String url) {
    this(status, code, message, correlationId, responseMessages, fieldErrors, rawBody, method, url, null);
  }

  /** The {@code Retry-After} the response asked for, if any. */
  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfter);
  }

  public HarnessError {
    responseMessages = List.copyOf(responseMessages);
    fieldErrors = List.copyOf(fieldErrors);
    rawBody = Objects.requireNonNullElse(rawBody, "");
    message = Objects.requireNonNullElse(message, "");
  }

  /**
   * One entry of an NG {@code responseMessages} list.
   *
   * @param code the error code of the entry
   * @param level its level, such as {@code ERROR}
   * @param message its message
   */
  public record ResponseMessage(String code, String level, String message) {
  }

  /**
   * A validation error about one field of the request.
   *
   * @param field the field's name or path
   * @param message what is wrong with it
   */
  public record FieldError(String field, String message) {
  }
}
