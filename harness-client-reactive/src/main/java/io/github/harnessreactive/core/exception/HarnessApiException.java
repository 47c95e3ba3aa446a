package io.github.harnessreactive.core.exception;

import java.util.List;

/**
 * Harness answered with an error: an error status, or a successful status whose body carries an
 * error envelope. Subclasses name the common cases; any other status is this class itself.
 *
 * <p>The {@linkplain #error() decoded error} gives the status, Harness's code, message,
 * correlation id, response messages, field errors, a capped raw body, and the redacted method and
 * URL of the request.
 */
public class HarnessApiException extends HarnessException {

  private static final long serialVersionUID = 1L;

  private final transient HarnessError error;

  /**
   * @param error what Harness said, decoded
   */
  public HarnessApiException(HarnessError error) {
    this(error, null);
  }

  /**
   * @param error what Harness said, decoded
   * @param cause the underlying failure, or {@code null}
   */
  public HarnessApiException(HarnessError error, Throwable cause) {
    super(describe(error), cause);
    this.error = error;
  }

  /** Everything decoded from the response. */
  public HarnessError error() {
    return error;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return error.status();
  }

  /** Harness's error code, or {@code null} when the body had none. */
  public String errorCode() {
    return error.code();
  }

  /** The correlation or request id, or {@code null}. */
  public String correlationId() {
    return error.correlationId();
  }

  /** The NG response messages; empty when none. */
  public List<HarnessError.ResponseMessage> responseMessages() {
    return error.responseMessages();
  }

  /** The field-level validation errors; empty when none. */
  public List<HarnessError.FieldError> fieldErrors() {
    return error.fieldErrors();
  }

  /** Throttling (429, or a {@code TOO_MANY_REQUESTS} code) and 500, 502, 503, 504 may succeed later. */
  @Override
  public boolean isRetryable() {
    int status = error.status();
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504
        || "TOO_MANY_REQUESTS".equals(error.code());
  }

  private static String describe(HarnessError error) {
    StringBuilder text = new StringBuilder("HTTP ").append(error.status());
    if (error.code() != null) {
      text.append(' ').append(error.code());
    }
    text.append(" from ").append(error.method()).append(' ').append(error.url());
    if (!error.message().isEmpty()) {
      text.append(": ").append(error.message());
    }
    if (error.correlationId() != null) {
      text.append(" (correlation id ").append(error.correlationId()).append(')');
    }
    return text.toString();
  }
}
