package io.github.harnessreactive.spec.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks our documents' vendor extensions and turns them into the operation catalogue: one entry
 * per operation (document, operation id, method, path template, retry safety, paging description,
 * declared account parameters).
 *
 * <p>The extensions and their rules are described in {@code harness-api-spec/README.md}. Every
 * problem found in every document is collected before {@link #build()} fails, so one build run
 * reports them all.
 */
public final class CatalogueBuilder {

  /** Extension: may the runtime repeat the call after a transient failure? Required everywhere. */
  public static final String RETRY_SAFE = "x-harness-retry-safe";
  /** Extension: how a list operation pages. Required on operations whose id starts with "list". */
  public static final String PAGING = "x-harness-paging";
  /** Extension: what a source only implies about an operation or schema. Informational. */
  public static final String UNVERIFIED = "x-harness-unverified";

  /** The page shapes the runtime knows, by the names the documents use. */
  public static final List<String> SHAPES = List.of(
      "ng-page-response", "ng-page-meta", "spring-page", "v1-headers", "sei-v1-body", "sei-v2-records",
      "sei-v2-items", "sei-v2-nested", "sei-v2-developers", "sei-v2-drilldown", "sei-v2-exports",
      "sei-v2-activity-logs", "sei-v2-custom-variables", "cursor", "bare-array", "unpaged");

  /** Query parameters that carry the account, which the runtime fills in where declared. */
  public static final List<String> ACCOUNT_PARAMETERS =
      List.of("accountIdentifier", "routingId", "account", "accountId");

  /** Query parameters that carry the organization and project scope. */
  public static final List<String> SCOPE_PARAMETERS = List.of("orgIdentifier", "projectIdentifier");

  /** The catalogue format; bumped when an entry's fields change incompatibly (2: items is an array). */
  public static final int FORMAT = 2;

  private static final Set<String> KNOWN_EXTENSIONS = Set.of(RETRY_SAFE, PAGING, UNVERIFIED);
  private static final Set<String> PAGING_FIELDS = Set.of(
      "shape", "in", "pageParam", "sizeParam", "items", "maxPageSize", "maxPageSizeSource", "firstPage", "identity");

  private final List<SpecDocument> documents;
  private final List<String> problems = new ArrayList<>();

  public CatalogueBuilder(List<SpecDocument> documents) {
    this.documents = List.copyOf(documents);
  }

  /**
   * Builds the catalogue.
   *
   * @throws SpecConventionException listing every problem found, when there is any
   */
  public ObjectNode build() {
    problems.clear();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode catalogue = nodes.objectNode();
    catalogue.put("format", FORMAT);
    ArrayNode described = catalogue.putArray("documents");
    ArrayNode entries = catalogue.putArray("operations");
    for (SpecDocument document : documents) {
      described.add(documentEntry(document));
      Set<String> ids = new HashSet<>();
      for (SpecDocument.Operation operation : document.operations()) {
        if (!ids.add(operation.id())) {
          problem(operation, "operationId is not unique in the document");
        }
        entries.add(entry(operation));
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecConventionException(problems);
    }
    return catalogue;
  }

  /** The problems the last {@link #build()} found; empty when it succeeded. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** A document's name and its server URLs, the first being the default. */
  private ObjectNode documentEntry(SpecDocument document) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("name", document.name());
    ArrayNode servers = entry.putArray("servers");
    document.root().path("servers").forEach(server -> servers.add(server.path("url").asString()));
    if (servers.isEmpty()) {
      problems.add(document.name() + ": declares no server URL");
    }
    return entry;
  }

  private ObjectNode entry(SpecDocument.Operation operation) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("document", operation.document().name());
    entry.put("operationId", operation.id());
    entry.put("method", operation.method());
    entry.put("path", operation.path());

    if (!operation.node().has("operationId")) {
      problem(operation, "has no operationId");
    }
    operation.node().propertyNames().stream()
        .filter(name -> name.startsWith("x-harness-") && !KNOWN_EXTENSIONS.contains(name))
        .forEach(name -> problem(operation, "unknown extension " + name));

    JsonNode retrySafe = operation.node().get(RETRY_SAFE);
    if (retrySafe == null || !retrySafe.isBoolean()) {
      problem(operation, RETRY_SAFE + " must be given as true or false");
    } else {
      entry.put("retrySafe", retrySafe.booleanValue());
    }

    ArrayNode accountParameters = entry.putArray("accountParameters");
    List<String> query = operation.parameterNames("query");
    ACCOUNT_PARAMETERS.stream().filter(query::contains).forEach(accountParameters::add);
    ArrayNode scopeParameters = entry.putArray("scopeParameters");
    SCOPE_PARAMETERS.stream().filter(query::contains).forEach(scopeParameters::add);

    Optional<JsonNode> paging = operation.extension(PAGING);
    if (paging.isPresent()) {
      entry.set("paging", paging(operation, paging.get()));
    } else if (operation.id().startsWith("list")) {
      problem(operation, "is a list operation without " + PAGING);
    }
    return entry;
  }

  private ObjectNode paging(SpecDocument.Operation operation, JsonNode paging) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    if (!paging.isObject()) {
      problem(operation, PAGING + " must be an object");
      return result;
    }
    paging.propertyNames().stream()
        .filter(name -> !PAGING_FIELDS.contains(name))
        .forEach(name -> problem(operation, PAGING + " has an unknown field " + name));
    String shape = paging.path("shape").asString("");
    if (!SHAPES.contains(shape)) {
      problem(operation, PAGING + ".shape '" + shape + "' is not one of " + SHAPES);
    }
    result.put("shape", shape);
    if ("unpaged".equals(shape)) {
      return result;
    }
    String in = requiredText(operation, paging, "in");
    String pageParam = requiredText(operation, paging, "pageParam");
    String sizeParam = requiredText(operation, paging, "sizeParam");
    JsonNode items = paging.get("items");
    List<String> itemPaths = new ArrayList<>();
    if (items != null && items.isString()) {
      itemPaths.add(items.asString());
    } else if (items != null && items.isArray() && !items.isEmpty()) {
      items.forEach(path -> itemPaths.add(path.asString("")));
    } else {
      problem(operation, PAGING + ".items must be a string (\"\" for a bare array) or a non-empty array of them");
    }
    int firstPage = paging.path("firstPage").asInt(0);
    if (firstPage != 0 && firstPage != 1) {
      problem(operation, PAGING + ".firstPage must be 0 or 1");
    }
    JsonNode identity = paging.get("identity");
    if (identity != null && (!identity.isString() || identity.asString().isBlank())) {
      problem(operation, PAGING + ".identity must be a dotted path inside an item, or several separated by commas");
    }
    JsonNode maxPageSize = paging.get("maxPageSize");
    if (maxPageSize == null || !maxPageSize.canConvertToInt() || maxPageSize.intValue() <= 0) {
      problem(operation, PAGING + ".maxPageSize must be a positive integer");
    }
    String source = requiredText(operation, paging, "maxPageSizeSource");
    if (!source.isEmpty() && !Set.of("documented", "conservative").contains(source)) {
      problem(operation, PAGING + ".maxPageSizeSource must be documented or conservative");
    }
    switch (in) {
      case "query" -> {
        List<String> query = operation.parameterNames("query");
        for (String parameter : List.of(pageParam, sizeParam)) {
          if (!parameter.isEmpty() && !query.contains(parameter)) {
            problem(operation, "pages with query parameter '" + parameter + "' it does not declare");
          }
        }
      }
      case "body" -> checkBodyFields(operation, pageParam, sizeParam);
      case "" -> { }
      default -> problem(operation, PAGING + ".in must be query or body");
    }
    result.put("in", in);
    result.put("pageParam", pageParam);
    result.put("sizeParam", sizeParam);
    ArrayNode itemArray = result.putArray("items");
    itemPaths.forEach(itemArray::add);
    if (firstPage != 0) {
      result.put("firstPage", firstPage);
    }
    if (identity != null && identity.isString()) {
      result.put("identity", identity.asString());
    }
    result.put("maxPageSize", maxPageSize == null ? 0 : maxPageSize.asInt(0));
    result.put("maxPageSizeSource", source);
    return result;
  }

  /** Page fields carried in the body must exist in the request schema (dotted for nested ones). */
  private void checkBodyFields(SpecDocument.Operation operation, String... fields) {
    JsonNode body = operation.node().path("requestBody");
    SpecDocument document = operation.document();
    Optional<JsonNode> schema = document.resolve(body)
        .map(b -> b.path("content").path("application/json").path("schema"))
        .flatMap(document::resolve);
    if (schema.isEmpty() || schema.get().isMissingNode()) {
      problem(operation, "pages in the body but has no application/json request schema");
      return;
    }
    for (String field : fields) {
      JsonNode current = schema.get();
      for (String part : field.split("\\.")) {
        current = document.resolve(current.path("properties").path(part)).orElse(null);
        if (current == null || current.isMissingNode()) {
          problem(operation, "pages with body field '" + field + "' its request schema does not declare");
          break;
        }
      }
    }
  }

  private String requiredText(SpecDocument.Operation operation, JsonNode paging, String field) {
    JsonNode value = paging.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      problem(operation, PAGING + "." + field + " must be a non-empty string");
      return "";
    }
    return value.asString();
  }

  private void problem(SpecDocument.Operation operation, String message) {
    problems.add(operation.document().name() + ": " + operation.method() + " " + operation.path()
        + " (" + operation.id() + ") " + message);
  }
}
