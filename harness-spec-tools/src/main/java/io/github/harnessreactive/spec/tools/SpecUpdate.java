package io.github.harnessreactive.spec.tools;

import io.github.harnessreactive.spec.tools.drift.DriftAnalyzer;
import io.github.harnessreactive.spec.tools.drift.DriftReport;
import io.github.harnessreactive.spec.tools.drift.FacadeUsage;
import io.github.harnessreactive.spec.tools.importer.ImportedDocuments;
import io.github.harnessreactive.spec.tools.importer.Overlay;
import io.github.harnessreactive.spec.tools.importer.Selection;
import io.github.harnessreactive.spec.tools.importer.SpecImportException;
import io.github.harnessreactive.spec.tools.importer.SpecImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one command that takes a newer Harness description into our documents: drift report, then
 * import. Run by {@code ./mvnw -pl harness-api-spec -am -Pspec-update compile
 * -Dspec.newer=DOCUMENT:SOURCE=FILE[,...]} (see harness-api-spec/README.md), or directly:
 *
 * <pre>
 * SpecUpdate &lt;import-folder&gt; &lt;documents-folder&gt; &lt;report.md&gt; [&lt;facade-source-root&gt;...]
 *            [--newer DOCUMENT:SOURCE=FILE[,DOCUMENT:SOURCE=FILE...]]
 * </pre>
 *
 * <ol>
 *   <li>For each newer document: compares its facts with the committed snapshot of that source, for
 *       what our document covers, and writes the drift report (Markdown) to {@code report.md}.</li>
 *   <li>Imports every document of the import folder, the newer documents in place of their snapshots.</li>
 *   <li>Only when every import succeeds: writes the documents and the newer sources' facts-only
 *       snapshots. Otherwise it prints every problem (each naming the operation and the fix), writes
 *       nothing but the report, and exits with 1.</li>
 * </ol>
 * Without {@code --newer} it re-imports from the committed snapshots (after a selection or overlay edit).
 */
public final class SpecUpdate {

  private SpecUpdate() {
  }

  /**
   * Runs the update.
   *
   * @param args see the class description
   */
  public static void main(String[] args) {
    // An empty Maven property arrives as a null argument.
    List<String> arguments = new ArrayList<>(Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    String newer = "";
    int flag = arguments.indexOf("--newer");
    if (flag >= 0) {
      newer = flag + 1 < arguments.size() ? arguments.get(flag + 1) : "";
      arguments.subList(flag, Math.min(flag + 2, arguments.size())).clear();
    }
    if (arguments.size() < 3) {
      throw new IllegalArgumentException("usage: SpecUpdate <import-folder> <documents-folder> <report.md> "
          + "[<facade-source-root>...] [--newer DOCUMENT:SOURCE=FILE,...]");
    }
    Path importFolder = Path.of(arguments.get(0));
    List<Path> facadeRoots = arguments.subList(3, arguments.size()).stream().map(Path::of).toList();
    boolean ok = run(importFolder, Path.of(arguments.get(1)), Path.of(arguments.get(2)), facadeRoots,
        parseNewer(newer));
    if (!ok) {
      System.exit(1);
    }
  }

  /**
   * Runs the update; true when the documents were written.
   *
   * @param newer the newer documents, by our document name, then by source alias
   */
  static boolean run(Path importFolder, Path documents, Path report, List<Path> facadeRoots,
      Map<String, Map<String, Path>> newer) {
    FacadeUsage facades = FacadeUsage.scan(facadeRoots);
    StringBuilder markdown = new StringBuilder("# Drift report\n\n");
    if (newer.isEmpty()) {
      markdown.append("No newer source document given: nothing compared.\n");
    }
    newer.forEach((document, bySource) -> bySource.forEach((alias, file) ->
        markdown.append(drift(importFolder, document, alias, file, facades).markdown()).append('\n')));
    write(report, markdown.toString());
    System.out.println(markdown);
    System.out.println("drift report -> " + report);
    try {
      List<SpecImporter.Result> results = ImportedDocuments.importAll(importFolder, documents, newer);
      newer.forEach((document, bySource) -> bySource.forEach((alias, file) -> {
        String snapshot = Selection.read(importFolder.resolve(document + ".selection.yaml")).sources().get(alias).snapshot();
        YamlWriter.write(importFolder.resolve("sources").resolve(snapshot),
            FactsSnapshot.of(SpecDocument.read(file).root()), ReferenceFactsExtractor.snapshotHeader(snapshot));
        System.out.println("snapshot of " + file + " -> " + importFolder.resolve("sources").resolve(snapshot));
      }));
      for (SpecImporter.Result result : results) {
        result.notes().forEach(n -> System.out.println("note: " + n));
        result.warnings().forEach(w -> System.out.println("warning: " + w));
        System.out.println(result.name() + " -> " + documents.resolve(result.name() + ".yaml"));
      }
      System.out.println("Review the change: git diff -- harness-api-spec/src/main; then build: ./mvnw verify");
      return true;
    } catch (SpecImportException e) {
      System.err.println(e.getMessage());
      System.err.println("Nothing was imported; fix the selection or overlay (see the drift report) and run again.");
      return false;
    }
  }

  /** The drift of one newer source document against its committed snapshot. */
  public static DriftReport drift(Path importFolder, String document, String alias, Path newerFile,
      FacadeUsage facades) {
    Selection selection = Selection.read(importFolder.resolve(document + ".selection.yaml"));
    Overlay overlay = Overlay.read(importFolder.resolve(document + ".overlay.yaml"));
    Selection.Source source = selection.sources().get(alias);
    if (source == null) {
      throw new IllegalArgumentException(document + " has no source '" + alias + "' (its sources: "
          + selection.sources().keySet() + ")");
    }
    Path snapshot = importFolder.resolve("sources").resolve(source.snapshot());
    SpecDocument before = SpecDocument.read(snapshot);
    SpecDocument read = SpecDocument.read(newerFile);
    SpecDocument after = new SpecDocument(read.name(), FactsSnapshot.of(read.root()));
    return new DriftAnalyzer(selection, overlay, facades)
        .compare(alias, before, after, "sources/" + source.snapshot(), newerFile.toString());
  }

  /** Parses {@code DOCUMENT:SOURCE=FILE,...}. */
  static Map<String, Map<String, Path>> parseNewer(String text) {
    Map<String, Map<String, Path>> newer = new LinkedHashMap<>();
    for (String item : text.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      String[] documentAndRest = item.trim().split(":", 2);
      String[] aliasAndFile = documentAndRest.length == 2 ? documentAndRest[1].split("=", 2) : new String[0];
      if (aliasAndFile.length != 2) {
        throw new IllegalArgumentException("--newer takes DOCUMENT:SOURCE=FILE (for example "
            + "sei-v2:sei=/tmp/openapi.json), not '" + item + "'");
      }
      newer.computeIfAbsent(documentAndRest[0], d -> new LinkedHashMap<>()).put(aliasAndFile[0], Path.of(aliasAndFile[1]));
    }
    return newer;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
