package io.github.harnessreactive.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over HTTP against stubbed answers: a 403 is UP with a detail (the key authenticates but lacks the
 * probe's role), a 429 is UP with a detail and pauses the key's rate-limit partition like any
 * throttled call, and a 200 that is an HTML page is DOWN.
 */
class HealthMappingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void forbiddenAndThrottledAreUpWithADetailAndAPageIsDown() {
    server.stubFor(get(urlPathEqualTo("/ng/api/organizations")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"ERROR\",\"code\":\"NG_ACCESS_DENIED\",\"message\":\"Missing permission\"}")));
    server.stubFor(get(urlPathEqualTo("/gateway/sei/api/v2/developers/schema")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "text/plain").withBody("Too Many Requests")));
    server.stubFor(post(urlPathEqualTo("/prod1/sei/api/v1/integrations/list")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><title>Sign in</title></html>")));

    RunningApplication application = RunningApplication.start(Map.of(),
        "spring.main.sources=" + RecordingLimiter.class.getName(),
        "harness.base-url=" + server.baseUrl(),
        "harness.api-key=" + SimulatorOptions.DEMO_API_KEY,
        "harness.sei.v1-api-key=" + SimulatorOptions.DEMO_SEI_V1_KEY,
        "harness.sei.v1-url=" + server.baseUrl() + "/prod1/sei/api",
        "harness.sei.v2-url=" + server.baseUrl() + "/gateway/sei/api",
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always");
    try (application) {
      JsonNode components = JSON.readTree(application.get("/actuator/health/harness")).path("components");

      JsonNode platform = components.path("platform");
      assertThat(platform.path("status").asString()).isEqualTo("UP");
      assertThat(platform.path("details").path("status").asInt()).isEqualTo(403);
      assertThat(platform.path("details").path("code").asString()).isEqualTo("NG_ACCESS_DENIED");
      assertThat(platform.path("details").path("detail").asString()).contains("lacks the role");

      JsonNode seiV2 = components.path("seiV2");
      assertThat(seiV2.path("status").asString()).isEqualTo("UP");
      assertThat(seiV2.path("details").path("status").asInt()).isEqualTo(429);
      assertThat(seiV2.path("details").path("detail").asString()).contains("throttling");
      assertThat(RecordingLimiter.THROTTLED).containsExactly(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY).identity());

      JsonNode seiV1 = components.path("seiV1");
      assertThat(seiV1.path("status").asString()).isEqualTo("DOWN");
      assertThat(seiV1.path("details").path("error").asString()).contains("text/html");
    }
  }

  /** The application's own limiter (which the starter's backs off for): records the partitions Harness throttled. */
  @Configuration(proxyBeanMethods = false)
  static class RecordingLimiter {
    static final List<String> THROTTLED = new CopyOnWriteArrayList<>();

    @Bean
    RateLimiter recordingLimiter() {
      return new RateLimiter() {
        @Override
        public Mono<Void> acquire(String partition) {
          return Mono.empty();
        }

        @Override
        public void throttled(String partition, Duration retryAfter) {
          THROTTLED.add(partition);
        }
      };
    }
  }
}
