package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one rule for a successful response whose body is an error: Harness's NG API tells clients to
 * read the envelope's {@code status}, not only the HTTP code, and SEI 2.0 answers some failures
 * with 200 and a {@code status: "error"} wrapper. A 2xx body is an error when its top-level
 * {@code status} is {@code ERROR} (any service, any case), or {@code FAILURE} on the Platform NG
 * API, whose {@code Failure} envelope says so. A numeric {@code status} (an HTTP code echoed in
 * the body) never is, nor is a {@code status} nested below the top level (a resource's own state).
 */
final class ErrorEnvelope {

  /**
   * The top-level scalar fields a page reader keeps so that an error envelope answered with 200
   * is recognised, and described, when the body itself is not kept (a page read as it arrives).
   */
  static final Set<String> FIELDS = Set.of("status", "code", "message", "error", "errorCode", "correlationId");

  private ErrorEnvelope() {
  }

  /** Whether the top-level fields a page reader kept ({@link #FIELDS}, by path) mark the body as an error. */
  static boolean isErrorStatus(Map<String, JsonNode> fields, String document) {
    JsonNode status = fields.get("status");
    return status != null && status.isString() && isError(status.asString(), document);
  }

  /** An error body rebuilt from the top-level fields a page reader kept, for the error decoder. */
  static byte[] body(JsonMapper mapper, Map<String, JsonNode> fields) {
    Map<String, JsonNode> envelope = new LinkedHashMap<>();
    for (String field : FIELDS) {
      JsonNode value = fields.get(field);
      if (value != null) {
        envelope.put(field, value);
      }
    }
    return mapper.writeValueAsBytes(envelope);
  }

  /**
   * Whether a top-level {@code status} value marks the body as an error.
   *
   * @param status the body's top-level {@code status} string, or {@code null} when it has none
   * @param document the OpenAPI document of the call's service
   */
  static boolean isError(String status, String document) {
    if (status == null) {
      return false;
    }
    String upper = status.toUpperCase(Locale.ROOT);
    return "ERROR".equals(upper) || ("FAILURE".equals(upper) && HarnessService.PLATFORM_NG.document().equals(document));
  }

  /**
   * The top-level {@code status} string of a JSON body, reading only the top level (nested values
   * are skipped, not built); {@code null} when the body is not an object or has no string status.
   *
   * @param parser a parser positioned before the body's first token
   */
  static String topLevelStatus(JsonParser parser) {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("status".equals(name) && value == JsonToken.VALUE_STRING) {
        return parser.getString();
      }
      parser.skipChildren();
    }
    return null;
  }
}
