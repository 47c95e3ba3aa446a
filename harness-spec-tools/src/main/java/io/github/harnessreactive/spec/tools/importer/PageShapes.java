package io.github.harnessreactive.spec.tools.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The page shapes the runtime knows (the README's table), described by how to recognise them in a
 * list operation: where the page index and size are sent, which fields the answer carries, and where
 * its items are. The importer derives an operation's {@code x-harness-paging} from the first shape
 * that matches; the overlay may complete or override it (for example a maximum page size no source
 * documents), and a list that matches no shape stops the import.
 */
final class PageShapes {

  /**
   * One shape.
   *
   * @param name the shape's name in {@code x-harness-paging.shape}
   * @param in where the page index and size go ({@code query} or {@code body}); null for none
   * @param parameters the accepted (page, size) name pairs, dotted for nested body fields
   * @param bareArray whether the answer is a bare JSON array
   * @param markers dotted fields the answer must have
   * @param items the dotted path of the item array; null when it is the one array field at the top (an
   *     answer with several arrays then needs the overlay to name them: one, or several in listing order)
   */
  record Shape(String name, String in, List<List<String>> parameters, boolean bareArray, List<String> markers,
      String items) {
  }

  static final List<Shape> SHAPES = List.of(
      // NG lists take pageIndex/pageSize; services, environments and infrastructures take page/size but
      // answer the same PageResponse.
      new Shape("ng-page-response", "query", List.of(List.of("pageIndex", "pageSize"), List.of("page", "size")), false,
          List.of("data.content", "data.totalPages", "data.pageIndex"), "data.content"),
      new Shape("spring-page", "query", List.of(List.of("page", "size")), false,
          List.of("data.content", "data.totalElements", "data.last"), "data.content"),
      // page/size answered {<items>[], meta{page, size, totalElements, totalPages, hasNext}} (SEI 2.0 ingestions).
      new Shape("ng-page-meta", "query", List.of(List.of("page", "size")), false,
          List.of("meta.page", "meta.totalElements", "meta.hasNext"), null),
      new Shape("v1-headers", "query", List.of(List.of("page", "limit")), true, List.of(), ""),
      // page/size answered by a bare array with no metadata (the SEI 2.0 async-export jobs).
      new Shape("bare-array", "query", List.of(List.of("page", "size")), true, List.of(), ""),
      // cursor/limit answered {data{items[], nextCursor, totalCount}}: the cursor parameter is pageParam.
      new Shape("cursor", "query", List.of(List.of("cursor", "limit")), false,
          List.of("data.items", "data.nextCursor"), "data.items"),
      new Shape("sei-v1-body", "body", List.of(List.of("page", "page_size")), false,
          List.of("records", "_metadata"), "records"),
      new Shape("sei-v2-records", "query", List.of(List.of("pageIndex", "pageSize")), false,
          List.of("records", "totalCount"), "records"),
      new Shape("sei-v2-developers", "query", List.of(List.of("pageIndex", "pageSize")), false,
          List.of("records", "totalRecords"), "records"),
      new Shape("sei-v2-activity-logs", "query", List.of(List.of("pageIndex", "pageSize")), false,
          List.of("records", "total"), "records"),
      new Shape("sei-v2-items", "query", List.of(List.of("page", "pageSize")), false,
          List.of("items", "hasNext"), "items"),
      new Shape("sei-v2-custom-variables", "query", List.of(List.of("page", "pageSize")), false,
          List.of("customVariables", "totalItems", "hasNext"), "customVariables"),
      // page/limit answered {exports[], pagination{page, limit, total, totalPages, hasMore}}.
      new Shape("sei-v2-exports", "query", List.of(List.of("page", "limit")), false,
          List.of("exports", "pagination.page", "pagination.hasMore"), "exports"),
      new Shape("sei-v2-nested", "query", List.of(List.of("pageIndex", "pageSize")), false,
          List.of("pagination.pageNumber", "pagination.totalPages"), null),
      new Shape("sei-v2-drilldown", "body",
          List.of(List.of("page", "pageSize"), List.of("pagination.pageNumber", "pagination.maxPageSize"),
              List.of("paginationRequest.pageNumber", "paginationRequest.maxPageSize")), false,
          List.of("pagination.hasMore", "pagination.currentPage"), null),
      new Shape("unpaged", null, List.of(), true, List.of(), ""));

  private final Function<String, JsonNode> schemas;

  /**
   * Creates the recogniser.
   *
   * @param schemas finds one of the document's schemas by name
   */
  PageShapes(Function<String, JsonNode> schemas) {
    this.schemas = schemas;
  }

  /**
   * The derived paging of a list operation, or a reason why none could be derived.
   *
   * @param paging the derived {@code x-harness-paging} when a shape matched; without {@code items} when
   *     the answer has several item arrays (the overlay then says which)
   * @param problem why no shape matched, or which item arrays there are; empty when nothing is missing
   */
  record Result(Optional<ObjectNode> paging, String problem) {
  }

  /** Derives the paging of a list operation from its parameters, request body and answer. */
  Result derive(ObjectNode op) {
    JsonNode answer = successSchema(op);
    for (Shape shape : SHAPES) {
      Optional<List<String>> parameters = parameters(shape, op);
      if (shape.in() != null && parameters.isEmpty()) {
        continue;
      }
      if (shape.in() == null && hasAnyPageParameter(op)) {
        continue;
      }
      if (shape.bareArray() != "array".equals(answer.path("type").asString(""))
          || !shape.markers().stream().allMatch(m -> field(answer, m) != null)) {
        continue;
      }
      ObjectNode paging = JsonTrees.NODES.objectNode();
      paging.put("shape", shape.name());
      if (shape.in() != null) {
        paging.put("in", shape.in());
        paging.put("pageParam", parameters.get().get(0));
        paging.put("sizeParam", parameters.get().get(1));
      }
      String items = shape.items() != null ? shape.items() : itemArray(answer);
      String problem = "";
      if (items == null) {
        problem = "matches shape " + shape.name() + ", but its answer has " + arrays(answer)
            + " as item arrays: say which in x-harness-paging.items";
      } else {
        paging.put("items", items);
      }
      if (shape.in() != null) {
        JsonNode maximum = sizeSchema(shape, op, parameters.get().get(1)).path("maximum");
        if (maximum.canConvertToInt()) {
          paging.put("maxPageSize", maximum.asInt());
          paging.put("maxPageSizeSource", "documented");
        }
      }
      return new Result(Optional.of(paging), problem);
    }
    return new Result(Optional.empty(),
        "matches no known page shape (" + SHAPES.stream().map(Shape::name).toList() + ")");
  }

  /**
   * The item paths of an operation's paging that name no array of its answer: a shape may list its
   * items in several arrays (the MTTR drill-down's three record arrays), each of which must be there.
   *
   * @param op the operation
   * @param items the paging's {@code items}: one dotted path ({@code ""} for a bare array) or an array of them
   * @return the paths that are not arrays of the answer, in the order given; empty when all are
   */
  List<String> notArrays(ObjectNode op, JsonNode items) {
    JsonNode answer = successSchema(op);
    List<String> paths = new ArrayList<>();
    if (items.isArray()) {
      items.forEach(path -> paths.add(path.asString("")));
    } else {
      paths.add(items.asString(""));
    }
    return paths.stream().filter(path -> {
      JsonNode array = path.isEmpty() ? answer : field(answer, path);
      return array == null || !"array".equals(array.path("type").asString(""));
    }).toList();
  }

  private Optional<List<String>> parameters(Shape shape, ObjectNode op) {
    for (List<String> pair : shape.parameters()) {
      boolean found = "query".equals(shape.in())
          ? queryParameter(op, pair.get(0)) != null && queryParameter(op, pair.get(1)) != null
          : field(bodySchema(op), pair.get(0)) != null && field(bodySchema(op), pair.get(1)) != null;
      if (found) {
        return Optional.of(pair);
      }
    }
    return Optional.empty();
  }

  private boolean hasAnyPageParameter(ObjectNode op) {
    for (Shape shape : SHAPES) {
      if (shape.in() != null && parameters(shape, op).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private JsonNode sizeSchema(Shape shape, ObjectNode op, String sizeParam) {
    if ("query".equals(shape.in())) {
      JsonNode parameter = queryParameter(op, sizeParam);
      return parameter == null ? JsonTrees.NODES.missingNode() : resolve(parameter.path("schema"));
    }
    JsonNode field = field(bodySchema(op), sizeParam);
    return field == null ? JsonTrees.NODES.missingNode() : field;
  }

  private static JsonNode queryParameter(ObjectNode op, String name) {
    for (JsonNode p : op.path("parameters")) {
      if ("query".equals(p.path("in").asString()) && name.equals(p.path("name").asString())) {
        return p;
      }
    }
    return null;
  }

  private JsonNode bodySchema(ObjectNode op) {
    return resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
  }

  private JsonNode successSchema(ObjectNode op) {
    for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
      if (response.getKey().startsWith("2")) {
        JsonNode content = response.getValue().path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
          return resolve(media.getValue().path("schema"));
        }
      }
    }
    return JsonTrees.NODES.missingNode();
  }

  /** The schema at a dotted path of properties, references and allOf parts followed; null when absent. */
  private JsonNode field(JsonNode schema, String dotted) {
    JsonNode current = schema;
    for (String part : dotted.split("\\.")) {
      JsonNode next = properties(current).get(part);
      if (next == null) {
        return null;
      }
      current = resolve(next);
    }
    return current;
  }

  /** The one array property at the top of an answer; null when there is none or several. */
  private String itemArray(JsonNode answer) {
    List<String> arrays = arrays(answer);
    return arrays.size() == 1 ? arrays.get(0) : null;
  }

  private List<String> arrays(JsonNode answer) {
    List<String> arrays = new ArrayList<>();
    properties(answer).properties().forEach(e -> {
      if ("array".equals(resolve(e.getValue()).path("type").asString(""))) {
        arrays.add(e.getKey());
      }
    });
    return arrays;
  }

  /** The properties of a schema, those of its allOf parts included. */
  private ObjectNode properties(JsonNode schema) {
    ObjectNode all = JsonTrees.NODES.objectNode();
    JsonNode resolved = resolve(schema);
    for (JsonNode part : resolved.path("allOf")) {
      all.setAll(properties(part));
    }
    if (resolved.get("properties") instanceof ObjectNode own) {
      all.setAll(own);
    }
    return all;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
      current = schemas.apply(SchemaNormaliser.refName(current.get("$ref").asString()));
    }
    return current == null ? JsonTrees.NODES.missingNode() : current;
  }
}
