package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers of the paging tests. */
final class PagingFixtures {

  static final String ACCOUNT = "acc0unt1D";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private PagingFixtures() {
  }

  static HarnessClient client(WireMockExtension server) {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(server.baseUrl()).credential(ApiKeyCredential.of(PAT))
        .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1))
            .withBurst(10_000)))
        .retryPolicy(RetryPolicy.none());
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, server.baseUrl());
    }
    return builder.build();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** A JSON array of one object per name, from a format with one {@code %s}. */
  static String objects(List<String> names, String format) {
    return names.stream().map(format::formatted).collect(Collectors.joining(",", "[", "]"));
  }
}
