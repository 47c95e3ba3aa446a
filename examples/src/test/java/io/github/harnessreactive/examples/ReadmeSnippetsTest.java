package io.github.harnessreactive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of every README is compiled code: it must follow a {@code <!-- snippet: name -->}
 * line and equal the region of that name in the examples' {@code snippets} packages (main or test
 * sources), between {@code // snippet: name} and {@code // end-snippet}, de-indented. Regions no
 * README shows are dead code and fail too. With {@code -Dsnippets.update=true} the READMEs are
 * rewritten from the regions instead (then review the diff).
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern START = Pattern.compile("^\\s*// snippet: ([a-z0-9-]+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// end-snippet\\s*$");
  private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([a-z0-9-]+) -->$");

  @Test
  void everyJavaBlockOfEveryReadmeIsARegionOfCompiledCode() throws IOException {
    Map<String, List<String>> regions = regions();
    Set<String> shown = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    boolean update = Boolean.getBoolean("snippets.update");

    for (Path readme : readmes()) {
      List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      String where = ROOT.relativize(readme).toString();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        out.add(line);
        if (!line.equals("```java")) {
          continue;
        }
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).equals("```")) {
          end++;
        }
        List<String> block = lines.subList(i + 1, end);
        Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
        if (marker == null || !marker.matches()) {
          problems.add(where + ":" + (i + 1) + ": a Java block without a <!-- snippet: name --> line before it");
          out.addAll(block);
        } else if (!regions.containsKey(marker.group(1))) {
          problems.add(where + ":" + (i + 1) + ": no region named " + marker.group(1));
          out.addAll(block);
        } else {
          List<String> region = regions.get(marker.group(1));
          shown.add(marker.group(1));
          if (!region.equals(block)) {
            problems.add(where + ":" + (i + 1) + ": the block differs from region " + marker.group(1)
                + "\n--- README\n" + String.join("\n", block) + "\n--- code\n" + String.join("\n", region));
          }
          out.addAll(update ? region : block);
        }
        i = end - 1;
      }
      if (update) {
        Files.write(readme, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    regions.keySet().stream().filter(name -> !shown.contains(name))
        .forEach(name -> problems.add("region " + name + " is shown by no README"));
    if (update) {
      problems.removeIf(problem -> problem.contains("differs from region"));
    }
    assertThat(problems).as("README snippets (rewrite with -Dsnippets.update=true)").isEmpty();
  }

  /** README.md at the root and in each module. */
  private static List<Path> readmes() throws IOException {
    List<Path> readmes = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(readmes::add);
    }
    return readmes;
  }

  /** Every region of the snippet sources, by name, de-indented. */
  private static Map<String, List<String>> regions() throws IOException {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    for (String sources : List.of("src/main/java", "src/test/java")) {
      Path snippets = Path.of(sources, "io/github/harnessreactive/examples/snippets");
      if (!Files.isDirectory(snippets)) {
        continue;
      }
      try (Stream<Path> files = Files.list(snippets)) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> read(file, regions));
      }
    }
    return regions;
  }

  private static void read(Path file, Map<String, List<String>> regions) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher start = START.matcher(lines.get(i));
        if (start.matches()) {
          int end = i + 1;
          while (!END.matcher(lines.get(end)).matches()) {
            end++;
          }
          List<String> previous = regions.put(start.group(1), dedent(lines.subList(i + 1, end)));
          assertThat(previous).as("region " + start.group(1) + " defined twice").isNull();
          i = end;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
