package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Extracts facts from Harness's reference documents, which stay outside the repository:
 * {@code ReferenceFactsExtractor <reference-specs-directory> <fidelity-facts-directory> [<import-directory>]}.
 *
 * <p>For each OpenAPI document under the {@code platform-ng}, {@code platform-v1} and {@code sei-v2}
 * folders, and for the SEI v1 endpoint list under {@code sei}, it writes
 * {@code <folder>/<document>.tsv} in the {@link ReferenceFacts} format (what the fidelity test reads).
 *
 * <p>With an import directory, it also writes the facts-only snapshot ({@link FactsSnapshot}) of
 * every source a {@code *.selection.yaml} there names, at {@code sources/<snapshot>}: the spec
 * importer reads those, so the build never needs the full documents. Rerun it when a reference
 * document changes (or a selection names a new source), and commit the output.
 */
public final class ReferenceFactsExtractor {

  /** The reference folders whose documents our four documents are compared with. */
  public static final List<String> FOLDERS = List.of("platform-ng", "platform-v1", "sei-v2", "sei");

  private ReferenceFactsExtractor() {
  }

  /**
   * Runs the extractor.
   *
   * @param args the reference directory, the fidelity facts directory and, optionally, the import directory
   * @throws IOException when a folder cannot be listed
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2 && args.length != 3) {
      throw new IllegalArgumentException("usage: ReferenceFactsExtractor <reference-specs-directory> "
          + "<fidelity-facts-directory> [<import-directory>]");
    }
    Path references = Path.of(args[0]);
    Path output = Path.of(args[1]);
    for (String folder : FOLDERS) {
      try (Stream<Path> files = Files.list(references.resolve(folder))) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          String source = folder + "/" + name;
          ReferenceFacts facts = name.endsWith(".tsv")
              ? ReferenceFacts.ofEndpointList(source, file)
              : ReferenceFacts.of(source, SpecDocument.read(file));
          Path target = output.resolve(folder).resolve(name.replaceFirst("\\.(ya?ml|json|tsv)$", "") + ".tsv");
          facts.write(target);
          System.out.printf("%s: %d operations, %d schemas -> %s%n",
              source, facts.operations().size(), facts.schemas().size(), target);
        }
      }
    }
    if (args.length == 3) {
      writeSnapshots(references, Path.of(args[2]));
    }
  }

  /** Writes the snapshot of every source the selections in an import directory name. */
  static void writeSnapshots(Path references, Path importDirectory) throws IOException {
    List<String> snapshots = new ArrayList<>();
    try (Stream<Path> files = Files.list(importDirectory)) {
      for (Path selection : files.filter(f -> f.toString().endsWith(".selection.yaml")).sorted().toList()) {
        for (JsonNode source : SpecDocument.read(selection).root().path("sources")) {
          String snapshot = source.path("snapshot").asString("");
          if (!snapshot.isEmpty() && !snapshots.contains(snapshot)) {
            snapshots.add(snapshot);
          }
        }
      }
    }
    for (String snapshot : snapshots) {
      Path reference = reference(references, snapshot);
      Path target = importDirectory.resolve("sources").resolve(snapshot);
      YamlWriter.write(target, FactsSnapshot.of(SpecDocument.read(reference).root()), snapshotHeader(snapshot));
      System.out.printf("%s: facts-only snapshot -> %s%n", reference, target);
    }
  }

  /** The header every snapshot carries. */
  public static String snapshotHeader(String snapshot) {
    return "Facts-only snapshot of the reference document " + snapshot.replaceFirst("\\.yaml$", ".*") + " (where Harness\n"
        + "publishes it: the 'upstream' of the selection that names it): paths, parameters, bodies and schemas\n"
        + "with names, types and constraints; no descriptions, summaries or examples.\n"
        + "Written by ReferenceFactsExtractor or by the import's drift step; do not edit by hand.";
  }

  /** The reference document a snapshot is made from: same folder and name, any of .yaml, .yml, .json. */
  static Path reference(Path references, String snapshot) {
    String base = snapshot.replaceFirst("\\.(ya?ml|json)$", "");
    for (String extension : List.of(".yaml", ".yml", ".json")) {
      Path candidate = references.resolve(base + extension);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new UncheckedIOException(new IOException("no reference document " + base + ".{yaml,yml,json} under "
        + references + " for snapshot " + snapshot));
  }
}
