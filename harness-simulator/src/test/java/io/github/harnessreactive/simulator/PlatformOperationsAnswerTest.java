package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Platform operation of our documents answers a sampled success from the simulator: its
 * route is found, the demo key is accepted, and the body is JSON of the operation's success schema
 * (or empty where the operation answers none). Sampled mode: any identifier exists.
 */
class PlatformOperationsAnswerTest {

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults().withState(false)
      .withDefaultListSize(3).withRequestLimit(0, Duration.ofMinutes(1)));

  @Test
  void everyPlatformOperationAnswersASuccess() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JsonMapper json = JsonMapper.builder().build();
    List<String> answered = new ArrayList<>();
    for (OperationInfo operation : OperationCatalogue.get().operations()) {
      if (!operation.document().startsWith("platform-")) {
        continue;
      }
      String path = operation.path().replaceAll("\\{[^}]+}", "x1");
      HttpRequest request = HttpRequest.newBuilder(URI.create(harness.simulator().baseUrl() + path
              + "?accountIdentifier=" + SimulatorOptions.DEMO_ACCOUNT + "&orgIdentifier=default&projectIdentifier=p1"
              + "&environmentIdentifier=e1&apiKeyType=SERVICE_ACCOUNT&parentIdentifier=sa1&apiKeyIdentifier=k1"))
          .header("x-api-key", SimulatorOptions.DEMO_API_KEY).header("Content-Type", "application/json")
          .method(operation.method(), List.of("POST", "PUT", "PATCH").contains(operation.method())
              ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
          .timeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

      String name = operation.document() + " " + operation.operationId();
      assertThat(response.statusCode()).as("%s status, body %s", name, response.body()).isBetween(200, 299);
      if (!response.body().isEmpty() && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
        json.readTree(response.body());
      }
      answered.add(name);
    }
    assertThat(answered).contains("platform-ng listSecrets", "platform-ng rotateToken", "platform-ng listExecutions",
        "platform-ng listDelegates", "platform-v1 listProjectServices").hasSizeGreaterThan(120);
  }
}
