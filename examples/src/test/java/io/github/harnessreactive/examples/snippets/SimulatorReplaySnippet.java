package io.github.harnessreactive.examples.snippets;

import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.nio.file.Path;

/** The replay snippet of {@code harness-simulator/README.md}: a field, as a test class declares it. */
final class SimulatorReplaySnippet {

  private SimulatorReplaySnippet() {
  }

  // snippet: simulator-replay
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withReplay(Path.of("src/test/resources/harness-recording")));
  // end-snippet
}
