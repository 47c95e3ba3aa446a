package io.github.harnessreactive.spec.tools.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which facade classes use which generated methods and model accessors, read from the facades' Java
 * sources (the drift report runs before anything is compiled). A facade uses a generated class when
 * it imports it or names it fully qualified; it uses a member of that class when it calls it by name
 * ({@code .getErrors(}, {@code ::getData}). Accessor names are compared the way OpenAPI Generator
 * makes them: {@code ref_id}, {@code refId} and {@code getRefId} are the same property.
 */
public final class FacadeUsage {

  /** The package under which the generated code of every document lives. */
  static final String GENERATED = "io.github.harnessreactive.generated.";

  private static final Pattern IMPORT = Pattern.compile("import\\s+(io\\.github\\.harnessreactive\\.generated\\.[\\w.]+)\\s*;");
  private static final Pattern QUALIFIED = Pattern.compile("(io\\.github\\.harnessreactive\\.generated\\.[a-z0-9_.]+\\.[A-Z]\\w*)");
  private static final Pattern CALL = Pattern.compile("(?:\\.|::)\\s*(\\w+)");
  private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");

  private record Facade(String name, Set<String> classes, Set<String> members) {
  }

  private final List<Facade> facades;

  private FacadeUsage(List<Facade> facades) {
    this.facades = facades;
  }

  /** No facades: nothing is reported as used. */
  public static FacadeUsage none() {
    return new FacadeUsage(List.of());
  }

  /**
   * Reads every {@code .java} file under the given source roots that refers to generated code.
   *
   * @param sourceRoots the facade modules' {@code src/main/java} folders; missing ones are skipped
   */
  public static FacadeUsage scan(List<Path> sourceRoots) {
    List<Facade> facades = new ArrayList<>();
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          facade(file).ifPresent(facades::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root, e);
      }
    }
    return new FacadeUsage(facades);
  }

  private static Optional<Facade> facade(Path file) throws IOException {
    String text = Files.readString(file);
    if (!text.contains(GENERATED)) {
      return Optional.empty();
    }
    Set<String> classes = new HashSet<>();
    Matcher imports = IMPORT.matcher(text);
    while (imports.find()) {
      classes.add(imports.group(1));
    }
    Matcher qualified = QUALIFIED.matcher(text);
    while (qualified.find()) {
      classes.add(qualified.group(1));
    }
    Set<String> members = new HashSet<>();
    Matcher calls = CALL.matcher(text);
    while (calls.find()) {
      members.add(normalise(calls.group(1)));
    }
    Matcher pkg = PACKAGE.matcher(text);
    String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
    String name = pkg.find() ? pkg.group(1) + "." + simple : simple;
    return Optional.of(new Facade(name, classes, members));
  }

  /**
   * The facades that call a generated operation.
   *
   * @param document our document's name ({@code sei-v2})
   * @param tag the operation's tag (its generated {@code *Api} class)
   * @param operationId the operation's id (its generated method)
   */
  public List<String> operationUsers(String document, String tag, String operationId) {
    String api = packageOf(document) + ".api." + className(tag) + "Api";
    Set<String> names = Set.of(normalise(operationId), normalise(operationId + "WithResponseSpec"),
        normalise(operationId + "WithHttpInfo"));
    return facades.stream()
        .filter(f -> f.classes().contains(api) && f.members().stream().anyMatch(names::contains))
        .map(Facade::name)
        .toList();
  }

  /**
   * The facades that read or set a property of a generated model.
   *
   * @param document our document's name
   * @param schema the schema (its generated model class)
   * @param property the property's JSON name
   */
  public List<String> propertyUsers(String document, String schema, String property) {
    String model = packageOf(document) + ".model." + className(schema);
    String p = normalise(property);
    Set<String> names = Set.of("get" + p, "set" + p, "is" + p, p);
    return facades.stream()
        .filter(f -> f.classes().stream().anyMatch(c -> c.equals(model) || c.startsWith(model + ".")))
        .filter(f -> f.members().stream().anyMatch(names::contains))
        .map(Facade::name)
        .toList();
  }

  /**
   * The facades that name a generated model class at all.
   *
   * @param document our document's name
   * @param schema the schema
   */
  public List<String> schemaUsers(String document, String schema) {
    String model = packageOf(document) + ".model." + className(schema);
    return facades.stream()
        .filter(f -> f.classes().stream().anyMatch(c -> c.equals(model) || c.startsWith(model + ".")))
        .map(Facade::name)
        .toList();
  }

  /** The generated package of a document: {@code sei-v2} lives in {@code ...generated.sei.v2}. */
  static String packageOf(String document) {
    return GENERATED + document.replace('-', '.');
  }

  /** A tag or schema name as OpenAPI Generator's class name: words joined, each capitalised. */
  static String className(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return out.toString();
  }

  private static String normalise(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
