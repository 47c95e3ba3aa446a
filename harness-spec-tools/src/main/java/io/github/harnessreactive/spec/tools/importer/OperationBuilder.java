package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies the facts of one source operation into our form: parameters (path-level ones merged, all
 * references resolved), request body and success responses, with these rules:
 *
 * <ul>
 *   <li>parameter-level {@code type}, {@code pattern}, {@code minLength}... move into the parameter's
 *       schema; a path parameter is required, and one the path template does not name is a query
 *       parameter; {@code style}/{@code explode} are written only when they are not the default;</li>
 *   <li>a body or response keeps the first media type of the overlay's list it offers
 *       ({@code application/json}), or every media type when it offers none of them; one declared as
 *       {@code *}{@code /*} whose schema is a reference or an object is {@code application/json} (what
 *       the Spring services behind these documents send); a request body without content is left out;</li>
 *   <li>success responses (2xx; a source's {@code default} too, under the overlay's
 *       {@code defaultResponseStatus}) are kept, a response that is a bare schema reference gets
 *       {@code application/json} content; error responses are the document's shared ones;</li>
 *   <li>operation-level {@code security} is left out: each document declares its security once.</li>
 * </ul>
 */
final class OperationBuilder {

  private static final String ANY = "*/*";
  private static final String JSON = "application/json";
  private static final List<String> PARAMETER_SCHEMA_KEYS = List.of(
      "type", "format", "enum", "default", "items", "pattern", "minLength", "maxLength", "minimum", "maximum");

  private final Overlay overlay;
  private final SchemaNormaliser schemas;
  private final Consumer<String> notes;

  OperationBuilder(Overlay overlay, SchemaNormaliser schemas, Consumer<String> notes) {
    this.overlay = overlay;
    this.schemas = schemas;
    this.notes = notes;
  }

  /**
   * Our copy of a source operation.
   *
   * @param source the source operation
   * @param id our operationId
   * @param tag our tag
   * @param path our path template
   * @param sourceStatuses receives the error statuses the source declares
   */
  ObjectNode build(SpecDocument.Operation source, String id, String tag, String path, Set<String> sourceStatuses) {
    SpecDocument document = source.document();
    String where = "op " + id;
    ObjectNode op = JsonTrees.NODES.objectNode();
    op.set("tags", JsonTrees.NODES.arrayNode().add(tag));
    op.put("operationId", id);
    if (source.node().path("deprecated").asBoolean(false)) {
      op.put("deprecated", true);
    }
    ArrayNode parameters = op.putArray("parameters");
    for (JsonNode parameter : source.parameters()) {
      parameters.add(parameter(parameter, path, where));
    }
    if (parameters.isEmpty()) {
      op.remove("parameters");
    }
    JsonNode body = source.node().get("requestBody");
    if (body != null) {
      JsonNode resolved = document.resolve(body).orElse(body);
      ObjectNode content = content(resolved.path("content"), where + " body");
      if (content.isEmpty()) {
        notes.accept(where + ": request body without content left out");
      } else {
        ObjectNode requestBody = op.putObject("requestBody");
        if (resolved.path("required").asBoolean(false)) {
          requestBody.put("required", true);
        }
        requestBody.set("content", content);
      }
    }
    op.set("responses", responses(source.node().path("responses"), document, where, sourceStatuses));
    return op;
  }

  /** A parameter in our form: facts only, constraints in the schema, defaults of style left out. */
  ObjectNode parameter(JsonNode source, String path, String where) {
    ObjectNode p = JsonTrees.NODES.objectNode();
    String name = source.path("name").asString();
    String in = source.path("in").asString();
    p.put("name", name);
    if ("path".equals(in) && !path.contains("{" + name + "}")) {
      in = "query";
      notes.accept(where + ": path parameter '" + name + "' is not in the path template; declared in the query");
    }
    p.put("in", in);
    boolean required = source.path("required").asBoolean(false);
    if ("path".equals(in) && !required) {
      required = true;
      notes.accept(where + ": path parameter '" + name + "' marked required");
    }
    if (required) {
      p.put("required", true);
    }
    if (source.path("deprecated").asBoolean(false)) {
      p.put("deprecated", true);
    }
    String defaultStyle = "query".equals(in) || "cookie".equals(in) ? "form" : "simple";
    String style = source.path("style").asString(defaultStyle);
    boolean explode = source.path("explode").asBoolean("form".equals(style));
    if (!defaultStyle.equals(style)) {
      p.put("style", style);
    }
    if (explode != "form".equals(style)) {
      p.put("explode", explode);
    }
    ObjectNode schema = source.get("schema") instanceof ObjectNode s ? (ObjectNode) s.deepCopy() : JsonTrees.NODES.objectNode();
    for (String key : PARAMETER_SCHEMA_KEYS) {
      if (source.has(key) && !schema.has(key)) {
        schema.set(key, source.get(key).deepCopy());
      }
    }
    if (!schema.isEmpty()) {
      p.set("schema", schemas.normalise(schema, where + " param " + name));
    }
    if (source.has("content")) {
      p.set("content", source.get("content").deepCopy());
    }
    return p;
  }

  private ObjectNode responses(JsonNode source, SpecDocument document, String where, Set<String> sourceStatuses) {
    Map<String, JsonNode> kept = new TreeMap<>();
    boolean hasSuccess = false;
    for (Map.Entry<String, JsonNode> entry : source.properties()) {
      hasSuccess |= entry.getKey().startsWith("2");
    }
    for (Map.Entry<String, JsonNode> entry : source.properties()) {
      String status = entry.getKey();
      if (status.startsWith("2")) {
        kept.put(status, response(entry.getValue(), document, where + " response " + status));
      } else if ("default".equals(status) && !hasSuccess && overlay.defaultResponseStatus() != null) {
        kept.put(overlay.defaultResponseStatus(), response(entry.getValue(), document, where + " response default"));
      } else {
        sourceStatuses.add(status);
      }
    }
    ObjectNode responses = JsonTrees.NODES.objectNode();
    kept.forEach(responses::set);
    return responses;
  }

  private ObjectNode response(JsonNode source, SpecDocument document, String where) {
    ObjectNode response = JsonTrees.NODES.objectNode();
    if (source.has("$ref") && source.get("$ref").asString().startsWith("#/components/schemas/")) {
      notes.accept(where + ": a schema reference given as the response; wrapped in application/json content");
      ObjectNode content = response.putObject("content").putObject("application/json");
      content.set("schema", source.deepCopy());
      return response;
    }
    JsonNode resolved = document.resolve(source).orElse(source);
    if (resolved.has("headers")) {
      ObjectNode headers = response.putObject("headers");
      for (Map.Entry<String, JsonNode> header : resolved.get("headers").properties()) {
        JsonNode h = document.resolve(header.getValue()).orElse(header.getValue());
        ObjectNode out = headers.putObject(header.getKey());
        if (h.path("required").asBoolean(false)) {
          out.put("required", true);
        }
        if (h.has("schema")) {
          out.set("schema", schemas.normalise(h.get("schema"), where + " header " + header.getKey()));
        }
      }
    }
    ObjectNode content = content(resolved.path("content"), where);
    if (!content.isEmpty()) {
      response.set("content", content);
    }
    return response;
  }

  /** The kept media types of a content map, schemas normalised. */
  private ObjectNode content(JsonNode source, String where) {
    List<String> offered = new ArrayList<>(source.propertyNames());
    List<String> keep = overlay.mediaTypes().stream().filter(offered::contains).limit(1).toList();
    if (keep.isEmpty()) {
      keep = offered;
    }
    ObjectNode content = JsonTrees.NODES.objectNode();
    for (String mediaType : keep) {
      JsonNode media = source.get(mediaType);
      JsonNode schema = media.path("schema");
      boolean json = schema.has("$ref") || "object".equals(schema.path("type").asString(""));
      ObjectNode out = content.putObject(ANY.equals(mediaType) && keep.size() == 1 && json ? JSON : mediaType);
      if (media.has("schema")) {
        out.set("schema", schemas.normalise(media.get("schema"), where));
      }
      if (media.has("encoding")) {
        out.set("encoding", media.get("encoding").deepCopy());
      }
    }
    return content;
  }
}
