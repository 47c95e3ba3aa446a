package io.github.harnessreactive.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one set of fixtures of the runtime tests, whatever their package: credentials that look
 * real, clients pointed at a WireMock server, JSON responses.
 */
public final class TestHarness {

  public static final String ACCOUNT = "acc0unt1D";
  public static final String PAT = "pat." + ACCOUNT + ".t0kenId.S3cr3tPatValue1234567";
  public static final String SAT = "sat." + ACCOUNT + ".svcT0ken.S3cr3tSatValue7654321";
  public static final String SEI_V2_KEY = "seiV2OpaqueKeyS3cr3t9876543210";
  public static final String SEI_V1_KEY = "eyJrZXkiOiJTM2NyM3RTZWlWMUtleSJ9";
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TestHarness() {
  }

  /** A client pointed at the WireMock server for every service. */
  public static HarnessClient.Builder client(WireMockExtension server, HarnessCredential credential) {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(server.baseUrl()).credential(credential)
        .rateLimiter(unlimited()).retryPolicy(RetryPolicy.none());
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, server.baseUrl());
    }
    return builder;
  }

  /** A limiter of its own that never makes a test wait: these tests are not about pacing. */
  public static TokenBucketRateLimiter unlimited() {
    return TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1_000_000, Duration.ofSeconds(1)).withBurst(10_000));
  }

  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  public static String ngProject(String identifier) {
    return """
        {"status":"SUCCESS","data":{"project":{"orgIdentifier":"default","identifier":"%s","name":"N"},
         "createdAt":1,"lastModifiedAt":2},"metaData":null,"correlationId":"corr-1"}""".formatted(identifier);
  }

  /** A JSON array of one object per name, from a format with one {@code %s}. */
  public static String objects(List<String> names, String format) {
    return names.stream().map(format::formatted).collect(Collectors.joining(",", "[", "]"));
  }
}
