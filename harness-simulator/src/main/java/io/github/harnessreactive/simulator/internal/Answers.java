package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds answers as Harness words them: an operation's success body from its schema, with a
 * stored resource put where the document carries its payload ({@code data} in NG envelopes, the
 * root elsewhere), and each document's error envelope.
 */
public final class Answers {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final AtomicLong ERRORS = new AtomicLong();

  private final SpecDocuments documents;
  private final SchemaSampler sampler;

  /** An operation's success response: its status, media type and body schema (both {@code null} without a body). */
  record Success(int status, String mediaType, JsonNode schema) {
  }

  Answers(SpecDocuments documents, SchemaSampler sampler) {
    this.documents = documents;
    this.sampler = sampler;
  }

  SchemaSampler sampler() {
    return sampler;
  }

  SpecDocuments documents() {
    return documents;
  }

  /** The operation's first 2xx response. */
  Success success(OperationInfo operation) {
    JsonNode spec = documents.operation(operation.document(), operation.path(), operation.method());
    for (Map.Entry<String, JsonNode> response : spec.path("responses").properties()) {
      if (response.getKey().startsWith("2")) {
        JsonNode content = documents.resolve(operation.document(), response.getValue()).path("content");
        int status = Integer.parseInt(response.getKey());
        if (content.isMissingNode() || content.isEmpty()) {
          return new Success(status, null, null);
        }
        String mediaType = content.propertyNames().iterator().next();
        return new Success(status, mediaType, content.path(mediaType).path("schema"));
      }
    }
    return new Success(200, null, null);
  }

  /**
   * The operation's success answer with a view of stored data: the sampled body, with each field
   * the view has replacing the sampled one at the document's payload ({@code data} for NG
   * envelopes, which keep their {@code status} and {@code correlationId}). A payload the schema
   * types as a boolean says the view's boolean, or {@code true} for another view (NG deletes). No
   * body when the operation answers none.
   */
  public ResponseDefinitionBuilder render(Call call, JsonNode view) {
    Success success = success(call.operation());
    if (success.schema() == null) {
      return new ResponseDefinitionBuilder().withStatus(success.status());
    }
    String document = call.document();
    JsonNode root = sampler.sample(document, success.schema(), 0);
    if ("platform-ng".equals(document) && root instanceof ObjectNode envelope) {
      JsonNode dataSchema = documents.resolve(document, success.schema()).path("properties").path("data");
      envelope.set("data", overlay(envelope.path("data"), view, dataSchema, document));
    } else {
      root = overlay(root, view, success.schema(), document);
    }
    return json(success.status(), root);
  }

  /**
   * A sampled value with a view laid over it: for a schema that declares properties, the view's
   * fields that the schema has replace the sampled ones; otherwise (free-form records) the view
   * itself. A sampled boolean becomes the view when the view is a boolean (an answer to a yes/no
   * question), {@code true} otherwise (a delete answering the deleted resource's view).
   */
  JsonNode overlay(JsonNode sampled, JsonNode view, JsonNode schema, String document) {
    if (sampled.isBoolean()) {
      return view.isBoolean() ? view : NODES.booleanNode(true);
    }
    JsonNode resolved = documents.resolve(document, schema);
    boolean declared = resolved != null && resolved.has("properties");
    if (!(sampled instanceof ObjectNode object) || !(view instanceof ObjectNode fields) || !declared) {
      return view;
    }
    ObjectNode merged = object.deepCopy();
    for (String name : object.propertyNames()) {
      if (fields.has(name)) {
        merged.set(name, fields.get(name));
      }
    }
    return merged;
  }

  /**
   * Harness's error answer for a document: the NG {@code Error} body ({@code Failure} for a
   * validation error, code {@code INVALID_REQUEST}), the v1 error body, or the SEI 2.0 one.
   */
  public ResponseDefinitionBuilder error(String document, int status, String code, String message) {
    ObjectNode body = NODES.objectNode();
    switch (document) {
      case "platform-v1" -> {
        body.put("message", message);
        body.put("code", code);
        body.putArray("errors");
      }
      case "sei-v2" -> {
        body.put("status", status);
        body.put("error", reason(status));
        body.put("message", message);
        body.put("errorId", "simulator-" + ERRORS.incrementAndGet());
      }
      default -> {
        return ngError(status, "INVALID_REQUEST".equals(code) ? "FAILURE" : "ERROR", code, message);
      }
    }
    return json(status, body);
  }

  /** The NG error envelope ({@code Error} or {@code Failure}). */
  static ResponseDefinitionBuilder ngError(int status, String kind, String code, String message) {
    ObjectNode body = NODES.objectNode();
    body.put("status", kind);
    body.put("code", code);
    body.put("message", message);
    body.put("correlationId", "simulator-" + ERRORS.incrementAndGet());
    body.putNull("detailedMessage");
    ArrayNode messages = body.putArray("responseMessages");
    ObjectNode entry = messages.addObject();
    entry.put("code", code);
    entry.put("level", "ERROR");
    entry.put("message", message);
    entry.putNull("exception");
    entry.putArray("failureTypes");
    body.putNull("metadata");
    return json(status, body);
  }

  static ResponseDefinitionBuilder json(int status, JsonNode value) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(value));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      default -> "Error";
    };
  }
}
