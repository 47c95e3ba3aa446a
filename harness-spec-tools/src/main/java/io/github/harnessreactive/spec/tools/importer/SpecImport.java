package io.github.harnessreactive.spec.tools.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The import command: {@code SpecImport <import-folder> <output-folder>}. Imports every document the
 * import folder has a selection for and writes it to the output folder; prints the normalisation
 * notes and warnings; exits non-zero, writing nothing, when any document has a problem.
 */
public final class SpecImport {

  private SpecImport() {
  }

  /**
   * Runs the import.
   *
   * @param args the import folder and the output folder
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SpecImport <import-folder> <output-folder>");
    }
    run(Path.of(args[0]), Path.of(args[1]), Map.of());
  }

  static void run(Path importFolder, Path output, Map<String, Map<String, Path>> replacements) {
    try {
      List<SpecImporter.Result> results = ImportedDocuments.importAll(importFolder, output, replacements);
      for (SpecImporter.Result result : results) {
        result.notes().forEach(n -> System.out.println("note: " + n));
        result.warnings().forEach(w -> System.out.println("warning: " + w));
        System.out.printf("%s: %d operations, %d schemas -> %s%n", result.name(),
            result.document().path("paths").properties().stream().mapToInt(p -> p.getValue().size()).sum(),
            result.document().path("components").path("schemas").size(), output.resolve(result.name() + ".yaml"));
      }
    } catch (SpecImportException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
