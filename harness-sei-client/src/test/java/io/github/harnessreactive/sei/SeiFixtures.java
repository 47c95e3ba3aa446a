package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers of the SEI tests: a client on both SEI sides pointed at WireMock, JSON bodies. */
final class SeiFixtures {

  static final String ACCOUNT = "acc0unt1D";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  static final String SEI_V1_KEY = "eyJrZXkiOiJTM2NyM3QifQ";
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private SeiFixtures() {
  }

  static SeiClient client(WireMockExtension server) {
    return SeiClient.builder()
        .v1ApiKey(SEI_V1_KEY).v1Url(server.baseUrl())
        .apiKey(PAT).v2Url(server.baseUrl())
        .configure(builder -> builder
            .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1))
                .withBurst(10_000)))
            .retryPolicy(RetryPolicy.none()))
        .build();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static String array(List<String> objects) {
    return objects.stream().collect(Collectors.joining(",", "[", "]"));
  }

  /** An SEI v1 page. */
  static String seiV1Page(List<String> records, int page, int pageSize, boolean hasNext, Integer total) {
    return "{\"records\":" + array(records) + ",\"count\":" + records.size() + ",\"_metadata\":{\"page\":" + page
        + ",\"page_size\":" + pageSize + ",\"has_next\":" + hasNext + (total == null ? "" : ",\"total_count\":" + total) + "}}";
  }

}
