package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.ProxyOptions;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;

/**
 * Everything a client was built with. Immutable; built by {@code HarnessClient.Builder}, which
 * validates each value, while the constructor checks what involves several: that no service URL
 * would carry the credential where {@link Transport} forbids it. Public for the builder, in another
 * package of the runtime; not API.
 *
 * @param serviceUrls the base URL of each service
 * @param credential the default credential
 * @param accountId the default account id, or {@code null} when it comes from the credential or is not needed
 * @param webClientBuilder the user's builder to start from, or {@code null}
 * @param maxInMemorySize the largest body the codecs buffer, in bytes
 * @param maxConnections the size of the connection pool
 * @param maxPendingAcquires how many requests may wait for a connection of the pool at once
 * @param poolAcquireTimeout how long a request may wait for a connection of the pool
 * @param proxy the proxy, or {@code null}
 * @param trustManagerFactory custom trust material, or {@code null} for the JDK's
 * @param applicationId the application's name for the {@code User-Agent}, or {@code null}
 * @param observationRegistry where observations go
 * @param connectTimeout the TCP connect timeout
 * @param responseTimeout the per-attempt response timeout
 * @param deadline the overall deadline of a logical call, or {@code null} for none
 * @param allowInsecureHttp whether credentials may go over plain http to non-loopback hosts
 * @param rateLimiter paces every attempt
 * @param retryPolicy when calls are repeated, unless a call's context says otherwise
 * @param scheduler where the client's timers run and its clock is read (backoff, deadlines, waits)
 * @param meterRegistry where the client's own meters go (the retry budget's gauge, the retry counter), or {@code null}
 * @param continuationTokenKey the key continuation tokens are signed with, or {@code null} for
 *     unsigned tokens; copied, so the caller's array may change afterwards
 * @param name the client's name in its meters (tag {@code client}), or {@code null} for the
 *     application id, else a short hash of the credential's identity
 * @param pageLimits how large a page and an item of it may be; {@code null} for {@link PageLimits#DEFAULTS}
 */
public record ClientOptions(
    Map<HarnessService, String> serviceUrls,
    HarnessCredential credential,
    String accountId,
    WebClient.Builder webClientBuilder,
    int maxInMemorySize,
    int maxConnections,
    int maxPendingAcquires,
    Duration poolAcquireTimeout,
    ProxyOptions proxy,
    TrustManagerFactory trustManagerFactory,
    String applicationId,
    ObservationRegistry observationRegistry,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration deadline,
    boolean allowInsecureHttp,
    RateLimiter rateLimiter,
    RetryPolicy retryPolicy,
    Scheduler scheduler,
    MeterRegistry meterRegistry,
    byte[] continuationTokenKey,
    String name,
    PageLimits pageLimits) {

  /**
   * Checks the options together.
   *
   * @throws IllegalArgumentException when a service URL would carry the credential over plain
   *     http to a host that is not loopback and insecure http was not allowed
   */
  public ClientOptions {
    serviceUrls = Map.copyOf(serviceUrls);
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(scheduler, "scheduler");
    pageLimits = pageLimits == null ? PageLimits.DEFAULTS : pageLimits;
    Objects.requireNonNull(poolAcquireTimeout, "poolAcquireTimeout");
    continuationTokenKey = continuationTokenKey == null ? null : continuationTokenKey.clone();
    if (!allowInsecureHttp) {
      serviceUrls.forEach((service, url) -> {
        URI uri = URI.create(url);
        if (!Transport.maySendCredential(uri)) {
          throw new IllegalArgumentException("refusing to send credentials over plain http to " + uri.getHost() + " ("
              + service + "); use https, or allowInsecureHttp(true)");
        }
      });
    }
  }

  /**
   * The client's name in its meters (tag {@code client}): as given, else the application id, else
   * a short hash of the credential's identity (an identity names a token, which a label exported to
   * a metrics system should not).
   */
  String meterName() {
    return name != null ? name : applicationId != null ? applicationId : Digests.metricLabel(credential.identity());
  }

  /** The {@code User-Agent}: the application's name when given, then the library, its version and the Java runtime. */
  String userAgent() {
    return (applicationId == null ? "" : applicationId + " ") + LibraryVersion.userAgent();
  }
}
