package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator on the wire: credential checks, the request limit, each fault knob, latency, data at any index. */
class SimulatorHttpTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  /** An operation with a sampled answer (no state). */
  static final String SAMPLED = "/ng/api/connectors/catalogue?accountIdentifier=a";
  final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(HarnessSimulator simulator, String path, String apiKey) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path));
    if (apiKey != null) {
      request.header("x-api-key", apiKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void credentialsAreCheckedAsHarnessDoes() throws Exception {
    try (HarnessSimulator simulator = HarnessSimulator.start(SimulatorOptions.defaults())) {
      HttpResponse<String> missing = get(simulator, "/ng/api/connectors/catalogue?accountIdentifier=a", null);
      assertThat(missing.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(missing.body()).get("code").asString()).isEqualTo("INVALID_REQUEST");

      HttpResponse<String> invalid = get(simulator, "/ng/api/connectors/catalogue?accountIdentifier=a", "pat.x.y.z");
      assertThat(invalid.statusCode()).isEqualTo(401);
      JsonNode body = JSON.readTree(invalid.body());
      assertThat(body.get("code").asString()).isEqualTo("INVALID_TOKEN");
      assertThat(body.get("responseMessages").get(0).get("level").asString()).isEqualTo("ERROR");

      HttpResponse<String> seiWithPlatformHeader = get(simulator, "/prod1/sei/api/v1/integrations/4711", SimulatorOptions.DEMO_API_KEY);
      assertThat(seiWithPlatformHeader.statusCode()).isEqualTo(400); // SEI v1 wants Authorization: ApiKey

      HttpResponse<String> unknownRoute = get(simulator, "/ng/api/no-such-thing", SimulatorOptions.DEMO_API_KEY);
      assertThat(unknownRoute.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(unknownRoute.body()).get("code").asString()).isEqualTo("RESOURCE_NOT_FOUND_EXCEPTION");

      assertThat(get(simulator, SAMPLED, SimulatorOptions.DEMO_API_KEY).statusCode()).isEqualTo(200);
      assertThat(simulator.stats().rejectedCredentials()).isEqualTo(3);
    }
  }

  @Test
  void eachKeyIsLimitedOverASlidingWindowWithoutRetryAfter() throws Exception {
    try (HarnessSimulator simulator = HarnessSimulator.start(SimulatorOptions.defaults().withRequestLimit(5, Duration.ofMillis(700)))) {
      for (int i = 0; i < 5; i++) {
        assertThat(get(simulator, SAMPLED, SimulatorOptions.DEMO_API_KEY).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> refused = get(simulator, SAMPLED, SimulatorOptions.DEMO_API_KEY);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
      Thread.sleep(800);
      assertThat(get(simulator, SAMPLED, SimulatorOptions.DEMO_API_KEY).statusCode()).isEqualTo(200);
      assertThat(simulator.stats().throttled()).isEqualTo(1);
    }
  }

  @Test
  void eachFaultKnob() throws Exception {
    String path = SAMPLED;
    try (HarnessSimulator reset = HarnessSimulator.start(SimulatorOptions.defaults().withFaults(new Faults(1, 0, 0, 0, 0)))) {
      assertThatThrownBy(() -> get(reset, path, SimulatorOptions.DEMO_API_KEY)).isInstanceOf(IOException.class);
    }
    try (HarnessSimulator unavailable = HarnessSimulator.start(SimulatorOptions.defaults().withFaults(new Faults(0, 1, 0, 0, 0)))) {
      assertThat(get(unavailable, path, SimulatorOptions.DEMO_API_KEY).statusCode()).isEqualTo(503);
    }
    try (HarnessSimulator gateway = HarnessSimulator.start(SimulatorOptions.defaults().withFaults(new Faults(0, 0, 1, 0, 0)))) {
      HttpResponse<String> page = get(gateway, path, SimulatorOptions.DEMO_API_KEY);
      assertThat(page.statusCode()).isEqualTo(502);
      assertThat(page.body()).contains("<title>502 Bad Gateway</title>");
    }
    try (HarnessSimulator truncated = HarnessSimulator.start(SimulatorOptions.defaults().withFaults(new Faults(0, 0, 0, 1, 0)))) {
      HttpResponse<String> cut = get(truncated, path, SimulatorOptions.DEMO_API_KEY);
      assertThat(cut.statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> JSON.readTree(cut.body())).isInstanceOf(tools.jackson.core.JacksonException.class);
    }
    try (HarnessSimulator throttle = HarnessSimulator.start(SimulatorOptions.defaults().withFaults(new Faults(0, 0, 0, 0, 1)))) {
      HttpResponse<String> body = get(throttle, path, SimulatorOptions.DEMO_API_KEY);
      assertThat(body.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(body.body()).get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
      assertThat(throttle.stats().faults()).isEqualTo(1);
    }
  }

  @Test
  void latencyIsAddedToEveryAnswer() throws Exception {
    try (HarnessSimulator slow = HarnessSimulator.start(SimulatorOptions.defaults().withLatency(Duration.ofMillis(300)))) {
      long start = System.nanoTime();
      get(slow, SAMPLED, SimulatorOptions.DEMO_API_KEY);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void aListOfMillionsServesAnyPageAtOnceAndTheSameSeedGivesTheSameData() throws Exception {
    SimulatorOptions millions = SimulatorOptions.defaults().withState(false).withListSize("listProjects", 5_000_000)
        .withJournal(false);
    String last = "/ng/api/projects?accountIdentifier=a&pageIndex=49999&pageSize=100";
    try (HarnessSimulator first = HarnessSimulator.start(millions);
        HarnessSimulator second = HarnessSimulator.start(millions)) {
      JsonNode page = JSON.readTree(get(first, last, SimulatorOptions.DEMO_API_KEY).body());
      assertThat(page.at("/data/content").size()).isEqualTo(100);
      assertThat(page.at("/data/totalItems").asLong()).isEqualTo(5_000_000);
      assertThat(page.at("/data/pageIndex").asInt()).isEqualTo(49_999);
      assertThat(get(second, last, SimulatorOptions.DEMO_API_KEY).body()).isEqualTo(get(first, last, SimulatorOptions.DEMO_API_KEY).body());
      assertThat(first.stats().requests()).isEqualTo(2); // counted, though no request journal is kept
    }
  }
}
