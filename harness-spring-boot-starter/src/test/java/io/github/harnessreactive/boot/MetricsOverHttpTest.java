package io.github.harnessreactive.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.simulator.FaultKind;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's meters in a real WebFlux application with Boot's metrics, read from
 * {@code /actuator/metrics} over HTTP: a listing whose first page fails once with a 503 is retried
 * once, and that shows as one {@code harness.retries} decision tagged with the client, service,
 * reason and outcome; the budget gauge, the call timer, the WebClient's request timer and the
 * limiter's gauges are there, named as the starter's README says.
 */
class MetricsOverHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The first request for page 0 answers 503; every other request is answered. */
  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withFaultSchedule((page, attempt) -> page == 0 && attempt == 1
          ? Optional.of(FaultKind.SERVICE_UNAVAILABLE) : Optional.empty()));

  @Test
  void aRetriedListingShowsInTheMetricsEndpointWithItsTags() {
    try (RunningApplication application = RunningApplication.start(Map.of(),
        "harness.base-url=" + harness.simulator().baseUrl(),
        "harness.api-key=" + SimulatorOptions.DEMO_API_KEY,
        "harness.sei.v2-url=" + harness.simulator().seiV2Url(),
        "harness.retry.base-backoff=1ms",
        "harness.retry.max-backoff=2ms",
        "management.endpoints.web.exposure.include=metrics")) {
      PlatformClient platform = application.context().getBean(PlatformClient.class);
      StepVerifier.create(platform.organizations().list().count())
          .assertNext(organizations -> assertThat(organizations).isPositive()).expectComplete()
          .verify(Duration.ofSeconds(30));

      JsonNode retries = metric(application, "harness.retries?tag=client:platform");
      assertThat(statistic(retries, "COUNT")).isEqualTo(1.0);
      assertThat(tagValues(retries, "service")).containsExactly("platform-ng");
      assertThat(tagValues(retries, "reason")).containsExactly("503");
      assertThat(tagValues(retries, "outcome")).containsExactly("retried");

      // One retry spent 5 tokens; the success after it gave them back.
      assertThat(statistic(metric(application, "harness.retry.budget?tag=client:platform"), "VALUE")).isEqualTo(500.0);
      assertThat(tagValues(metric(application, "harness.retry.budget"), "client")).contains("platform", "sei-v2");

      JsonNode calls = metric(application, "harness.client.call?tag=harness.service:platform-ng");
      assertThat(statistic(calls, "COUNT")).isEqualTo(1.0); // one page, one logical call, two attempts
      assertThat(tagValues(calls, "harness.operation")).containsExactly("listOrganizations");
      assertThat(tagValues(calls, "outcome")).containsExactly("SUCCESS");
      assertThat(statistic(metric(application, "harness.client.call.harness.retry"), "COUNT")).isEqualTo(1.0);
      assertThat(statistic(metric(application, "harness.client.call.harness.page.fetched"), "COUNT")).isEqualTo(1.0);
      assertThat(statistic(metric(application, "http.client.requests?tag=status:503"), "COUNT")).isEqualTo(1.0);
      assertThat(statistic(metric(application, "http.client.requests?tag=status:200"), "COUNT")).isEqualTo(1.0);
      assertThat(metric(application, "harness.ratelimit.available").path("measurements")).isNotEmpty();
      assertThat(metric(application, "harness.ratelimit.queued").path("measurements")).isNotEmpty();
    }
  }

  private static JsonNode metric(RunningApplication application, String nameAndQuery) {
    var response = application.send("/actuator/metrics/" + nameAndQuery);
    assertThat(response.statusCode()).as(nameAndQuery + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static double statistic(JsonNode metric, String statistic) {
    for (JsonNode measurement : metric.path("measurements")) {
      if (measurement.path("statistic").asString().equals(statistic)) {
        return measurement.path("value").asDouble();
      }
    }
    throw new AssertionError("no " + statistic + " in " + metric);
  }

  private static List<String> tagValues(JsonNode metric, String tag) {
    List<String> values = new ArrayList<>();
    for (JsonNode available : metric.path("availableTags")) {
      if (available.path("tag").asString().equals(tag)) {
        available.path("values").forEach(value -> values.add(value.asString()));
      }
    }
    return values;
  }
}
