package io.github.harnessreactive.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code harness} health contributor of a real WebFlux application, read over HTTP, probing
 * the simulator: UP with good keys, DOWN with the status and Harness's code with refused ones, the
 * keys never in the JSON, one probe per client for ten health requests, and the contributor in a
 * health group (spring-boot#48387, fixed in 4.0.1, checked on our 4.0.7).
 */
class HealthOverHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UNKNOWN_PAT = "pat." + SimulatorOptions.DEMO_ACCOUNT + ".unknownToken.wrongSecret000000";
  private static final String UNKNOWN_SEI_V1_KEY = "unknownSeiV1KeyForHealth";

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults().withDefaultListSize(2));

  @Test
  void tenHealthRequestsSeeEveryClientUpAndSendOneProbePerClient() {
    try (RunningApplication application = start(SimulatorOptions.DEMO_API_KEY, SimulatorOptions.DEMO_SEI_V1_KEY)) {
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> response = application.send("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(SimulatorOptions.DEMO_API_KEY, SimulatorOptions.DEMO_SEI_V1_KEY);
        JsonNode harnessHealth = JSON.readTree(response.body()).path("components").path("harness");
        assertThat(harnessHealth.path("status").asString()).isEqualTo("UP");
        for (String client : List.of("platform", "seiV1", "seiV2")) {
          JsonNode component = harnessHealth.path("components").path(client);
          assertThat(component.path("status").asString()).as(client).isEqualTo("UP");
          assertThat(component.path("details").path("status").asInt()).as(client).isEqualTo(200);
        }
      }
      // The simulator's journal keeps no key values (they print REDACTED), so probes are counted by path.
      assertThat(probes(getRequestedFor(urlPathEqualTo("/ng/api/organizations")))).isEqualTo(1);
      assertThat(probes(postRequestedFor(urlPathEqualTo("/prod1/sei/api/v1/integrations/list")))).isEqualTo(1);
      assertThat(probes(getRequestedFor(urlPathEqualTo("/gateway/sei/api/v2/developers/schema")))).isEqualTo(1);

      // A reactive contributor in a health group: the application started (membership validated) and the group shows it.
      JsonNode group = JSON.readTree(application.get("/actuator/health/external"));
      assertThat(group.path("components").path("harness").path("status").asString()).isEqualTo("UP");
    }
  }

  @Test
  void refusedKeysAreDownWithTheStatusAndHarnessCodeAndNeverShown() {
    try (RunningApplication application = start(UNKNOWN_PAT, UNKNOWN_SEI_V1_KEY)) {
      HttpResponse<String> response = application.send("/actuator/health");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).doesNotContain(UNKNOWN_PAT, "wrongSecret", UNKNOWN_SEI_V1_KEY);
      JsonNode harnessHealth = JSON.readTree(response.body()).path("components").path("harness");
      assertThat(harnessHealth.path("status").asString()).isEqualTo("DOWN");
      for (String client : List.of("platform", "seiV1", "seiV2")) {
        JsonNode details = harnessHealth.path("components").path(client).path("details");
        assertThat(harnessHealth.path("components").path(client).path("status").asString()).as(client).isEqualTo("DOWN");
        assertThat(details.path("status").asInt()).as(client).isEqualTo(401);
        assertThat(details.path("code").asString()).as(client).isEqualTo("INVALID_TOKEN");
      }
    }
  }

  private static RunningApplication start(String apiKey, String seiV1Key) {
    return RunningApplication.start(Map.of(),
        "harness.base-url=" + harness.simulator().baseUrl(),
        "harness.api-key=" + apiKey,
        "harness.sei.v1-api-key=" + seiV1Key,
        "harness.sei.v1-url=" + harness.simulator().seiV1Url(),
        "harness.sei.v2-url=" + harness.simulator().seiV2Url(),
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.group.external.include=harness",
        "management.endpoint.health.group.external.show-details=always");
  }

  private static int probes(RequestPatternBuilder pattern) {
    return harness.simulator().wireMock().countRequestsMatching(pattern.build()).getCount();
  }
}
