package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.ProxyOptions;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Everything a client was built with, validated by the builder. Immutable.
 *
 * @param serviceUrls the base URL of each service
 * @param credential the default credential
 * @param accountId the default account id, or {@code null} when it comes from the credential or is not needed
 * @param webClientBuilder the user's builder to start from, or {@code null}
 * @param maxInMemorySize the largest body the codecs buffer, in bytes
 * @param maxConnections the size of the connection pool
 * @param proxy the proxy, or {@code null}
 * @param trustManagerFactory custom trust material, or {@code null} for the JDK's
 * @param userAgent the {@code User-Agent} value
 * @param observationRegistry where observations go
 * @param connectTimeout the TCP connect timeout
 * @param responseTimeout the per-attempt response timeout
 * @param deadline the overall deadline of a logical call, or {@code null} for none
 * @param allowInsecureHttp whether credentials may go over plain http to non-loopback hosts
 * @param rateLimiter paces every attempt
 * @param retryPolicy when calls are repeated, unless a call's context says otherwise
 */
public record ClientOptions(
    Map<HarnessService, String> serviceUrls,
    HarnessCredential credential,
    String accountId,
    WebClient.Builder webClientBuilder,
    int maxInMemorySize,
    int maxConnections,
    ProxyOptions proxy,
    TrustManagerFactory trustManagerFactory,
    String userAgent,
    ObservationRegistry observationRegistry,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration deadline,
    boolean allowInsecureHttp,
    RateLimiter rateLimiter,
    RetryPolicy retryPolicy) {

  public ClientOptions {
    serviceUrls = Map.copyOf(serviceUrls);
  }
}
