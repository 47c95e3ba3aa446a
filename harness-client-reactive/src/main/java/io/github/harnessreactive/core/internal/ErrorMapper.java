package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessConnectionException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Turns whatever failed during one attempt, body decoding included, into the library's typed
 * errors, using the {@link Attempt} the call state recorded (status, headers, redacted URL).
 */
final class ErrorMapper {

  private ErrorMapper() {
  }

  static Throwable map(Throwable failure, CallState state) {
    if (failure instanceof HarnessException || failure instanceof IllegalArgumentException) {
      return failure;
    }
    Attempt attempt = state.attempt();
    if (failure instanceof WebClientResponseException response) {
      if (response.getCause() != null) {
        // WebClient wraps failures of body decoding (ours included) with the response status.
        return map(response.getCause(), state);
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
          + " (" + undecodable.length + " bytes): " + rootMessage(undecodable), undecodable.excerptText(), truncated, undecodable);
    }
    if (failure instanceof DataBufferLimitException) {
      return decodeError(state, "the body is larger than the codec memory limit: " + failure.getMessage(), "", false, failure);
    }
    if (failure instanceof DecodingException || failure instanceof JacksonException) {
      boolean truncated = isTruncation(failure);
      return decodeError(state, (truncated ? "the body ends early: " : "the body does not decode: ") + rootMessage(failure),
          "", truncated, failure);
    }
    if (failure instanceof WebClientRequestException request) {
      String sent = request.getMethod().name() + " " + Redactor.url(request.getUri());
      Throwable cause = request.getCause() == null ? request : request.getCause();
      if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
        return new HarnessTimeoutException("no response within the response timeout from " + sent, false, failure);
      }
      return new HarnessConnectionException("cannot reach Harness for " + sent + ": " + rootMessage(failure), failure);
    }
    if (failure instanceof PrematureCloseException || failure instanceof IOException) {
      if (attempt.status() != 0) {
        return decodeError(state, "the connection closed while the body was read: " + rootMessage(failure), "", true, failure);
      }
      return new HarnessConnectionException("the connection closed before a response for " + attempt.method() + " "
          + attempt.redactedUrl() + ": " + rootMessage(failure), failure);
    }
    return failure;
  }

  private static HarnessApiException decodeError(CallState state, String message, String excerpt, boolean truncated,
      Throwable cause) {
    Attempt attempt = state.attempt();
    HarnessError error = HarnessError.of(attempt.status(), message, attempt.method(), attempt.redactedUrl())
        .withCorrelationId(Redactor.shownHeader(attempt.headers(), "X-Request-Id"))
        .withRawBody(Redactor.scrub(excerpt, state.secrets()));
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

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null) {
      return root.getClass().getSimpleName();
    }
    // Jackson appends a source excerpt after a line break; the error keeps its own excerpt.
    int lineBreak = message.indexOf('\n');
    return lineBreak > 0 ? message.substring(0, lineBreak) : message;
  }
}
