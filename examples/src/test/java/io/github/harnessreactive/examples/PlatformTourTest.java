package io.github.harnessreactive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Platform tour runs end to end against the embedded simulator and prints what it created, as read back. */
class PlatformTourTest {

  @Test
  void createsListsAndRuns() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    String run = PlatformTour.run(null, null, new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(run).isNotBlank();
    assertThat(console.toString(StandardCharsets.UTF_8).lines()).contains(
        "created project reactive_tour (\"Reactive tour\")",
        "created connector dockerhub (DockerRegistry)",
        "connection test: SUCCESS",
        "created pipeline hello_harness_reactive from YAML",
        "pipeline hello_harness_reactive read back: \"hello harness-reactive\", YAML unchanged",
        "projects of default: [reactive_tour]",
        "connectors of reactive_tour: [dockerhub]",
        "pipelines of reactive_tour: [hello_harness_reactive]",
        "started run " + run);
  }
}
