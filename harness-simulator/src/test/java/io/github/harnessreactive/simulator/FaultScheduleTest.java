package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The deterministic fault knobs for long-running stream tests: the per-page schedule and "fail after N pages". */
class FaultScheduleTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final EnumSet<FaultKind> TRANSIENT = EnumSet.of(FaultKind.CONNECTION_RESET, FaultKind.BAD_GATEWAY_HTML,
      FaultKind.SERVICE_UNAVAILABLE, FaultKind.TRUNCATED_JSON);
  final HttpClient http = HttpClient.newHttpClient();

  private static SimulatorOptions options() {
    return SimulatorOptions.defaults().withState(false).withRequestLimit(0, Duration.ofMinutes(1)).withJournal(false)
        .withListSize("listScmPullRequests", 10_000);
  }

  /** The status of one request for a page of pull requests (SEI v1, paging in the body), or -1 when the connection failed. */
  private int page(HarnessSimulator simulator, int index, StringBuilder body) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.seiV1Url() + "/v1/scm/prs/list"))
        .header("Authorization", "ApiKey " + SimulatorOptions.DEMO_SEI_V1_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"page\":" + index + ",\"page_size\":100,\"filter\":{}}")).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      body.setLength(0);
      body.append(response.body());
      return response.statusCode();
    } catch (IOException reset) {
      return -1;
    }
  }

  @Test
  void anExplicitScheduleFailsEachAttemptAsWritten() throws Exception {
    List<FaultKind> kinds = List.of(FaultKind.values());
    FaultSchedule schedule = (page, attempt) -> page == 3 && attempt <= kinds.size()
        ? Optional.of(kinds.get(attempt - 1)) : Optional.empty();
    try (HarnessSimulator simulator = HarnessSimulator.start(options().withFaultSchedule(schedule))) {
      StringBuilder body = new StringBuilder();
      assertThat(page(simulator, 2, body)).isEqualTo(200);

      assertThat(page(simulator, 3, body)).as("reset").isEqualTo(-1);
      assertThat(page(simulator, 3, body)).isEqualTo(502);
      assertThat(body).contains("<title>502 Bad Gateway</title>");
      assertThat(page(simulator, 3, body)).isEqualTo(503);
      assertThat(body).isEmpty();
      assertThat(page(simulator, 3, body)).isEqualTo(200);
      assertThatThrownBy(() -> JSON.readTree(body.toString())).as("cut in the middle").isInstanceOf(RuntimeException.class);
      assertThat(page(simulator, 3, body)).isEqualTo(429);
      assertThat(page(simulator, 3, body)).isEqualTo(400);
      assertThat(JSON.readTree(body.toString()).get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
      assertThat(page(simulator, 3, body)).isEqualTo(200);
      assertThat(JSON.readTree(body.toString()).get("records")).hasSize(100);

      assertThat(simulator.stats().faults()).isEqualTo(6);
      simulator.reset(); // attempts count from 1 again
      assertThat(page(simulator, 3, body)).isEqualTo(-1);
    }
  }

  @Test
  void theSeededPresetFailsAboutTheShareAskedNoPageMoreThanAllowedTheSameEveryTime() {
    FaultSchedule schedule = FaultSchedule.seeded(7, 0.20, 2, TRANSIENT);
    List<String> plan = new ArrayList<>();
    int attempts = 0;
    int failures = 0;
    for (long page = 0; page < 5_000; page++) {
      int attempt = 1;
      for (Optional<FaultKind> fault = schedule.fault(page, attempt); fault.isPresent(); fault = schedule.fault(page, ++attempt)) {
        failures++;
        attempts++;
        plan.add(page + ":" + attempt + ":" + fault.get());
      }
      attempts++;
      assertThat(attempt).as("page %d succeeds by its third attempt", page).isLessThanOrEqualTo(3);
    }

    assertThat((double) failures / attempts).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.015));
    assertThat(plan.stream().map(p -> p.substring(p.lastIndexOf(':') + 1)).distinct()).hasSize(TRANSIENT.size());
    assertThat(plan.subList(0, 5)).as("the same seed, the same plan").allSatisfy(p -> {
      String[] parts = p.split(":");
      assertThat(FaultSchedule.seeded(7, 0.20, 2, TRANSIENT).fault(Long.parseLong(parts[0]), Integer.parseInt(parts[1])))
          .hasValue(FaultKind.valueOf(parts[2]));
    });
    assertThat(FaultSchedule.seeded(8, 0.20, 2, TRANSIENT).fault(0, 1).isPresent()
        && java.util.stream.LongStream.range(0, 50).allMatch(p -> FaultSchedule.seeded(8, 0.20, 2, TRANSIENT).fault(p, 1)
        .equals(schedule.fault(p, 1)))).as("another seed, another plan").isFalse();
    assertThatThrownBy(() -> FaultSchedule.seeded(7, 0.7, 2, TRANSIENT)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void overHttpAClientThatRetriesSeesTheSamePlanAsTheSchedule() throws Exception {
    FaultSchedule schedule = FaultSchedule.seeded(11, 0.30, 2, TRANSIENT);
    try (HarnessSimulator simulator = HarnessSimulator.start(options().withFaultSchedule(schedule))) {
      StringBuilder body = new StringBuilder();
      int failures = 0;
      for (int index = 0; index < 40; index++) {
        int attempt = 1;
        while (true) {
          int status = page(simulator, index, body);
          boolean ok = status == 200 && body.toString().endsWith("}");
          assertThat(!ok).as("page %d attempt %d", index, attempt).isEqualTo(schedule.fault(index, attempt).isPresent());
          if (ok) {
            break;
          }
          failures++;
          attempt++;
        }
      }
      assertThat(failures).isPositive();
      assertThat(simulator.stats().faults()).isEqualTo(failures);
      assertThat(simulator.stats().pages()).isEqualTo(40);
    }
  }

  @Test
  void afterNPagesEveryRequestFailsUntilReset() throws Exception {
    try (HarnessSimulator simulator = HarnessSimulator.start(options().withFailureAfterPages(3))) {
      StringBuilder body = new StringBuilder();
      for (int index = 0; index < 3; index++) {
        assertThat(page(simulator, index, body)).isEqualTo(200);
      }
      assertThat(page(simulator, 3, body)).isEqualTo(503);
      assertThat(page(simulator, 0, body)).isEqualTo(503);
      HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
          + "/ng/api/connectors/catalogue?accountIdentifier=a")).header("x-api-key", SimulatorOptions.DEMO_API_KEY).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).as("not only lists").isEqualTo(503);

      simulator.reset();
      assertThat(page(simulator, 3, body)).isEqualTo(200);
    }
    try (HarnessSimulator resets = HarnessSimulator.start(options().withFailureAfterPages(0, FaultKind.CONNECTION_RESET))) {
      assertThat(page(resets, 0, new StringBuilder())).isEqualTo(-1);
    }
  }
}
