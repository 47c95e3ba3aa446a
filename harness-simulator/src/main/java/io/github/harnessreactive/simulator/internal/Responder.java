package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.catalogue.PageShapes;
import io.github.harnessreactive.simulator.SimulatorOptions;
import io.github.harnessreactive.simulator.SimulatorStats;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers every request the simulator receives, as Harness would: finds the operation of our
 * documents the request is for, checks the credential as Harness does, counts it against the
 * key's window, maybe injects a fault, and builds the answer from the operation's schema, with
 * pages generated for the requested index and size.
 */
public final class Responder implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "harness-simulator";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SimulatorOptions options;
  private final SpecDocuments documents = new SpecDocuments();
  private final SchemaSampler sampler;
  private final List<Route> routes = new ArrayList<>();
  private final RequestWindow window;
  private final SplittableRandom faults;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong faulted = new AtomicLong();

  /** One operation: the document, its base paths, the path pattern. */
  private record Route(OperationInfo operation, List<String> prefixes, Pattern pattern) {
  }

  public Responder(SimulatorOptions options) {
    this.options = options;
    this.sampler = new SchemaSampler(documents, options.seed());
    this.window = new RequestWindow(options.requestLimit(), options.window().toNanos());
    this.faults = new SplittableRandom(options.seed());
    for (OperationInfo operation : OperationCatalogue.get().operations()) {
      routes.add(new Route(operation, prefixes(operation.document()),
          Pattern.compile(operation.path().replaceAll("\\{[^}]+}", "[^/]+"))));
    }
  }

  /** What has been answered so far. */
  public SimulatorStats stats() {
    return new SimulatorStats(requests.get(), throttled.get(), rejected.get(), faulted.get());
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    requests.incrementAndGet();
    var request = event.getRequest();
    URI uri = URI.create(request.getUrl());
    String method = request.getMethod().getName();
    Matched matched = match(method, uri.getPath());
    if (matched == null) {
      return ngError(400, "FAILURE", "RESOURCE_NOT_FOUND_EXCEPTION", "Unable to find the requested resource");
    }
    String document = matched.route.operation().document();
    String credential = credential(document, request.getHeader("x-api-key"), request.getHeader("Authorization"));
    if (credential == null) {
      rejected.incrementAndGet();
      return ngError(400, "ERROR", "INVALID_REQUEST",
          "Invalid request: Authorization is mandatory. Please add X-Api-Key header in the request");
    }
    if (!accepted(document, credential)) {
      rejected.incrementAndGet();
      return ngError(401, "ERROR", "INVALID_TOKEN", "Invalid call: Invalid token or token expired");
    }
    if (!window.admit(credential, System.nanoTime())) {
      throttled.incrementAndGet();
      return delayed(new ResponseDefinitionBuilder().withStatus(429).withHeader("Content-Type", "text/plain")
          .withBody("Too Many Requests"));
    }
    ResponseDefinitionBuilder answer = answer(matched, uri, request.getBodyAsString());
    return delayed(fault(answer));
  }

  private record Matched(Route route, String relativePath) {
  }

  private Matched match(String method, String path) {
    for (Route route : routes) {
      if (!route.operation().method().equals(method)) {
        continue;
      }
      for (String prefix : route.prefixes()) {
        if (path.startsWith(prefix)) {
          String relative = path.substring(prefix.length());
          if (route.pattern().matcher(relative).matches()) {
            return new Matched(route, relative);
          }
        }
      }
    }
    return null;
  }

  private List<String> prefixes(String document) {
    List<String> prefixes = new ArrayList<>();
    for (JsonNode server : documents.root(document).path("servers")) {
      String path = URI.create(server.path("url").asString()).getPath();
      prefixes.add(path == null ? "" : path);
    }
    if ("sei-v1".equals(document)) {
      prefixes.add("/sei/api");
    }
    return prefixes;
  }

  /** The credential of the request in the scheme the document uses, or {@code null} when it has none. */
  private static String credential(String document, String apiKey, String authorization) {
    if ("sei-v1".equals(document)) {
      if (authorization == null) {
        return null;
      }
      String[] parts = authorization.split(" ");
      return parts.length == 2 && parts[0].equalsIgnoreCase("ApiKey") ? parts[1] : "";
    }
    return apiKey == null || apiKey.isBlank() ? null : apiKey;
  }

  private boolean accepted(String document, String credential) {
    return "sei-v1".equals(document) ? options.seiV1Keys().contains(credential) : options.apiKeys().contains(credential);
  }

  private synchronized double draw() {
    return faults.nextDouble();
  }

  private ResponseDefinitionBuilder fault(ResponseDefinitionBuilder answer) {
    if (options.faults().total() == 0) {
      return answer;
    }
    double x = draw();
    var f = options.faults();
    double edge = f.connectionReset();
    if (x < edge) {
      faulted.incrementAndGet();
      return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }
    if (x < (edge += f.serviceUnavailable())) {
      faulted.incrementAndGet();
      return new ResponseDefinitionBuilder().withStatus(503);
    }
    if (x < (edge += f.htmlBadGateway())) {
      faulted.incrementAndGet();
      return new ResponseDefinitionBuilder().withStatus(502).withHeader("Content-Type", "text/html")
          .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>");
    }
    if (x < (edge += f.truncatedJson())) {
      faulted.incrementAndGet();
      ResponseDefinition full = answer.build();
      String body = full.getBody() == null ? "{}" : full.getBody();
      return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody(body.substring(0, body.length() / 2));
    }
    if (x < edge + f.throttleInBody()) {
      faulted.incrementAndGet();
      return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/json")
          .withBody("{\"status\":\"ERROR\",\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests, please retry later\"}");
    }
    return answer;
  }

  private ResponseDefinition delayed(ResponseDefinitionBuilder answer) {
    if (!options.latency().isZero()) {
      answer.withFixedDelay((int) options.latency().toMillis());
    }
    return answer.build();
  }

  private ResponseDefinitionBuilder answer(Matched matched, URI uri, String body) {
    OperationInfo operation = matched.route.operation();
    String document = operation.document();
    JsonNode spec = documents.operation(document, operation.path(), operation.method());
    Map.Entry<String, JsonNode> success = successResponse(spec);
    int status = Integer.parseInt(success.getKey());
    JsonNode content = documents.resolve(document, success.getValue()).path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return new ResponseDefinitionBuilder().withStatus(status);
    }
    String mediaType = content.propertyNames().iterator().next();
    JsonNode schema = content.path(mediaType).path("schema");
    if (mediaType.startsWith("text/")) {
      return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", mediaType)
          .withBody(csv(options.listSize(operation.operationId())));
    }
    var paging = operation.paging().filter(p -> !PageShapes.UNPAGED.equals(p.shape()));
    if (paging.isPresent()) {
      return page(operation, paging.get(), schema, uri, body);
    }
    JsonNode value = sampler.sample(document, schema, 0);
    return json(status, value);
  }

  /** The operation's first 2xx response (status and response object). */
  private static Map.Entry<String, JsonNode> successResponse(JsonNode operation) {
    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
      if (response.getKey().startsWith("2")) {
        return response;
      }
    }
    return Map.entry("200", NODES.objectNode());
  }

  private ResponseDefinitionBuilder page(OperationInfo operation, OperationInfo.PagingSpec paging, JsonNode schema, URI uri,
      String body) {
    String document = operation.document();
    int index = (int) parameter(paging, paging.pageParam(), uri, body, 0);
    int size = (int) parameter(paging, paging.sizeParam(), uri, body, paging.maxPageSize());
    long total = options.listSize(operation.operationId());
    long from = Math.min(total, (long) index * size);
    long to = Math.min(total, from + size);
    JsonNode itemSchema = itemSchema(document, schema, paging.items());
    ArrayNode items = NODES.arrayNode();
    for (long i = from; i < to; i++) {
      items.add(item(operation, document, itemSchema, i));
    }
    PageShape shape = PageShapes.get(paging.shape());
    ResponseDefinitionBuilder answer = new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json");
    JsonNode root;
    if (paging.items().isEmpty()) {
      root = items;
    } else {
      root = sampler.sample(document, schema, 0);
      put((ObjectNode) root, paging.items(), items);
    }
    boolean last = to >= total;
    boolean seiV1 = "sei-v1-body".equals(shape.name());
    for (Map.Entry<PageShape.Meta, PageShape.Location> field : shape.fields().entrySet()) {
      JsonNode value = switch (field.getKey()) {
        case TOTAL_ITEMS -> seiV1 && !options.reportTotals() ? null : NODES.numberNode(total);
        case TOTAL_PAGES -> NODES.numberNode((total + size - 1) / size);
        case PAGE_INDEX -> NODES.numberNode(index);
        case PAGE_SIZE -> NODES.numberNode(size);
        // SEI v1 computes has_next as "this page is full", so an exactly full last page says true.
        case HAS_NEXT -> NODES.booleanNode(seiV1 ? items.size() == size : !last);
        case IS_LAST -> NODES.booleanNode(last);
      };
      PageShape.Location location = field.getValue();
      if (location.header()) {
        answer.withHeader(location.name(), value.asString());
      } else if (value == null) {
        remove((ObjectNode) root, location.name());
      } else {
        put((ObjectNode) root, location.name(), value);
      }
    }
    extras((ObjectNode) (root.isObject() ? root : NODES.objectNode()), shape.name(), items.size(), index, last);
    return answer.withBody(JSON.writeValueAsString(root));
  }

  /** The fields some shapes carry beyond the metadata the client reads, made consistent with the page. */
  private static void extras(ObjectNode root, String shape, int count, int index, boolean last) {
    switch (shape) {
      case "ng-page-response" -> {
        put(root, "data.pageItemCount", NODES.numberNode(count));
        put(root, "data.empty", NODES.booleanNode(count == 0));
      }
      case "spring-page" -> {
        put(root, "data.numberOfElements", NODES.numberNode(count));
        put(root, "data.first", NODES.booleanNode(index == 0));
        put(root, "data.empty", NODES.booleanNode(count == 0));
      }
      case "sei-v1-body" -> {
        root.put("count", count);
        if (last) {
          remove(root, "_metadata.next_page");
        } else {
          put(root, "_metadata.next_page", NODES.numberNode(index + 1));
        }
      }
      default -> { }
    }
  }

  private JsonNode item(OperationInfo operation, String document, JsonNode itemSchema, long index) {
    return switch (operation.operationId()) {
      case "listScmPullRequests" -> PullRequests.pullRequest(options.seed(), index);
      case "listScmCommits" -> PullRequests.commit(options.seed(), index);
      default -> sampler.sample(document, itemSchema, index);
    };
  }

  private JsonNode itemSchema(String document, JsonNode schema, String itemsPath) {
    JsonNode current = documents.resolve(document, schema);
    if (!itemsPath.isEmpty()) {
      for (String part : itemsPath.split("\\.")) {
        current = documents.resolve(document, current.path("properties").path(part));
      }
    }
    return current.path("items");
  }

  private static long parameter(OperationInfo.PagingSpec paging, String name, URI uri, String body, long fallback) {
    String value = null;
    if ("query".equals(paging.in())) {
      String query = uri.getRawQuery();
      if (query != null) {
        for (String pair : query.split("&")) {
          String[] kv = pair.split("=", 2);
          if (kv[0].equals(name) && kv.length == 2) {
            value = kv[1];
          }
        }
      }
    } else if (body != null && !body.isBlank()) {
      JsonNode node = JSON.readTree(body);
      for (String part : name.split("\\.")) {
        node = node.path(part);
      }
      value = node.isMissingNode() || node.isNull() ? null : node.asString();
    }
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void put(ObjectNode root, String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = current.get(parts[i]);
      ObjectNode object;
      if (next instanceof ObjectNode existing) {
        object = existing;
      } else {
        object = NODES.objectNode();
        current.set(parts[i], object);
      }
      current = object;
    }
    current.set(parts[parts.length - 1], value);
  }

  private static void remove(ObjectNode root, String dotted) {
    String[] parts = dotted.split("\\.");
    JsonNode current = root;
    for (int i = 0; i < parts.length - 1 && current != null; i++) {
      current = current.get(parts[i]);
    }
    if (current instanceof ObjectNode object) {
      object.remove(parts[parts.length - 1]);
    }
  }

  private static String csv(long lines) {
    StringBuilder text = new StringBuilder("team,period,metric,value\n");
    for (long i = 0; i < lines; i++) {
      text.append("team").append(i % 50).append(",2026-M").append(1 + i % 12).append(",deployment_frequency,")
          .append(i % 17).append('\n');
    }
    return text.toString();
  }

  private static ResponseDefinitionBuilder json(int status, JsonNode value) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(value));
  }

  private static ResponseDefinition ngError(int status, String kind, String code, String message) {
    ObjectNode body = NODES.objectNode();
    body.put("status", kind);
    body.put("code", code);
    body.put("message", message);
    body.put("correlationId", "simulator-" + Long.toHexString(System.nanoTime()));
    ArrayNode messages = body.putArray("responseMessages");
    ObjectNode entry = messages.addObject();
    entry.put("code", code);
    entry.put("level", "ERROR");
    entry.put("message", message);
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(body)).build();
  }
}
