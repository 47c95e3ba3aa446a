package io.github.harnessreactive.sei;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.sei.v1.SeiV1;
import io.github.harnessreactive.sei.v2.SeiV2;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Harness Software Engineering Insights: SEI v1 and SEI 2.0, each on its own credential.
 *
 * <pre>{@code
 * SeiClient sei = SeiClient.builder()
 *     .v1ApiKey(System.getenv("HARNESS_SEI_V1_KEY")).v1Endpoint(SeiEndpoint.PROD2)
 *     .apiKey(System.getenv("HARNESS_API_KEY"))                // a PAT, SAT or SEI 2.0 key, for SEI 2.0
 *     .build();
 * sei.v1().scm().pullRequests(ListQuery.all().collections(42)).subscribe(...);
 * }</pre>
 *
 * <p>Each side is a {@link HarnessClient}, so it has every layer of the runtime: credentials,
 * the rate-limit partition of its credential (shared with any other client using the same
 * credential), retries, typed errors, logging with redaction. {@link #close()} closes both.
 */
public final class SeiClient implements AutoCloseable {

  private final HarnessClient v1Client;
  private final HarnessClient v2Client;
  private final SeiV1 v1;
  private final SeiV2 v2;

  private SeiClient(HarnessClient v1Client, HarnessClient v2Client) {
    this.v1Client = v1Client;
    this.v2Client = v2Client;
    this.v1 = v1Client == null ? null : new SeiV1(v1Client);
    this.v2 = v2Client == null ? null : new SeiV2(v2Client);
  }

  /**
   * A builder; at least one key (SEI v1 or the x-api-key of SEI 2.0) is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Facades over clients you built yourself: one with an SEI v1 key, one for SEI 2.0 (either may be
   * {@code null} when not used). Closing the SeiClient closes them.
   */
  public static SeiClient of(HarnessClient v1Client, HarnessClient v2Client) {
    if (v1Client == null && v2Client == null) {
      throw new IllegalArgumentException("at least one client is needed");
    }
    return new SeiClient(v1Client, v2Client);
  }

  /**
   * SEI v1.
   *
   * @throws IllegalStateException when the client was built without an SEI v1 key
   */
  public SeiV1 v1() {
    if (v1 == null) {
      throw new IllegalStateException("no SEI v1 API key was given: builder().v1ApiKey(...)");
    }
    return v1;
  }

  /**
   * SEI 2.0.
   *
   * @throws IllegalStateException when the client was built without a key for SEI 2.0
   */
  public SeiV2 v2() {
    if (v2 == null) {
      throw new IllegalStateException("no key for SEI 2.0 was given: builder().apiKey(...)");
    }
    return v2;
  }

  @Override
  public void close() {
    if (v1Client != null) {
      v1Client.close();
    }
    if (v2Client != null) {
      v2Client.close();
    }
  }

  /** Builds a {@link SeiClient}: at least one of the two keys is required. */
  public static final class Builder {

    private String v1ApiKey;
    private String v1Url = SeiEndpoint.PROD1.url();
    private String apiKey;
    private String accountId;
    private String v2Url = SeiEndpoint.GATEWAY.url();
    private Consumer<HarnessClient.Builder> common = builder -> { };

    private Builder() {
    }

    /** The SEI v1 API key (roles SEI Admin or SEI Ingestion), sent as {@code Authorization: ApiKey}. */
    public Builder v1ApiKey(String key) {
      this.v1ApiKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The SEI v1 cluster of the account (default {@link SeiEndpoint#PROD1}). */
    public Builder v1Endpoint(SeiEndpoint endpoint) {
      return v1Url(endpoint.url());
    }

    /** Any SEI v1 base URL (a self-managed installation, a simulator). */
    public Builder v1Url(String url) {
      this.v1Url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** A PAT, SAT or SEI 2.0 API key, sent as {@code x-api-key} to SEI 2.0. */
    public Builder apiKey(String key) {
      this.apiKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The account; required with an SEI 2.0 key, read from the token with a PAT or SAT. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** The SEI 2.0 base URL (default {@link SeiEndpoint#GATEWAY}). */
    public Builder v2Url(String url) {
      this.v2Url = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Options both clients share (rate limiter, retry policy, observation, timeouts, a Spring
     * {@code WebClient.Builder}...), applied to each client's builder.
     */
    public Builder configure(Consumer<HarnessClient.Builder> options) {
      this.common = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no key was given, or an SEI 2.0 key needs an account id that is missing
     */
    public SeiClient build() {
      if (v1ApiKey == null && apiKey == null) {
        throw new IllegalStateException("give an SEI v1 key (v1ApiKey), a key for SEI 2.0 (apiKey), or both");
      }
      HarnessClient v1Client = null;
      if (v1ApiKey != null) {
        HarnessClient.Builder builder = HarnessClient.builder().credential(SeiApiKeyCredential.of(v1ApiKey))
            .serviceUrl(HarnessService.SEI_V1, v1Url);
        if (accountId != null) {
          builder.accountId(accountId);
        }
        common.accept(builder);
        v1Client = builder.build();
      }
      HarnessClient v2Client = null;
      if (apiKey != null) {
        HarnessClient.Builder builder = HarnessClient.builder().credential(ApiKeyCredential.of(apiKey))
            .serviceUrl(HarnessService.SEI_V2, v2Url);
        if (accountId != null) {
          builder.accountId(accountId);
        }
        common.accept(builder);
        v2Client = builder.build();
      }
      return new SeiClient(v1Client, v2Client);
    }
  }
}
