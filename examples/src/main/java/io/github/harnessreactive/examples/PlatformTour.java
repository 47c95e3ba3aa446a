package io.github.harnessreactive.examples;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A tour of the Platform facades: create a project, a connector and a pipeline from YAML, list
 * them, run the pipeline. Against an embedded simulator unless {@code HARNESS_API_KEY} (a PAT or
 * SAT) is set; {@code HARNESS_BASE_URL} points at a self-managed Harness.
 */
public final class PlatformTour {

  static final String PIPELINE_YAML = """
      pipeline:
        name: hello harness-reactive
        identifier: hello_harness_reactive
        projectIdentifier: reactive_tour
        orgIdentifier: default
        stages:
          - stage:
              name: say hello
              identifier: say_hello
              type: Custom
              spec:
                execution:
                  steps:
                    - step:
                        name: echo
                        identifier: echo
                        type: ShellScript
                        spec:
                          shell: Bash
                          source:
                            type: Inline
                            spec:
                              script: echo "hello from harness-reactive"
      """;

  private PlatformTour() {
  }

  public static void main(String[] args) {
    run(System.getenv("HARNESS_API_KEY"), System.getenv().getOrDefault("HARNESS_BASE_URL", HarnessClient.DEFAULT_BASE_URL),
        System.out);
  }

  /** Runs the tour; returns the id of the pipeline run it started. */
  public static String run(String apiKey, String baseUrl, PrintStream out) {
    HarnessSimulator simulator = null;
    if (apiKey == null || apiKey.isBlank()) {
      simulator = HarnessSimulator.start(SimulatorOptions.defaults());
      apiKey = SimulatorOptions.DEMO_API_KEY;
      baseUrl = simulator.baseUrl();
      out.printf("No HARNESS_API_KEY: touring an embedded Harness simulator at %s%n", baseUrl);
    }
    try (HarnessClient client = HarnessClient.builder().baseUrl(baseUrl).credential(ApiKeyCredential.of(apiKey))
        .applicationId("harness-reactive-examples").build()) {
      PlatformClient platform = PlatformClient.of(client);
      var project = platform.projects().create(new Project().orgIdentifier("default").identifier("reactive_tour")
          .name("Reactive tour").color("#0063F7").modules(List.of()).description("made by harness-reactive")).block();
      out.printf("created project %s (\"%s\")%n", project.getProject().getIdentifier(), project.getProject().getName());

      var connector = platform.connectors().create(new ConnectorInfoDTO().name("dockerhub").identifier("dockerhub")
          .orgIdentifier("default").projectIdentifier("reactive_tour").type("DockerRegistry")
          .spec(Map.of("connectorType", "DockerConnector", "dockerRegistryUrl", "https://index.docker.io/v2/",
              "providerType", "DockerHub", "auth", Map.of("type", "Anonymous")))).block();
      out.printf("created connector %s (%s)%n", connector.getConnector().getIdentifier(), connector.getConnector().getType());
      var test = platform.connectors().testConnection(Scope.project("default", "reactive_tour"), "dockerhub").block();
      out.printf("connection test: %s%n", test.getStatus());

      var pipeline = platform.pipelines().createFromYaml("default", "reactive_tour", PIPELINE_YAML).block();
      out.printf("created pipeline %s from YAML%n", pipeline.getIdentifier());
      var stored = platform.pipelines().get("default", "reactive_tour", pipeline.getIdentifier()).block();
      out.printf("pipeline %s read back: \"%s\", YAML %s%n", stored.getIdentifier(), stored.getName(),
          PIPELINE_YAML.equals(stored.getPipelineYaml()) ? "unchanged" : "changed by Harness");

      out.printf("projects of default: %s%n", platform.projects().list("default").map(p -> p.getProject().getIdentifier())
          .collectList().block());
      out.printf("connectors of reactive_tour: %s%n", platform.connectors().list(Scope.project("default", "reactive_tour"))
          .map(c -> c.getConnector().getIdentifier()).collectList().block());
      out.printf("pipelines of reactive_tour: %s%n", platform.pipelines().list("default", "reactive_tour")
          .map(p -> p.getIdentifier()).collectList().block());

      var run = platform.executions().run("default", "reactive_tour", "hello_harness_reactive", null).block();
      String executionId = run.getExecutionDetails().getExecutionId();
      out.printf("started run %s%n", executionId);
      return executionId;
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }
}
