package io.github.harnessreactive.simulator.internal;

import io.github.harnessreactive.core.catalogue.OperationInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A request as the simulator's answers see it: its operation, path parameters, decoded query,
 * body and the credential that made it.
 */
public final class Call {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OperationInfo operation;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final String body;
  private final String credential;
  private JsonNode json;

  Call(OperationInfo operation, Map<String, String> pathParams, URI uri, String body, String credential) {
    this.operation = operation;
    this.pathParams = Map.copyOf(pathParams);
    this.query = parseQuery(uri.getRawQuery());
    this.body = body == null ? "" : body;
    this.credential = credential;
  }

  public OperationInfo operation() {
    return operation;
  }

  /** The document of the operation, such as {@code platform-ng}. */
  public String document() {
    return operation.document();
  }

  /** A path parameter by its name in the path template; {@code null} when the template has none. */
  public String path(String name) {
    return pathParams.get(name);
  }

  /** The first non-blank value of a query parameter. */
  public Optional<String> query(String name) {
    return queryValues(name).stream().filter(v -> !v.isBlank()).findFirst();
  }

  /** Every value of a query parameter, repeated or comma-separated. */
  public List<String> queryValues(String name) {
    List<String> values = new ArrayList<>();
    for (String value : query.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  /** The body as text ({@code ""} when there was none). */
  public String body() {
    return body;
  }

  /** The body as JSON; a missing node when it is empty or not JSON. */
  public synchronized JsonNode json() {
    if (json == null) {
      try {
        json = body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
      } catch (JacksonException e) {
        json = MissingNode.getInstance();
      }
    }
    return json;
  }

  /** The key or token the request was made with. */
  public String credential() {
    return credential;
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length == 2 ? decode(kv[1]) : "");
    }
    return values;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
