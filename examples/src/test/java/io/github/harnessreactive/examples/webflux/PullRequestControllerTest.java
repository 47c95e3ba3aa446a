package io.github.harnessreactive.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.boot.HarnessAutoConfiguration;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The sample application's endpoint streams pull requests from the simulator through the
 * starter's SeiClient: all of them as NDJSON, and, for a client that stops after ten server-sent
 * events, without fetching the rest.
 */
@WebFluxTest(PullRequestController.class)
@ImportAutoConfiguration(HarnessAutoConfiguration.class)
class PullRequestControllerTest {

  static final long RECORDS = 2_500;

  @RegisterExtension
  static HarnessSimulatorExtension harness =
      new HarnessSimulatorExtension(SimulatorOptions.defaults().withListSize("listScmPullRequests", RECORDS));

  @DynamicPropertySource
  static void harnessProperties(DynamicPropertyRegistry properties) {
    properties.add("harness.sei.v1-api-key", () -> SimulatorOptions.DEMO_SEI_V1_KEY);
    properties.add("harness.sei.v1-url", () -> harness.simulator().seiV1Url());
  }

  @Autowired
  WebTestClient web;

  private static final ParameterizedTypeReference<Map<String, Object>> RECORD = new ParameterizedTypeReference<>() { };

  @Test
  void streamsEveryPullRequestAsNdjson() {
    List<Map<String, Object>> prs = web.get().uri("/pull-requests").accept(MediaType.APPLICATION_NDJSON)
        .exchange().expectStatus().isOk().returnResult(RECORD).getResponseBody().collectList().block(Duration.ofSeconds(30));

    assertThat(prs).hasSize((int) RECORDS);
    assertThat(prs.get(0)).containsEntry("id", "pr-0");
    assertThat(prs).extracting(pr -> pr.get("id")).doesNotHaveDuplicates();
  }

  @Test
  void aClientThatStopsEarlyStopsTheFetching() {
    long before = harness.simulator().stats().requests();
    Flux<Map<String, Object>> events = web.get().uri("/pull-requests").accept(MediaType.TEXT_EVENT_STREAM)
        .exchange().expectStatus().isOk().returnResult(RECORD).getResponseBody();

    StepVerifier.create(events.take(10)).expectNextCount(10).expectComplete().verify(Duration.ofSeconds(30));

    // one page of 1,000 serves the ten; at most the lookahead page follows, never the whole list of three
    assertThat(harness.simulator().stats().requests() - before).isBetween(1L, 2L);
  }
}
