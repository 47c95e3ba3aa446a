package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The documents an import folder describes, and how they are written. */
public final class ImportedDocuments {

  private ImportedDocuments() {
  }

  /** The names of the documents an import folder holds a selection for, sorted. */
  public static List<String> names(Path importFolder) {
    try (Stream<Path> files = Files.list(importFolder)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".selection.yaml"))
          .map(n -> n.substring(0, n.length() - ".selection.yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + importFolder, e);
    }
  }

  /**
   * Imports every document of an import folder and writes them to {@code <output>/<name>.yaml}.
   *
   * @param replacements newer source documents by {@code document:alias} (see {@link SpecImporter#importFolder})
   * @return the results, notes and warnings included
   * @throws SpecImportException listing the problems of every document that failed; nothing is written then
   */
  public static List<SpecImporter.Result> importAll(Path importFolder, Path output,
      Map<String, Map<String, Path>> replacements) {
    List<SpecImporter.Result> results = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String name : names(importFolder)) {
      try {
        results.add(SpecImporter.importFolder(importFolder, name, replacements.getOrDefault(name, Map.of())));
      } catch (SpecImportException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecImportException(problems);
    }
    results.forEach(r -> write(output.resolve(r.name() + ".yaml"), r));
    return results;
  }

  /** Writes one imported document with the header that says where it comes from. */
  public static void write(Path file, SpecImporter.Result result) {
    YamlWriter.write(file, result.document(), header(result.name()));
  }

  /** The header of an imported document. */
  public static String header(String name) {
    return "Imported by SpecImporter from the sources named in src/main/import/" + name + ".selection.yaml and\n"
        + "src/main/import/" + name + ".overlay.yaml. Do not edit: change the selection or the overlay and\n"
        + "re-import (harness-api-spec/README.md, \"Harness published a new description\").";
  }
}
