package io.github.harnessreactive.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample application, started as its {@code main} starts it and with no {@code harness.*}
 * key: it runs against an embedded simulator and streams from it, as NDJSON and as server-sent
 * events.
 */
class SeiStreamingApplicationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> RECORD = new ParameterizedTypeReference<>() { };

  @Test
  void startsWithNoKeysAndStreamsFromAnEmbeddedSimulator() {
    try (ConfigurableApplicationContext application = SeiStreamingApplication.start("--server.port=0",
        "--server.address=127.0.0.1")) {
      assertThat(application.getEnvironment().getProperty("harness.base-url")).startsWith("http://127.0.0.1:");
      WebTestClient web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
          .baseUrl("http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port")).build();

      List<Map<String, Object>> ndjson = web.get().uri("/pull-requests").accept(MediaType.APPLICATION_NDJSON).exchange()
          .expectStatus().isOk().returnResult(RECORD).getResponseBody().take(1_500).collectList().block(Duration.ofSeconds(30));
      assertThat(ndjson).hasSize(1_500);
      assertThat(ndjson.get(0)).containsEntry("id", "pr-0");
      assertThat(ndjson.get(1_499)).containsEntry("id", "pr-1499");

      List<Map<String, Object>> events = web.get().uri("/pull-requests").accept(MediaType.TEXT_EVENT_STREAM).exchange()
          .expectStatus().isOk().returnResult(RECORD).getResponseBody().take(3).collectList().block(Duration.ofSeconds(30));
      assertThat(events).extracting(pr -> pr.get("id")).containsExactly("pr-0", "pr-1", "pr-2");
    }
  }
}
