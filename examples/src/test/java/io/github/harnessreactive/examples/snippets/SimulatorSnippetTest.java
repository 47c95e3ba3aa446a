package io.github.harnessreactive.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.simulator.Faults;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippet of {@code harness-simulator/README.md}, run as the test it shows. */
class SimulatorSnippetTest {

  // snippet: simulator-extension
  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withListSize("listProjects", 250)                     // items are generated as pages are asked for
      .withRequestLimit(400, Duration.ofMinutes(1))           // per key, over a sliding window
      .withFaults(Faults.mixed(0.05)));                        // 5% of requests misbehave

  @Test
  void streamsEverything(HarnessSimulator simulator) {
    try (HarnessClient client = HarnessClient.builder().baseUrl(simulator.baseUrl())
        .credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY)).build()) {
      assertThat(PlatformClient.of(client).projects().list("default").count().block()).isEqualTo(250);
    }
  }
  // end-snippet
}
