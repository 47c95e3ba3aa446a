package io.github.harnessreactive.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.spec.tools.SpecDocument;
import io.github.harnessreactive.spec.tools.importer.ImportedDocuments;
import io.github.harnessreactive.spec.tools.importer.SpecImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The imported documents in the jar are exactly what the importer makes from the committed
 * snapshots, selections and overlays. Normalisation for the comparison: both files are read as
 * trees, so only YAML layout (quoting, line breaks, comments) may differ.
 */
class SpecImportTest {

  /** Where the selections, overlays and snapshots live. */
  static final Path IMPORT = Path.of("src/main/import");

  @Test
  void theImporterReproducesTheCommittedDocumentsFromTheSnapshots(@TempDir Path output) {
    List<SpecImporter.Result> results = ImportedDocuments.importAll(IMPORT, output, Map.of());

    assertThat(results).extracting(SpecImporter.Result::name).containsExactly("platform-ng", "platform-v1", "sei-v2");
    for (SpecImporter.Result result : results) {
      assertThat(SpecDocument.read(output.resolve(result.name() + ".yaml")).root())
          .as("%s.yaml is the importer's output: re-import it (README, \"Harness published a new description\")",
              result.name())
          .isEqualTo(SpecDocument.read(Documents.document(result.name())).root());
      assertThat(result.warnings()).as("overlay wording that describes nothing").isEmpty();
    }
  }
}
