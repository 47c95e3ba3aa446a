package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extracts the facts the fidelity test checks from Harness's reference documents:
 * {@code ReferenceFactsExtractor <reference-specs-directory> <output-directory>}.
 *
 * <p>For each OpenAPI document under the {@code platform-ng}, {@code platform-v1} and {@code sei-v2}
 * folders, and for the SEI v1 endpoint list under {@code sei}, it writes
 * {@code <folder>/<document>.tsv} in the {@link ReferenceFacts} format. Rerun it when the
 * reference documents change, and commit the output.
 */
public final class ReferenceFactsExtractor {

  /** The reference folders whose documents our four documents are compared with. */
  public static final List<String> FOLDERS = List.of("platform-ng", "platform-v1", "sei-v2", "sei");

  private ReferenceFactsExtractor() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: ReferenceFactsExtractor <reference-specs-directory> <output-directory>");
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
  }
}
