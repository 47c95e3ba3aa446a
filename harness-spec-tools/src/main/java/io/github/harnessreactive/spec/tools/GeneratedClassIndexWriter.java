package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the index of the generated classes the runtime and Jackson reach by reflection:
 * {@code GeneratedClassIndexWriter <output.json> <source-root>...}.
 *
 * <p>Run by harness-client-generated right after OpenAPI Generator, over its source roots, so the
 * index always lists what was just generated: every model ({@code *.model.*}), every API class
 * ({@code *.api.*}) and each {@code invoker.ApiClient}. The Spring Boot starter turns it into
 * native-image hints; keeping the list here, next to the classes, means nobody maintains it by hand
 * and any other consumer (another framework's hints) can read the same file.
 *
 * <p>The output is sorted, so an unchanged document gives a byte-identical file.
 */
public final class GeneratedClassIndexWriter {

  private static final Map<String, String> KIND_BY_PACKAGE = Map.of("model", "models", "api", "apis");

  private GeneratedClassIndexWriter() {
  }

  /**
   * Writes the index.
   *
   * @param args the output file, then one or more source roots
   * @throws IllegalArgumentException when fewer than two arguments are given or a root is not a directory
   * @throws IOException when a root cannot be read or the output written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: GeneratedClassIndexWriter <output.json> <source-root>...");
    }
    Path output = Path.of(args[0]);
    Map<String, TreeSet<String>> index = index(Arrays.stream(args).skip(1).map(Path::of).toList());
    Files.createDirectories(output.toAbsolutePath().getParent());
    JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    Files.writeString(output, mapper.writeValueAsString(index) + System.lineSeparator());
    System.out.printf("generated class index: %d models, %d APIs, %d API clients -> %s%n",
        index.get("models").size(), index.get("apis").size(), index.get("apiClients").size(), output);
  }

  /** The class names under the roots, by kind: {@code models}, {@code apis}, {@code apiClients}. */
  static Map<String, TreeSet<String>> index(List<Path> roots) throws IOException {
    Map<String, TreeSet<String>> index = new TreeMap<>();
    for (String kind : List.of("models", "apis", "apiClients")) {
      index.put(kind, new TreeSet<>());
    }
    for (Path root : roots) {
      for (String className : classNames(root)) {
        String[] parts = className.split("\\.");
        String packageName = parts.length > 1 ? parts[parts.length - 2] : "";
        String simpleName = parts[parts.length - 1];
        if (KIND_BY_PACKAGE.containsKey(packageName)) {
          index.get(KIND_BY_PACKAGE.get(packageName)).add(className);
        } else if ("invoker".equals(packageName) && "ApiClient".equals(simpleName)) {
          index.get("apiClients").add(className);
        }
      }
    }
    return index;
  }

  private static List<String> classNames(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a source directory: " + root);
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(file -> file.getFileName().toString().endsWith(".java"))
          .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "."))
          .map(name -> name.substring(0, name.length() - ".java".length()))
          .filter(name -> !name.endsWith("package-info"))
          .forEach(names::add);
    }
    return names;
  }
}
