package io.github.harnessreactive.spec.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes the YAML files the tools produce (documents, snapshots) in one stable style. */
public final class YamlWriter {

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .build();

  private YamlWriter() {
  }

  /** The tree as YAML, after a comment header (each line of {@code header} prefixed with {@code # }). */
  public static String yaml(JsonNode tree, String header) {
    StringBuilder out = new StringBuilder();
    for (String line : header.split("\n")) {
      out.append("# ").append(line).append('\n');
    }
    return out.append(YAML.writeValueAsString(tree)).toString();
  }

  /** Writes the tree to a file, creating its folder. */
  public static void write(Path file, JsonNode tree, String header) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, yaml(tree, header));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
