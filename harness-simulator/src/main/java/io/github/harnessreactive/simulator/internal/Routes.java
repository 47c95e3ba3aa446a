package io.github.harnessreactive.simulator.internal;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds the operation of our documents a request is for, under each document's base paths, and
 * reads its path parameters.
 */
final class Routes {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** One operation: its base paths, its path pattern and the names of the pattern's groups. */
  private record Route(OperationInfo operation, List<String> prefixes, Pattern pattern, List<String> names) {
  }

  /** A matched request. */
  record Match(OperationInfo operation, Map<String, String> pathParams) {
  }

  private final List<Route> routes = new ArrayList<>();

  Routes(SpecDocuments documents) {
    for (OperationInfo operation : OperationCatalogue.get().operations()) {
      List<String> names = new ArrayList<>();
      Matcher parameters = PARAMETER.matcher(operation.path());
      StringBuilder regex = new StringBuilder();
      int end = 0;
      while (parameters.find()) {
        regex.append(Pattern.quote(operation.path().substring(end, parameters.start()))).append("([^/]+)");
        names.add(parameters.group(1));
        end = parameters.end();
      }
      regex.append(Pattern.quote(operation.path().substring(end)));
      routes.add(new Route(operation, prefixes(documents, operation.document()), Pattern.compile(regex.toString()), names));
    }
    // A literal path wins over a template that would also match it (/v2/developers/list over /v2/developers/{id}).
    // Ties are broken by path and document, so every process matches alike.
    routes.sort(Comparator.<Route>comparingInt(r -> r.names().size())
        .thenComparing(r -> r.operation().path()).thenComparing(r -> r.operation().document()));
  }

  Optional<Match> match(String method, String path) {
    for (Route route : routes) {
      if (!route.operation().method().equals(method)) {
        continue;
      }
      for (String prefix : route.prefixes()) {
        if (path.startsWith(prefix)) {
          Matcher matcher = route.pattern().matcher(path.substring(prefix.length()));
          if (matcher.matches()) {
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
              params.put(route.names().get(i), decode(matcher.group(i + 1)));
            }
            return Optional.of(new Match(route.operation(), params));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> prefixes(SpecDocuments documents, String document) {
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
}
