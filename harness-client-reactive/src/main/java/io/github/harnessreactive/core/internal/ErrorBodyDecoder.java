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
import java.util.Optional;
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
 *
 * <p>The body may be hostile (a proxy, a compromised server) and up to the codec's memory limit,
 * and this runs on an event-loop thread: every step is linear in the body's size (no regular
 * expression that can backtrack; the HTML title is found with {@code indexOf} in the first
 * {@value #TITLE_WINDOW} characters), and every text that reaches the error's message is one line
 * without control characters, capped ({@link Redactor#oneLine}).
 */
final class ErrorBodyDecoder {

  /** How much of a body an error keeps. */
  static final int RAW_BODY_LIMIT = 4096;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How far into a page its {@code <title>} is looked for. */
  static final int TITLE_WINDOW = 64 * 1024;
  /** The longest message kept from a body (JSON {@code message}, a line of text). */
  static final int MESSAGE_LIMIT = 1000;
  /** The longest HTML title, code or id kept from a body. */
  static final int SHORT_LIMIT = 200;
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
    String raw = Redactor.excerpt(text, List.of(), RAW_BODY_LIMIT);
    String headerCorrelation = CORRELATION_HEADERS.stream().map(headers::getFirst)
        .filter(v -> v != null && !v.isBlank()).findFirst().map(v -> Redactor.oneLine(v, SHORT_LIMIT)).orElse(null);
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
      String page = title(trimmed).orElse("no title");
      return HarnessError.of(status, reason(status) + " (an HTML page, not a Harness API response: " + page + ")", method, url)
          .withCorrelationId(headerCorrelation).withRawBody(raw);
    }
    int lineEnd = lineEnd(trimmed);
    return HarnessError.of(status, Redactor.oneLine(trimmed.substring(0, lineEnd), MESSAGE_LIMIT), method, url)
        .withCorrelationId(headerCorrelation).withRawBody(raw);
  }

  private static HarnessError fromJson(int status, JsonNode json, String headerCorrelation, String raw,
      String method, String url) {
    JsonNode nestedError = json.path("error").isObject() ? json.path("error") : null;
    List<ResponseMessage> responseMessages = new ArrayList<>();
    for (JsonNode m : json.path("responseMessages")) {
      responseMessages.add(new ResponseMessage(shortText(m, "code"), shortText(m, "level"), text(m, "message")));
    }
    String code = first(shortText(json, "code"), shortText(json, "errorCode"),
        nestedError == null ? shortText(json, "error") : shortText(nestedError, "code"),
        responseMessages.isEmpty() ? null : responseMessages.get(responseMessages.size() - 1).code());
    String message = first(text(json, "message"),
        nestedError == null ? null : text(nestedError, "message"),
        text(json, "detailedMessage"),
        responseMessages.isEmpty() ? null : responseMessages.get(0).message(),
        nestedError == null ? text(json, "error") : null,
        reason(status));
    String correlationId = first(shortText(json, "correlationId"), shortText(json, "requestId"), shortText(json, "errorId"),
        headerCorrelation);
    List<FieldError> fieldErrors = new ArrayList<>();
    for (String array : List.of("errors", "validationErrors")) {
      for (JsonNode e : json.path(array)) {
        String field = first(shortText(e, "fieldId"), shortText(e, "field_name"), shortText(e, "fieldName"), shortText(e, "field"));
        String problem = first(text(e, "error"), text(e, "message"), shortText(e, "errorType"));
        if (e.has("errorDeveloperCount")) {
          problem = problem + " (" + Redactor.oneLine(e.path("errorDeveloperCount").asString(), SHORT_LIMIT) + " developers)";
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

  /**
   * A textual (or numeric) field's value as one line of at most {@value #MESSAGE_LIMIT} characters;
   * {@code null} when absent, null, blank or an object.
   */
  private static String text(JsonNode node, String field) {
    return text(node, field, MESSAGE_LIMIT);
  }

  /** As {@link #text(JsonNode, String)}, for a code, an id or a field name: at most {@value #SHORT_LIMIT} characters. */
  private static String shortText(JsonNode node, String field) {
    return text(node, field, SHORT_LIMIT);
  }

  private static String text(JsonNode node, String field, int limit) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    String text = Redactor.oneLine(value.asString(), limit);
    return text.isEmpty() ? null : text;
  }

  /**
   * The title of an HTML page, found with {@code indexOf} (linear, whatever the page holds) in its
   * first {@value #TITLE_WINDOW} characters: the text after {@code <title...>} up to
   * {@code </title}, or up to the next tag when the title is not closed.
   */
  private static Optional<String> title(String page) {
    String head = page.substring(0, Math.min(page.length(), TITLE_WINDOW));
    String lower = head.toLowerCase(Locale.ROOT);
    int open = lower.indexOf("<title");
    int start = open < 0 ? -1 : lower.indexOf('>', open);
    if (start < 0) {
      return Optional.empty();
    }
    int end = lower.indexOf('<', start + 1);
    String title = Redactor.oneLine(head.substring(start + 1, end < 0 ? head.length() : end), SHORT_LIMIT);
    return title.isEmpty() ? Optional.empty() : Optional.of(title);
  }

  /** Where the first line of a text ends: its first CR or LF, or its end. */
  private static int lineEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
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
