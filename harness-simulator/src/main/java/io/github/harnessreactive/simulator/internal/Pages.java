package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.catalogue.PageShapes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one page of a list in the operation's page shape, from the same shape descriptions the
 * client reads: the items of the requested window, and the metadata made consistent with them.
 */
public final class Pages {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Answers answers;
  private final boolean reportTotals;

  /**
   * The page a request asks for.
   *
   * @param index the 0-based page index
   * @param size the page size, at most the operation's maximum
   */
  record Window(long index, int size) {
  }

  Pages(Answers answers, boolean reportTotals) {
    this.answers = answers;
    this.reportTotals = reportTotals;
  }

  /** The paging of an operation that pages (not unpaged lists). */
  static Optional<OperationInfo.PagingSpec> paging(OperationInfo operation) {
    return operation.paging().filter(p -> !PageShapes.UNPAGED.equals(p.shape()));
  }

  /**
   * The window a list request asks for, from the query or the body as the paging says; an absent
   * size is the operation's maximum, a larger one is cut to it.
   *
   * @throws IllegalArgumentException for a negative index or a size below 1
   */
  static Window window(Call call, OperationInfo.PagingSpec paging) {
    int max = paging.maxPageSize() > 0 ? paging.maxPageSize() : 100;
    long index = parameter(call, paging, paging.pageParam(), 0);
    long size = parameter(call, paging, paging.sizeParam(), max);
    if (index < 0 || size < 1) {
      throw new IllegalArgumentException("page index must not be negative and page size must be positive");
    }
    return new Window(index, (int) Math.min(size, max));
  }

  /**
   * A page of stored resources: each view laid over a sampled item of the list's item schema.
   *
   * @param call the list request
   * @param views every item of the list, in order
   * @param fields body fields to set beside the items (such as a parent's id), by dotted path
   */
  public ResponseDefinitionBuilder page(Call call, List<JsonNode> views, Map<String, JsonNode> fields) {
    OperationInfo.PagingSpec paging = paging(call.operation()).orElseThrow();
    JsonNode itemSchema = itemSchema(call, paging);
    return page(call, views.size(),
        i -> answers.overlay(answers.sampler().sample(call.document(), itemSchema, i), views.get((int) i), itemSchema,
            call.document()), fields);
  }

  /** A page of a list of {@code total} items, each made by the generator from its index. */
  ResponseDefinitionBuilder page(Call call, long total, LongFunction<JsonNode> generator) {
    return page(call, total, generator, Map.of());
  }

  private ResponseDefinitionBuilder page(Call call, long total, LongFunction<JsonNode> generator, Map<String, JsonNode> fields) {
    OperationInfo operation = call.operation();
    OperationInfo.PagingSpec paging = paging(operation).orElseThrow();
    Window window = window(call, paging);
    long from = window.index() > total / window.size() ? total : window.index() * window.size();
    long to = Math.min(total, from + window.size());
    ArrayNode items = NODES.arrayNode();
    for (long i = from; i < to; i++) {
      items.add(generator.apply(i));
    }
    JsonNode schema = answers.success(operation).schema();
    JsonNode root;
    String itemsPath = paging.items().get(0); // the first item array holds the simulated items
    if (itemsPath.isEmpty()) {
      root = items;
    } else {
      root = answers.sampler().sample(call.document(), schema, 0);
      JsonPaths.put((ObjectNode) root, itemsPath, items);
    }
    ResponseDefinitionBuilder answer = new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json");
    PageShape shape = PageShapes.get(paging.shape());
    boolean last = to >= total;
    boolean seiV1 = "sei-v1-body".equals(shape.name());
    for (Map.Entry<PageShape.Meta, PageShape.Location> field : shape.fields().entrySet()) {
      JsonNode value = switch (field.getKey()) {
        case TOTAL_ITEMS -> seiV1 && !reportTotals ? null : NODES.numberNode(total);
        case TOTAL_PAGES -> NODES.numberNode((total + window.size() - 1) / window.size());
        case PAGE_INDEX -> NODES.numberNode(window.index());
        case PAGE_SIZE -> NODES.numberNode(window.size());
        // SEI v1 computes has_next as "this page is full", so an exactly full last page says true.
        case HAS_NEXT -> NODES.booleanNode(seiV1 ? items.size() == window.size() : !last);
        case IS_LAST -> NODES.booleanNode(last);
        case NEXT_CURSOR -> last ? null : NODES.stringNode("page-" + (window.index() + 1));
      };
      PageShape.Location location = field.getValue();
      if (location.header()) {
        answer.withHeader(location.name(), value.asString());
      } else if (value == null) {
        JsonPaths.remove((ObjectNode) root, location.name());
      } else {
        JsonPaths.put((ObjectNode) root, location.name(), value);
      }
    }
    if (root instanceof ObjectNode object) {
      extras(object, shape.name(), items.size(), window.index(), last);
      fields.forEach((path, value) -> JsonPaths.put(object, path, value));
    }
    return answer.withBody(JSON.writeValueAsString(root));
  }

  /** The schema of the list's items. */
  private JsonNode itemSchema(Call call, OperationInfo.PagingSpec paging) {
    SpecDocuments documents = answers.documents();
    JsonNode current = documents.resolve(call.document(), answers.success(call.operation()).schema());
    if (!paging.items().get(0).isEmpty()) {
      for (String part : paging.items().get(0).split("\\.")) {
        current = documents.resolve(call.document(), current.path("properties").path(part));
      }
    }
    return current.path("items");
  }

  /** The sampled items of a list operation, by index (the stateless list). */
  LongFunction<JsonNode> sampledItems(Call call) {
    JsonNode itemSchema = itemSchema(call, paging(call.operation()).orElseThrow());
    return index -> answers.sampler().sample(call.document(), itemSchema, index);
  }

  /** The fields some shapes carry beyond the metadata the client reads, made consistent with the page. */
  private static void extras(ObjectNode root, String shape, int count, long index, boolean last) {
    switch (shape) {
      case "ng-page-response" -> {
        JsonPaths.put(root, "data.pageItemCount", NODES.numberNode(count));
        JsonPaths.put(root, "data.empty", NODES.booleanNode(count == 0));
      }
      case "spring-page" -> {
        JsonPaths.put(root, "data.numberOfElements", NODES.numberNode(count));
        JsonPaths.put(root, "data.first", NODES.booleanNode(index == 0));
        JsonPaths.put(root, "data.empty", NODES.booleanNode(count == 0));
      }
      case "sei-v1-body" -> {
        root.put("count", count);
        if (last) {
          JsonPaths.remove(root, "_metadata.next_page");
        } else {
          JsonPaths.put(root, "_metadata.next_page", NODES.numberNode(index + 1));
        }
      }
      default -> { }
    }
  }

  private static long parameter(Call call, OperationInfo.PagingSpec paging, String name, long fallback) {
    String value;
    if ("query".equals(paging.in())) {
      value = call.query(name).orElse(null);
    } else {
      JsonNode node = JsonPaths.get(call.json(), name);
      value = node.isMissingNode() || node.isNull() ? null : node.asString();
    }
    try {
      return value == null ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
