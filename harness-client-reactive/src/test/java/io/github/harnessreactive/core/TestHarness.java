package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import java.time.Duration;

/** Shared constants and helpers of the runtime tests: credentials that look real, and WireMock clients. */
final class TestHarness {

  static final String ACCOUNT = "acc0unt1D";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  static final String SAT = "sat." + ACCOUNT + ".svcT0ken.S3cr3tSatValue7654321";
  static final String SEI_V2_KEY = "seiV2OpaqueKeyS3cr3t9876543210";
  static final String SEI_V1_KEY = "eyJrZXkiOiJTM2NyM3RTZWlWMUtleSJ9";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TestHarness() {
  }

  /** A client pointed at the WireMock server for every service. */
  static HarnessClient.Builder client(WireMockExtension server, HarnessCredential credential) {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(server.baseUrl()).credential(credential)
        .rateLimiter(unlimited()).retryPolicy(RetryPolicy.none());
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, server.baseUrl());
    }
    return builder;
  }

  /** A limiter of its own that never makes a test wait: these tests are not about pacing. */
  static TokenBucketRateLimiter unlimited() {
    return TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1)).withBurst(10_000));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static String ngProject(String identifier) {
    return """
        {"status":"SUCCESS","data":{"project":{"orgIdentifier":"default","identifier":"%s","name":"N"},
         "createdAt":1,"lastModifiedAt":2},"metaData":null,"correlationId":"corr-1"}""".formatted(identifier);
  }
}
