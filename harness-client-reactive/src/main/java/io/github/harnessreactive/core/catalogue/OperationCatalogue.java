package io.github.harnessreactive.core.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operation catalogue harness-api-spec builds from our documents' vendor extensions, read once
 * from the classpath: per document its default server, per operation its retry safety, account
 * and scope parameters and paging description.
 */
public final class OperationCatalogue {

  /** Where harness-api-spec puts the catalogue. */
  public static final String RESOURCE = "/META-INF/harness/operation-catalogue.json";

  private static final OperationCatalogue DEFAULT = load();

  private final Map<String, String> defaultServers;
  private final Map<String, OperationInfo> operations;

  private OperationCatalogue(Map<String, String> defaultServers, Map<String, OperationInfo> operations) {
    this.defaultServers = Map.copyOf(defaultServers);
    this.operations = Map.copyOf(operations);
  }

  /** The catalogue shipped in the harness-api-spec jar. */
  public static OperationCatalogue get() {
    return DEFAULT;
  }

  /** The operation of a document with this method and path template, if the document has it. */
  public Optional<OperationInfo> find(String document, String method, String pathTemplate) {
    return Optional.ofNullable(operations.get(key(document, method, pathTemplate)));
  }

  /**
   * The operation of a document with this id.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public OperationInfo require(String document, String operationId) {
    return operations.values().stream()
        .filter(o -> o.document().equals(document) && o.operationId().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId + " in " + document));
  }

  /** The default server URL of a document, such as {@code https://app.harness.io/prod1/sei/api}. */
  public String defaultServer(String document) {
    String server = defaultServers.get(document);
    if (server == null) {
      throw new IllegalArgumentException("no document named " + document + " in the operation catalogue");
    }
    return server;
  }

  /** Every operation, in no particular order. */
  public List<OperationInfo> operations() {
    return new ArrayList<>(operations.values());
  }

  private static String key(String document, String method, String path) {
    return document + ' ' + method + ' ' + path;
  }

  private static OperationCatalogue load() {
    try (InputStream in = OperationCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: is harness-api-spec on the classpath?");
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, String> servers = new HashMap<>();
      root.path("documents").forEach(d -> servers.put(d.path("name").asString(), d.path("servers").path(0).asString()));
      Map<String, OperationInfo> operations = new HashMap<>();
      for (JsonNode entry : root.path("operations")) {
        OperationInfo info = new OperationInfo(
            entry.path("document").asString(),
            entry.path("operationId").asString(),
            entry.path("method").asString(),
            entry.path("path").asString(),
            entry.path("retrySafe").asBoolean(false),
            strings(entry.path("accountParameters")),
            strings(entry.path("scopeParameters")),
            paging(entry.path("paging")));
        operations.put(key(info.document(), info.method(), info.path()), info);
      }
      return new OperationCatalogue(servers, operations);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static Optional<OperationInfo.PagingSpec> paging(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    JsonNode items = node.path("items");
    List<String> paths = items.isArray() ? strings(items) : List.of(items.asString(""));
    String identity = node.path("identity").asString("");
    return Optional.of(new OperationInfo.PagingSpec(
        node.path("shape").asString(), node.path("in").asString(""), node.path("pageParam").asString(""),
        node.path("sizeParam").asString(""), paths, node.path("maxPageSize").asInt(0), node.path("firstPage").asInt(0),
        identity.isEmpty() ? null : identity));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
