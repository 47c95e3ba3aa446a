package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.catalogue.PageShapes;
import java.util.ArrayList;
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
 * Pages are counted as the operation counts them ({@code firstPage} 0 or 1); a cursor shape hands
 * out an opaque cursor for the next page and reads it back; an answer with several item arrays
 * gets the items spread over them (item {@code i} in array {@code i mod n}), each array's items
 * made from its own item schema.
 */
public final class Pages {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Answers answers;
  private final boolean reportTotals;

  /**
   * The page a request asks for.
   *
   * @param index the page index as the request says it (from {@code firstPage}); for a cursor
   *     shape, the position the cursor names
   * @param position the 0-based position of the page in the list
   * @param size the page size, at most the operation's maximum
   */
  record Window(long index, long position, int size) {
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
   * The window a list request asks for, from the query or the body as the paging says: a page
   * index counted from the operation's first page (absent: the first page), or the cursor of a
   * cursor shape (absent: the first page); an absent size is the operation's maximum, a larger one
   * is cut to it.
   *
   * @throws IllegalArgumentException for an index below the first page, a size below 1, or a
   *     cursor the simulator did not hand out
   */
  static Window window(Call call, OperationInfo.PagingSpec paging) {
    int max = paging.maxPageSize() > 0 ? paging.maxPageSize() : 100;
    long size = number(value(call, paging, paging.sizeParam()), max);
    if (size < 1) {
      throw new IllegalArgumentException("page size must be positive");
    }
    if (isCursor(paging)) {
      String cursor = value(call, paging, paging.pageParam());
      long position = cursor == null || cursor.isBlank() ? 0 : Cursors.position(cursor.trim());
      return new Window(position, position, (int) Math.min(size, max));
    }
    long index = number(value(call, paging, paging.pageParam()), paging.firstPage());
    if (index < paging.firstPage()) {
      throw new IllegalArgumentException("page index must not be below " + paging.firstPage()
          + ", the first page of this list");
    }
    return new Window(index, index - paging.firstPage(), (int) Math.min(size, max));
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
    List<JsonNode> itemSchemas = itemSchemas(call, paging);
    return page(call, views.size(), i -> {
      JsonNode itemSchema = itemSchemas.get(arrayOf(i, itemSchemas.size()));
      return answers.overlay(answers.sampler().sample(call.document(), itemSchema, i), views.get((int) i), itemSchema,
          call.document());
    }, fields);
  }

  /** A page of a list of {@code total} items, each made by the generator from its index. */
  ResponseDefinitionBuilder page(Call call, long total, LongFunction<JsonNode> generator) {
    return page(call, total, generator, Map.of());
  }

