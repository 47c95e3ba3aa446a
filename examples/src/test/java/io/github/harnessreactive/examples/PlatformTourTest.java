package io.github.harnessreactive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Platform tour runs end to end against the embedded simulator. */
class PlatformTourTest {

  @Test
  void createsListsAndRuns() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    String run = PlatformTour.run(null, null, new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(run).isNotBlank();
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("created project", "created connector", "connection test: SUCCESS", "created pipeline",
            "projects of default: [", "pipelines of reactive_tour: [", "started run");
  }
}
