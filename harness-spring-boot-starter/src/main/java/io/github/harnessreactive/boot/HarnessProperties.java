package io.github.harnessreactive.boot;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code harness.*} properties.
 *
 * @param enabled whether to create the beans at all
 * @param baseUrl the Harness installation (SaaS by default; a self-managed Harness or a simulator)
 * @param apiKey a Platform PAT or SAT, or an SEI 2.0 key: the {@code HarnessClient} credential, and SEI 2.0's
 * @param accountId the account; read from a PAT/SAT when not given
 * @param applicationId names the application in the {@code User-Agent}
 * @param allowInsecureHttp whether credentials may go over plain http to a non-loopback host
 * @param sei the SEI settings
 * @param rateLimit the client-side pacing, per credential
 * @param retry when calls are repeated
 * @param timeouts the connect, per-attempt and per-call limits
 * @param health the actuator health indicators (used only with actuator on the class path)
 */
@ConfigurationProperties("harness")
public record HarnessProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("https://app.harness.io") String baseUrl,
    String apiKey,
    String accountId,
    String applicationId,
    @DefaultValue("false") boolean allowInsecureHttp,
    @DefaultValue Sei sei,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue Retry retry,
    @DefaultValue Timeouts timeouts,
    @DefaultValue HealthChecks health) {

  /** Every component, with the key shown as {@code ***} when set. */
  @Override
  public String toString() {
    return "HarnessProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey=" + masked(apiKey)
        + ", accountId=" + accountId + ", applicationId=" + applicationId + ", allowInsecureHttp=" + allowInsecureHttp
        + ", sei=" + sei + ", rateLimit=" + rateLimit + ", retry=" + retry + ", timeouts=" + timeouts
        + ", health=" + health + "]";
  }

  private static String masked(String key) {
    return key == null ? "null" : "***";
  }

  /**
   * SEI.
   *
   * @param v1ApiKey the SEI v1 API key ({@code Authorization: ApiKey})
   * @param v1Url the SEI v1 base URL (Prod 1 by default; Prod 2 is {@code https://app.harness.io/gratis/sei/api},
   *     EU {@code https://accounts.eu.harness.io/sei/api})
   * @param v2Url the SEI 2.0 base URL
   */
  public record Sei(String v1ApiKey,
      @DefaultValue("https://app.harness.io/prod1/sei/api") String v1Url,
      @DefaultValue("https://app.harness.io/gateway/sei/api") String v2Url) {

    /** Every component, with the key shown as {@code ***} when set. */
    @Override
    public String toString() {
      return "Sei[v1ApiKey=" + masked(v1ApiKey) + ", v1Url=" + v1Url + ", v2Url=" + v2Url + "]";
    }
  }

  /**
   * Pacing per credential.
   *
   * @param requests requests per period (Harness: 400 a minute for {@code x-api-key} requests)
   * @param period the period
   * @param burst permits available at once
   */
  public record RateLimit(@DefaultValue("400") int requests, @DefaultValue("1m") Duration period,
      @DefaultValue("1") int burst) {
  }

  /**
   * Retries.
   *
   * @param maxAttempts attempts in all, the first included (1: never repeat)
   * @param baseBackoff the first backoff's upper bound
   * @param maxBackoff the largest backoff
   */
  public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration baseBackoff,
      @DefaultValue("30s") Duration maxBackoff) {
  }

  /**
   * Time limits.
   *
   * @param connect establishing a connection
   * @param response one attempt waiting for response data
   * @param deadline one logical call, all attempts together
   */
  public record Timeouts(@DefaultValue("10s") Duration connect, @DefaultValue("60s") Duration response,
      @DefaultValue("5m") Duration deadline) {
  }

  /**
   * The actuator health indicators: one per client, each making one cheap authenticated call.
   *
   * @param cacheTtl how long a probe's result is reused (health requests within it send nothing);
   *     {@code 0} probes on every health request
   * @param timeout the longest a probe may take, waiting for its rate-limit permit included; past
   *     it the client is reported DOWN
   * @param platform the Platform client's probe
   * @param seiV1 the SEI v1 client's probe
   * @param seiV2 the SEI 2.0 client's probe
   */
  public record HealthChecks(@DefaultValue("30s") Duration cacheTtl, @DefaultValue("10s") Duration timeout,
      @DefaultValue Probe platform, @DefaultValue Probe seiV1, @DefaultValue Probe seiV2) {

    /** The Platform probe: the first organization the key may see (a list filters by permission). */
    public static final Probe PLATFORM_DEFAULT = new Probe(true, "GET", "/ng/api/organizations?pageIndex=0&pageSize=1", null);
    /** The SEI v1 probe: the first integration (read by admin and ingestion keys alike). */
    public static final Probe SEI_V1_DEFAULT = new Probe(true, "POST", "/v1/integrations/list", "{\"page\":0,\"page_size\":1}");
    /** The SEI 2.0 probe: the developer schema, the call Harness's own key documentation starts with. */
    public static final Probe SEI_V2_DEFAULT = new Probe(true, "GET", "/v2/developers/schema", null);

    /**
     * Fills each probe left without a path with its client's default.
     *
     * @throws IllegalArgumentException when the cache time or timeout is negative, or the timeout zero
     */
    public HealthChecks {
      if (cacheTtl.isNegative() || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("harness.health.cache-ttl must not be negative and harness.health.timeout must be positive");
      }
      platform = platform.orDefault(PLATFORM_DEFAULT);
      seiV1 = seiV1.orDefault(SEI_V1_DEFAULT);
      seiV2 = seiV2.orDefault(SEI_V2_DEFAULT);
    }
  }

  /**
   * One health probe: a request below the client's service URL, sent with the client's key through
   * its rate limiter, never retried.
   *
   * @param enabled whether the client has a health indicator at all
   * @param method {@code GET} or {@code POST}; {@code GET} when a path is given without it
   * @param path the path below the service's base URL, with an optional query string; when not
   *     set, the client's default probe (method, path and body) is used
   * @param body the JSON body of a {@code POST}
   */
  public record Probe(@DefaultValue("true") boolean enabled, String method, String path, String body) {

    private static final Set<String> METHODS = Set.of("GET", "POST");

    /**
     * Checks the request.
     *
     * @throws IllegalArgumentException when the method is neither GET nor POST, the path does not
     *     start with {@code /}, a body comes with a GET, or a method or body comes without a path
     */
    public Probe {
      if (path == null) {
        if (method != null || body != null) {
          throw new IllegalArgumentException("a health probe's method and body need its path");
        }
      } else {
        method = method == null ? "GET" : method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
          throw new IllegalArgumentException("a health probe's method must be GET or POST, not " + method);
        }
        if (!path.startsWith("/")) {
          throw new IllegalArgumentException("a health probe's path must start with /");
        }
        if (body != null && "GET".equals(method)) {
          throw new IllegalArgumentException("a GET health probe has no body");
        }
      }
    }

    /** This probe, or the default request (keeping this one's {@code enabled}) when no path is set. */
    Probe orDefault(Probe defaults) {
      return path != null ? this : new Probe(enabled, defaults.method, defaults.path, defaults.body);
    }
  }
}