  private ResponseDefinitionBuilder page(Call call, long total, LongFunction<JsonNode> generator, Map<String, JsonNode> fields) {
    OperationInfo operation = call.operation();
    OperationInfo.PagingSpec paging = paging(operation).orElseThrow();
    Window window = window(call, paging);
    long from = window.position() > total / window.size() ? total : window.position() * window.size();
    long to = Math.min(total, from + window.size());
    List<String> itemPaths = paging.items();
    List<ArrayNode> arrays = new ArrayList<>();
    itemPaths.forEach(path -> arrays.add(NODES.arrayNode()));
    for (long i = from; i < to; i++) {
      arrays.get(arrayOf(i, arrays.size())).add(generator.apply(i));
    }
    JsonNode root;
    if (itemPaths.get(0).isEmpty()) {
      root = arrays.get(0);
    } else {
      root = answers.sampler().sample(call.document(), answers.success(operation).schema(), 0);
      for (int a = 0; a < itemPaths.size(); a++) {
        JsonPaths.put((ObjectNode) root, itemPaths.get(a), arrays.get(a));
      }
    }
    ResponseDefinitionBuilder answer = new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json");
    PageShape shape = PageShapes.get(paging.shape());
    int count = (int) (to - from);
    boolean last = to >= total;
    boolean seiV1 = "sei-v1-body".equals(shape.name());
    for (Map.Entry<PageShape.Meta, PageShape.Location> field : shape.fields().entrySet()) {
      JsonNode value = switch (field.getKey()) {
        case TOTAL_ITEMS -> seiV1 && !reportTotals ? null : NODES.numberNode(total);
        case TOTAL_PAGES -> NODES.numberNode((total + window.size() - 1) / window.size());
        case PAGE_INDEX -> NODES.numberNode(window.index());
        case PAGE_SIZE -> NODES.numberNode(window.size());
        // SEI v1 computes has_next as "this page is full", so an exactly full last page says true.
        case HAS_NEXT -> NODES.booleanNode(seiV1 ? count == window.size() : !last);
        case IS_LAST -> NODES.booleanNode(last);
        case NEXT_CURSOR -> last ? null : NODES.stringNode(Cursors.of(window.position() + 1));
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
      extras(object, shape.name(), count, window, last);
      fields.forEach((path, value) -> JsonPaths.put(object, path, value));
    }
    return answer.withBody(JSON.writeValueAsString(root));
  }

  /** The array item {@code i} of the list goes into, when the answer spreads its items over {@code arrays}. */
  private static int arrayOf(long i, int arrays) {
    return (int) (i % arrays);
  }

  /** The item schema of each of the list's item arrays, in the paging's order. */
  private List<JsonNode> itemSchemas(Call call, OperationInfo.PagingSpec paging) {
    SpecDocuments documents = answers.documents();
    JsonNode answer = documents.resolve(call.document(), answers.success(call.operation()).schema());
    List<JsonNode> schemas = new ArrayList<>();
    for (String path : paging.items()) {
      JsonNode current = answer;
      if (!path.isEmpty()) {
        for (String part : path.split("\\.")) {
          current = documents.resolve(call.document(), current.path("properties").path(part));
        }
      }
      schemas.add(current.path("items"));
    }
    return schemas;
  }

  /** The sampled items of a list operation, by index (the stateless list), each from its array's item schema. */
  LongFunction<JsonNode> sampledItems(Call call) {
    List<JsonNode> itemSchemas = itemSchemas(call, paging(call.operation()).orElseThrow());
    return index -> answers.sampler().sample(call.document(), itemSchemas.get(arrayOf(index, itemSchemas.size())), index);
  }

  /** The fields some shapes carry beyond the metadata the client reads, made consistent with the page. */
  private static void extras(ObjectNode root, String shape, int count, Window window, boolean last) {
    long index = window.index();
    boolean first = window.position() == 0;
    switch (shape) {
      case "ng-page-response" -> {
        JsonPaths.put(root, "data.pageItemCount", NODES.numberNode(count));
        JsonPaths.put(root, "data.empty", NODES.booleanNode(count == 0));
      }
      case "spring-page" -> {
        JsonPaths.put(root, "data.numberOfElements", NODES.numberNode(count));
        JsonPaths.put(root, "data.first", NODES.booleanNode(first));
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
      case "ng-page-meta" -> {
        JsonPaths.put(root, "meta.first", NODES.booleanNode(first));
        JsonPaths.put(root, "meta.last", NODES.booleanNode(last));
        JsonPaths.put(root, "meta.hasPrevious", NODES.booleanNode(!first));
      }
      case "sei-v2-custom-variables" -> root.put("hasPrevious", !first);
      case "sei-v2-activity-logs" -> {
        root.put("pageIndex", index);
        root.put("pageSize", window.size());
      }
      case "sei-v2-drilldown" -> {
        JsonPaths.put(root, "pagination.currentPage", NODES.numberNode(index));
        JsonPaths.put(root, "pagination.pageIndex", NODES.numberNode(index));
        JsonPaths.put(root, "pagination.hasPrevious", NODES.booleanNode(!first));
      }
      case "cursor" -> {
        JsonPaths.put(root, "data.limit", NODES.numberNode(window.size()));
        JsonPaths.put(root, "data.offset", NODES.numberNode(window.position() * window.size()));
      }
      default -> { }
    }
  }

  private static boolean isCursor(OperationInfo.PagingSpec paging) {
    return PageShapes.get(paging.shape()).position() == PageShape.Position.CURSOR;
  }

  /** A page parameter's value, from the query or the body as the paging says; {@code null} when absent. */
  private static String value(Call call, OperationInfo.PagingSpec paging, String name) {
    if ("query".equals(paging.in())) {
      return call.query(name).orElse(null);
    }
    JsonNode node = JsonPaths.get(call.json(), name);
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }

  private static long number(String value, long fallback) {
    try {
      return value == null ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
