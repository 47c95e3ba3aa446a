package io.github.harnessreactive.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first snippet of {@code harness-simulator/README.md}, run as the test it shows. */
class SimulatorSnippetTest {

  // snippet: simulator-extension
  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension();   // reset before each test

  @Test
  void findsTheProjectItCreated(HarnessSimulator simulator) {
    HarnessClient client = HarnessClient.builder().baseUrl(simulator.baseUrl())
        .credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY)).build();
    PlatformClient platform = PlatformClient.of(client);

    platform.projects().create(new Project().orgIdentifier("default").identifier("payments").name("Payments")).block();

    assertThat(platform.projects().list("default").map(p -> p.getProject().getName()).collectList().block())
        .containsExactly("Payments");
  }
  // end-snippet
}
