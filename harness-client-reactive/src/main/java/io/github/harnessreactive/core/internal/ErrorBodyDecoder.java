package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.HarnessError.FieldError;
import io.github.harnessreactive.core.exception.HarnessError.ResponseMessage;
import io.github.harnessreactive.core.exception.HarnessError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes any error body Harness (or a proxy in front of it) sends into a {@link HarnessError},
 * leniently: it never fails, whatever the body.
 *
 * <p>JSON bodies are read by field name, so every envelope is covered by one reading: the NG
 * {@code Error} ({@code code, message, correlationId, detailedMessage, responseMessages}) and
 * {@code Failure} ({@code errors[{fieldId, error}]}), a bare {@code {responseMessages:[...]}}, the
 * v1 error ({@code code, message, errors[{field_name, message}]}), the SEI v1 body
 * ({@code error, status, message, timestamp}), the SEI 2.0 bodies ({@code {status:int, error,
 * message, errorId}}, {@code {errorCode, message, requestId, validationErrors[]}}, the
 * {@code {status:"error", error:{code, message}}} wrapper and the developer-validation
 * {@code errors[{errorType, fieldName, errorDeveloperCount}]}). An HTML page is described by its
 * title, plain text by its first line, an empty body by the status; JSON that does not parse
 * (a truncated body) keeps an excerpt.
 */
final class ErrorBodyDecoder {

  /** How much of a body an error keeps. */
  static final int RAW_BODY_LIMIT = 4096;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final List<String> CORRELATION_HEADERS = List.of("X-Request-Id", "X-Correlation-Id", "correlationId");

  private ErrorBodyDecoder() {
  }

  /**
   * Decodes an error response.
   *
   * @param status the HTTP status
   * @param headers the response headers (content type, correlation headers)
   * @param body the body bytes, possibly empty
   * @param method the request method
   * @param url the redacted request URL
   * @param secrets secrets of the call, scrubbed from everything kept
   */
  static HarnessError decode(int status, HttpHeaders headers, byte[] body, String method, String url,
      Collection<String> secrets) {
    return decodeBody(status, headers, body, method, url, secrets)
        .withRetryAfter(RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now()).orElse(null));
  }

  private static HarnessError decodeBody(int status, HttpHeaders headers, byte[] body, String method, String url,
      Collection<String> secrets) {
    String text = Redactor.scrub(new String(body, StandardCharsets.UTF_8), secrets);
    String raw = text.length() > RAW_BODY_LIMIT ? text.substring(0, RAW_BODY_LIMIT) + "...(truncated)" : text;
    String headerCorrelation = CORRELATION_HEADERS.stream().map(headers::getFirst)
        .filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    String trimmed = text.strip();

    if (trimmed.isEmpty()) {
      return HarnessError.of(status, reason(status) + " (empty body)", method, url).withCorrelationId(headerCorrelation);
    }
    if (trimmed.startsWith("{")) {
      JsonNode json = parse(trimmed);
      if (json != null && json.isObject()) {
        return fromJson(status, json, headerCorrelation, raw, method, url);
      }
      return HarnessError.of(status, reason(status) + " (the error body is not valid JSON; it may be cut short)", method, url)
          .withCorrelationId(headerCorrelation).withRawBody(raw);
    }
    if (trimmed.startsWith("<") || isHtml(headers)) {
      Matcher title = TITLE.matcher(trimmed);
      String page = title.find() ? title.group(1).strip().replaceAll("\\s+", " ") : "no title";
      return HarnessError.of(status, reason(status) + " (an HTML page, not a Harness API response: " + page + ")", method, url)
          .withCorrelationId(headerCorrelation).withRawBody(raw);
    }
    String firstLine = trimmed.lines().findFirst().orElse("");
    return HarnessError.of(status, firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine, method, url)
        .withCorrelationId(headerCorrelation).withRawBody(raw);
  }

  private static HarnessError fromJson(int status, JsonNode json, String headerCorrelation, String raw,
      String method, String url) {
    JsonNode nestedError = json.path("error").isObject() ? json.path("error") : null;
    List<ResponseMessage> responseMessages = new ArrayList<>();
    for (JsonNode m : json.path("responseMessages")) {
      responseMessages.add(new ResponseMessage(text(m, "code"), text(m, "level"), text(m, "message")));
    }
    String code = first(text(json, "code"), text(json, "errorCode"),
        nestedError == null ? text(json, "error") : text(nestedError, "code"),
        responseMessages.isEmpty() ? null : responseMessages.get(responseMessages.size() - 1).code());
    String message = first(text(json, "message"),
        nestedError == null ? null : text(nestedError, "message"),
        text(json, "detailedMessage"),
        responseMessages.isEmpty() ? null : responseMessages.get(0).message(),
        nestedError == null ? text(json, "error") : null,
        reason(status));
    String correlationId = first(text(json, "correlationId"), text(json, "requestId"), text(json, "errorId"),
        headerCorrelation);
    List<FieldError> fieldErrors = new ArrayList<>();
    for (String array : List.of("errors", "validationErrors")) {
      for (JsonNode e : json.path(array)) {
        String field = first(text(e, "fieldId"), text(e, "field_name"), text(e, "fieldName"), text(e, "field"));
        String problem = first(text(e, "error"), text(e, "message"), text(e, "errorType"));
        if (e.has("errorDeveloperCount")) {
          problem = problem + " (" + e.path("errorDeveloperCount").asString() + " developers)";
        }
        if (field != null || problem != null) {
          fieldErrors.add(new FieldError(field, problem));
        }
      }
    }
    return HarnessError.of(status, message, method, url).withCode(code).withCorrelationId(correlationId)
        .withResponseMessages(responseMessages).withFieldErrors(fieldErrors).withRawBody(raw);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static boolean isHtml(HttpHeaders headers) {
    String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
    return type != null && type.toLowerCase(Locale.ROOT).contains("html");
  }

  /** A textual (or numeric) field's value; {@code null} when absent, null or an object. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    String text = value.asString();
    return text.isBlank() ? null : text;
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  static String reason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "HTTP " + status : known.getReasonPhrase();
  }
}
