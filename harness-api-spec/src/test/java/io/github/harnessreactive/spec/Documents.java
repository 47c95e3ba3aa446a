package io.github.harnessreactive.spec;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Where the tests find our documents and their fixtures. */
final class Documents {

  /** Our four documents, by name. */
  static final List<String> NAMES = List.of("platform-ng", "platform-v1", "sei-v1", "sei-v2");

  /** The directory holding our documents, as built into the spec jar. */
  static final Path DIRECTORY = Path.of("src/main/resources/openapi");

  private Documents() {
  }

  static Path document(String name) {
    return DIRECTORY.resolve(name + ".yaml");
  }

  /** A file under {@code src/test/resources}. */
  static Path testResource(String name) {
    try {
      return Path.of(Documents.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }
}
