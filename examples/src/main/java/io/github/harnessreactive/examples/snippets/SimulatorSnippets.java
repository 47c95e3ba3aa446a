package io.github.harnessreactive.examples.snippets;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.simulator.FaultKind;
import io.github.harnessreactive.simulator.FaultSchedule;
import io.github.harnessreactive.simulator.Faults;
import io.github.harnessreactive.simulator.HarnessRecorder;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.RecordingOptions;
import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The snippets of {@code harness-simulator/README.md} that are not tests. */
final class SimulatorSnippets {

  private SimulatorSnippets() {
  }

  static void resources(HarnessSimulator simulator) {
    // snippet: simulator-resources
    simulator.resources().put(ResourceType.TEAM, Scope.project("default", "sei"),
        Map.of("name", "Payments", "developers", List.of("ana@example.com", "li@example.com")));
    simulator.resources().get(ResourceType.PROJECT, Scope.org("default"), "payments");   // Optional<Map<String, Object>>
    // end-snippet
  }

  static SimulatorOptions knobs() {
    // snippet: simulator-knobs
    SimulatorOptions options = SimulatorOptions.defaults()
        .withLatency(Duration.ofMillis(50))                          // added to every answer
        .withFaults(Faults.mixed(0.05))                              // 5 % of all requests misbehave, at random
        .withFaultSchedule(FaultSchedule.seeded(42, 0.20, 2,         // about 20 % of list-page attempts fail,
            EnumSet.of(FaultKind.CONNECTION_RESET, FaultKind.BAD_GATEWAY_HTML,   // no page more than twice
                FaultKind.SERVICE_UNAVAILABLE, FaultKind.TRUNCATED_JSON)))
        .withFailureAfterPages(30);                                  // then every request answers 503 until reset()
    // end-snippet
    return options;
  }

  static void record() {
    // snippet: simulator-record
    // 1. Once, by hand, with a real key (not in CI):
    try (HarnessRecorder recorder = HarnessRecorder.start(
            RecordingOptions.of("https://app.harness.io", Path.of("src/test/resources/harness-recording")));
        HarnessClient client = HarnessClient.builder().baseUrl(recorder.baseUrl())
            .credential(ApiKeyCredential.of(System.getenv("HARNESS_API_KEY"))).build()) {
      PlatformClient.of(client).projects().list("default").collectList().block();   // the calls your tests make
    }   // close() writes src/test/resources/harness-recording/mappings/*.json
    // end-snippet
  }
}
