package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the operation catalogue: {@code CatalogueWriter <output.json> <documents-directory>}.
 *
 * <p>Run by harness-api-spec in {@code process-resources}; the build fails (non-zero exit) when a
 * document breaks the extension conventions, listing every problem.
 */
public final class CatalogueWriter {

  private CatalogueWriter() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CatalogueWriter <output.json> <documents-directory>");
    }
    Path output = Path.of(args[0]);
    List<SpecDocument> documents = SpecDocument.readAll(Path.of(args[1]));
    ObjectNode catalogue = new CatalogueBuilder(documents).build();
    Files.createDirectories(output.toAbsolutePath().getParent());
    JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    Files.writeString(output, mapper.writeValueAsString(catalogue) + System.lineSeparator());
    System.out.printf("operation catalogue: %d operations from %d documents -> %s%n",
        catalogue.get("operations").size(), documents.size(), output);
  }
}
