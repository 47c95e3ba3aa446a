package io.github.harnessreactive.core.exception;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What Harness said about a failed request, decoded leniently from whichever error envelope it
 * used (NG {@code Error}/{@code Failure}, a bare {@code responseMessages} body, the v1 error, the
 * SEI v1 and SEI 2.0 bodies), or from an HTML page, a plain-text or an empty body.
 *
 * <p>Built with {@link #of} and the copy-on-write {@code with...} methods:
 *
 * <pre>{@code
 * HarnessError error = HarnessError.of(404, "Not Found", "GET", url).withCode("RESOURCE_NOT_FOUND");
 * }</pre>
 *
 * @param status the HTTP status code (a 2xx when the body of a successful response carried the error)
 * @param code Harness's error code, such as {@code INVALID_REQUEST}; {@code null} when the body had none.
 *     Kept as a string: Harness has hundreds of codes and adds more.
 * @param message the server's message, or a description of the body when it had none; never {@code null}
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
    @Nullable String code,
    String message,
    @Nullable String correlationId,
    List<ResponseMessage> responseMessages,
    List<FieldError> fieldErrors,
    String rawBody,
    String method,
    String url,
    @Nullable Duration retryAfter) {

  /**
   * The canonical constructor; prefer {@link #of} and the {@code with...} methods.
   *
   * @throws NullPointerException when {@code responseMessages} or {@code fieldErrors} is {@code null}
   */
  public HarnessError {
    responseMessages = List.copyOf(responseMessages);
    fieldErrors = List.copyOf(fieldErrors);
    rawBody = Objects.requireNonNullElse(rawBody, "");
    message = Objects.requireNonNullElse(message, "");
    method = Objects.requireNonNullElse(method, "");
    url = Objects.requireNonNullElse(url, "");
  }

  /**
   * An error with only a status, a message and the request it answered: no code, no correlation
   * id, no response messages or field errors, no body, no {@code Retry-After}.
   *
   * @param status the HTTP status code (0 when no response arrived)
   * @param message what went wrong; {@code null} reads as empty
   * @param method the HTTP method of the request
   * @param url the request URL, already redacted
   * @return the error
   */
  public static HarnessError of(int status, String message, String method, String url) {
    return new HarnessError(status, null, message, null, List.of(), List.of(), "", method, url, null);
  }

  /** This error with Harness's error code; {@code null} for none. */
  public HarnessError withCode(@Nullable String code) {
    return new HarnessError(status, code, message, correlationId, responseMessages, fieldErrors, rawBody, method, url,
        retryAfter);
  }

  /** This error with another message; {@code null} reads as empty. */
  public HarnessError withMessage(String message) {
    return new HarnessError(status, code, message, correlationId, responseMessages, fieldErrors, rawBody, method, url,
        retryAfter);
  }

  /** This error with a correlation or request id; {@code null} for none. */
  public HarnessError withCorrelationId(@Nullable String correlationId) {
    return new HarnessError(status, code, message, correlationId, responseMessages, fieldErrors, rawBody, method, url,
        retryAfter);
  }

  /**
   * This error with the NG response messages.
   *
   * @throws NullPointerException when {@code messages} is {@code null}
   */
  public HarnessError withResponseMessages(List<ResponseMessage> messages) {
    return new HarnessError(status, code, message, correlationId, messages, fieldErrors, rawBody, method, url, retryAfter);
  }

  /**
   * This error with field-level validation errors.
   *
   * @throws NullPointerException when {@code errors} is {@code null}
   */
  public HarnessError withFieldErrors(List<FieldError> errors) {
    return new HarnessError(status, code, message, correlationId, responseMessages, errors, rawBody, method, url,
        retryAfter);
  }

  /** This error with the (capped, scrubbed) body as received; {@code null} reads as empty. */
  public HarnessError withRawBody(String body) {
    return new HarnessError(status, code, message, correlationId, responseMessages, fieldErrors, body, method, url,
        retryAfter);
  }

  /** This error with the wait a {@code Retry-After} header asked for; {@code null} for none. */
  public HarnessError withRetryAfter(@Nullable Duration wait) {
    return new HarnessError(status, code, message, correlationId, responseMessages, fieldErrors, rawBody, method, url,
        wait);
  }

  /**
   * One entry of an NG {@code responseMessages} list.
   *
   * @param code the error code of the entry
   * @param level its level, such as {@code ERROR}
   * @param message its message
   */
  public record ResponseMessage(@Nullable String code, @Nullable String level, @Nullable String message) {
  }

  /**
   * A validation error about one field of the request.
   *
   * @param field the field's name or path
   * @param message what is wrong with it
   */
  public record FieldError(@Nullable String field, @Nullable String message) {
  }
}
