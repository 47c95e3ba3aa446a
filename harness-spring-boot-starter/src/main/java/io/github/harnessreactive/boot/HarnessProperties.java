package io.github.harnessreactive.boot;

import java.time.Duration;
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
    @DefaultValue Timeouts timeouts) {

  /** Every component, with the key shown as {@code ***} when set. */
  @Override
  public String toString() {
    return "HarnessProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey=" + masked(apiKey)
        + ", accountId=" + accountId + ", applicationId=" + applicationId + ", allowInsecureHttp=" + allowInsecureHttp
        + ", sei=" + sei + ", rateLimit=" + rateLimit + ", retry=" + retry + ", timeouts=" + timeouts + "]";
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
}
