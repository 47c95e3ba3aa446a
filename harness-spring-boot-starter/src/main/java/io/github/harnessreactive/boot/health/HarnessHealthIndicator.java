package io.github.harnessreactive.boot.health;

import io.github.harnessreactive.boot.HarnessProperties;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.exception.ForbiddenException;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * The health of one Harness client: one cheap authenticated call (the probe), through the client's
 * call layer and never retried, mapped to a status:
 *
 * <ul>
 *   <li>2xx with a JSON (or no) body: UP;</li>
 *   <li>401: DOWN, with the status and Harness's error code (the key is refused);</li>
 *   <li>403: UP with a detail: the key authenticates but lacks the role for the probe;</li>
 *   <li>429: UP with a detail: Harness is throttling the key, whose rate-limit partition pauses as
 *       after any throttled call;</li>
 *   <li>any other status, a 2xx that is not JSON (a proxy's or portal's page), a transport failure,
 *       or no answer within the timeout: DOWN.</li>
 * </ul>
 *
 * <p>A result is reused for the cache time, so health requests cannot drain the key's rate limit:
 * within it, any number of health requests send one probe (requests arriving while it runs share it).
 * Details hold the service, the probe's method and path, the status, the error code and, for
 * failures of the call layer, the runtime's message; never the key, a header or a URL with a query.
 * Thread-safe.
 */
public final class HarnessHealthIndicator implements ReactiveHealthIndicator {

  private final HarnessService service;
  private final String probeDescription;
  private final Duration timeout;
  private final Mono<Health> cached;

  /**
   * @param client the client to probe
   * @param service {@code PLATFORM_NG} (the Platform client, NG and v1 paths alike), {@code SEI_V1} or {@code SEI_V2}
   * @param probe the request
   * @param cacheTtl how long a result is reused ({@code 0}: never)
   * @param timeout the longest a probe may take, its wait for a rate-limit permit included
   * @throws IllegalArgumentException when the service is {@code PLATFORM_V1}, the probe's body is
   *     not JSON, or the probe has no path
   */
  public HarnessHealthIndicator(HarnessClient client, HarnessService service, HarnessProperties.Probe probe,
      Duration cacheTtl, Duration timeout) {
    Objects.requireNonNull(client, "client");
    this.service = Objects.requireNonNull(service, "service");
    if (Objects.requireNonNull(probe, "probe").path() == null) {
      throw new IllegalArgumentException("the probe has no path");
    }
    this.probeDescription = probe.method() + " " + probe.path().replaceFirst("\\?.*", "");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    ProbeCall call = new ProbeCall(client, service, probe);
    this.cached = Mono.defer(() -> check(call)).cache(Objects.requireNonNull(cacheTtl, "cacheTtl"));
  }

  @Override
  public Mono<Health> health() {
    return cached;
  }

  private Mono<Health> check(ProbeCall call) {
    return call.send()
        .contextWrite(HarnessContext.retryPolicy(RetryPolicy.none()))
        .timeout(timeout)
        .map(this::answered)
        .onErrorResume(error -> Mono.just(failed(error)));
  }

  private Health answered(ResponseEntity<Void> response) {
    MediaType type = response.getHeaders().getContentType();
    Health.Builder health = details(Health.up()).withDetail("status", response.getStatusCode().value());
    if (type != null && !type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
      return health.down().withDetail("error", "answered " + type + ", not JSON: not Harness (a proxy or portal page?)").build();
    }
    return health.build();
  }

  private Health failed(Throwable error) {
    if (error instanceof TooManyRequestsException throttled) {
      return apiError(Health.up(), throttled)
          .withDetail("detail", "Harness is throttling the key (429); its rate-limit partition pauses").build();
    }
    if (error instanceof ForbiddenException forbidden) {
      return apiError(Health.up(), forbidden).withDetail("detail", "the key lacks the role for the probe (403)").build();
    }
    if (error instanceof UnauthorizedException unauthorized) {
      return apiError(Health.down(), unauthorized).withDetail("error", "the key was refused (401)").build();
    }
    if (error instanceof HarnessApiException api) {
      return apiError(Health.down(), api).build();
    }
    if (error instanceof TimeoutException) {
      return details(Health.down()).withDetail("error", "no answer within " + timeout).build();
    }
    String kind = error.getClass().getSimpleName();
    // The runtime's own exceptions carry redacted messages; anything else shows its type only.
    return details(Health.down()).withDetail("error", error instanceof HarnessException ? kind + ": " + error.getMessage() : kind)
        .build();
  }

  private Health.Builder apiError(Health.Builder health, HarnessApiException error) {
    details(health).withDetail("status", error.statusCode());
    if (error.errorCode() != null) {
      health.withDetail("code", error.errorCode());
    }
    return health;
  }

  private Health.Builder details(Health.Builder health) {
    return health.withDetail("service", service.document()).withDetail("probe", probeDescription);
  }

  @Override
  public String toString() {
    return "HarnessHealthIndicator[" + service.document() + ", " + probeDescription + "]";
  }
}
