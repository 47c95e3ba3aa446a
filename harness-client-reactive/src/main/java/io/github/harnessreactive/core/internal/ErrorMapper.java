package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.ConnectionPoolExhaustedException;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.ResponseTooLargeException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Turns whatever failed during one attempt, body decoding included, into the library's typed
 * errors, using the {@link Attempt} the call state recorded (status, headers, redacted URL).
 * Whatever failed while a response was being decoded, whatever the cause (a body of another media
 * type, such as a proxy's HTML page answered with 200), becomes a {@link ResponseDecodeException}
 * carrying the status. Text taken from a failure into a message is scrubbed of the call's secrets
 * and made one capped line.
 */
final class ErrorMapper {

  private ErrorMapper() {
  }

  /** How much of an undecodable body a message keeps, after the secrets are scrubbed. */
  static final int EXCERPT_LIMIT = 2048;
  /** The longest text a message takes from a failure's own message. */
  private static final int MESSAGE_LIMIT = 500;

  static Throwable map(Throwable failure, CallState state) {
    if (failure instanceof HarnessException || failure instanceof IllegalArgumentException) {
      return failure;
    }
    Attempt attempt = state.attempt();
    if (failure instanceof WebClientResponseException response) {
      if (response.getCause() != null) {
        // WebClient wraps failures of body decoding (ours included) with the response status.
        return decoding(response.getCause(), state);
      }
      if (response.getRequest() == null) {
        // The generated code validates required parameters by throwing a response exception.
        return new IllegalArgumentException(response.getMessage());
      }
      return ErrorClassifier.classify(ErrorBodyDecoder.decode(response.getStatusCode().value(),
          response.getHeaders(), response.getResponseBodyAsByteArray(), attempt.method(), attempt.redactedUrl(),
          state.secrets()));
    }
    if (failure instanceof HarnessJsonDecoder.ErrorInSuccessBody error) {
      return ErrorClassifier.classify(ErrorBodyDecoder.decode(attempt.status(), attempt.headers(), error.body,
          attempt.method(), attempt.redactedUrl(), state.secrets()));
    }
    if (failure instanceof HarnessJsonDecoder.UndecodableBody undecodable) {
      boolean truncated = isTruncation(undecodable.getCause());
      return decodeError(state, (truncated ? "the body ends early" : "the body does not match the operation's schema")
          + " (" + undecodable.length + " bytes): " + rootMessage(undecodable, state), undecodable.excerptText(), truncated,
          undecodable);
    }
    if (failure instanceof PageBodyException body) {
      if (body.limit != null) {
        return tooLarge(state, body.getMessage(), body.limit == PageBodyException.Limit.PAGE
            ? ResponseTooLargeException.Part.PAGE : ResponseTooLargeException.Part.ITEM, body.limitBytes, body);
      }
      return decodeError(state, body.getMessage(), "", body.truncated, body);
    }
    if (failure instanceof DataBufferLimitException) {
      return tooLarge(state, "the body is larger than the codec memory limit (maxInMemorySize): "
          + rootMessage(failure, state), ResponseTooLargeException.Part.BODY, -1, failure);
    }
    if (failure instanceof DecodingException || failure instanceof JacksonException) {
      boolean truncated = isTruncation(failure);
      return decodeError(state, (truncated ? "the body ends early: " : "the body does not decode: ")
          + rootMessage(failure, state), "", truncated, failure);
    }
    if (failure instanceof WebClientRequestException request) {
      String sent = request.getMethod().name() + " " + Redactor.url(request.getUri());
      Throwable cause = request.getCause() == null ? request : request.getCause();
      // Reactor Netty's pool (shaded reactor-pool): the client is saturated, not Harness unreachable.
      if (cause instanceof PoolAcquireTimeoutException timeout) {
        return new ConnectionPoolExhaustedException("no connection of the pool became free within "
            + timeout.getAcquireTimeout() + " for " + sent + "; raise maxConnections or send fewer requests at once", cause);
      }
      if (cause instanceof PoolAcquirePendingLimitException limit) {
        return new ConnectionPoolExhaustedException(limit.getAcquirePendingLimit() + " requests were already waiting for"
            + " a connection of the pool when " + sent + " asked for one; raise maxConnections or maxPendingAcquires, or"
            + " send fewer requests at once", cause);
      }
      if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
        return new HarnessTimeoutException("no response within the response timeout from " + sent, false, failure);
      }
      return new HarnessConnectionException("cannot reach Harness for " + sent + ": " + rootMessage(failure, state), failure);
    }
    if (failure instanceof PrematureCloseException || failure instanceof IOException) {
      if (attempt.status() != 0) {
        return decodeError(state, "the connection closed while the body was read: " + rootMessage(failure, state), "", true,
            failure);
      }
      return new HarnessConnectionException("the connection closed before a response for " + attempt.method() + " "
          + attempt.redactedUrl() + ": " + rootMessage(failure, state), failure);
    }
    return failure;
  }

  /**
   * A failure while a response's body was being decoded: as {@link #map} says it, or, for a cause
   * it does not know, a decode error with the status, such as a body of a media type no decoder
   * reads (a proxy's or a sign-in page's HTML answered with 200).
   */
  private static Throwable decoding(Throwable cause, CallState state) {
    Throwable mapped = map(cause, state);
    if (mapped instanceof HarnessException || mapped instanceof IllegalArgumentException) {
      return mapped;
    }
    if (cause instanceof UnsupportedMediaTypeException unsupported) {
      MediaType type = unsupported.getContentType();
      boolean html = type != null && type.getSubtype().toLowerCase(Locale.ROOT).contains("html");
      return decodeError(state, "the body is " + (type == null ? "of no media type" : type.toString())
          + (html ? ": an HTML page, not a Harness API response (a proxy, a captive portal or a sign-in page?)"
              : ", which this operation does not answer"), "", false, cause);
    }
    return decodeError(state, "the body does not decode: " + rootMessage(cause, state), "", false, cause);
  }

  private static HarnessApiException tooLarge(CallState state, String message, ResponseTooLargeException.Part part,
      long limitBytes, Throwable cause) {
    Attempt attempt = state.attempt();
    HarnessError error = HarnessError.of(attempt.status(), message, attempt.method(), attempt.redactedUrl())
        .withCorrelationId(Redactor.shownHeader(attempt.headers(), "X-Request-Id"));
    return new ResponseTooLargeException(error, part, limitBytes, cause);
  }

  private static HarnessApiException decodeError(CallState state, String message, String excerpt, boolean truncated,
      Throwable cause) {
    Attempt attempt = state.attempt();
    HarnessError error = HarnessError.of(attempt.status(), message, attempt.method(), attempt.redactedUrl())
        .withCorrelationId(Redactor.shownHeader(attempt.headers(), "X-Request-Id"))
        .withRawBody(Redactor.excerpt(excerpt, state.secrets(), EXCERPT_LIMIT));
    return new ResponseDecodeException(error, truncated, cause);
  }

  private static boolean isTruncation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnexpectedEndOfInputException || t instanceof EOFException || t instanceof PrematureCloseException) {
        return true;
      }
      // Jackson's non-blocking parser (the streaming decode path) reports a body that stops inside
      // an object or array as a plain StreamReadException; its message is the only sign.
      if (t instanceof StreamReadException && String.valueOf(t.getMessage()).startsWith("Unexpected end-of-input")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * The root cause's message, as one line fit for a message: its first line only (Jackson appends a
   * source excerpt after a line break; the error keeps its own excerpt), the call's secrets
   * scrubbed (Jackson quotes body values), capped, without control characters.
   */
  private static String rootMessage(Throwable failure, CallState state) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null) {
      return root.getClass().getSimpleName();
    }
    int lineBreak = message.indexOf('\n');
    String firstLine = lineBreak > 0 ? message.substring(0, lineBreak) : message;
    return Redactor.oneLine(Redactor.scrub(firstLine, state.secrets()), MESSAGE_LIMIT);
  }
}
