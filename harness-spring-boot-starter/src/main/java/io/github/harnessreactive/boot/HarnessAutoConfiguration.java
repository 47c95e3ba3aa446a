package io.github.harnessreactive.boot;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.sei.SeiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;

/**
 * Creates a {@link HarnessClient} (and the {@link PlatformClient} facades over it) when
 * {@code harness.api-key} is set and a {@link SeiClient} when
 * {@code harness.sei.v1-api-key} or {@code harness.api-key} is set (a blank key counts as not set;
 * key values are read as data, never evaluated: see {@link ConditionalOnHarnessKey}), both on Boot's
 * {@code WebClient.Builder} (its codecs and customizers) and {@code ObservationRegistry}, sharing
 * one rate limiter and retry policy. Each bean backs off when the application defines its own.
 * A malformed key stops startup with a report naming the property.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(HarnessClient.class)
@ConditionalOnProperty(prefix = "harness", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HarnessProperties.class)
public class HarnessAutoConfiguration {

  /** One limiter for every client of the application, with gauges when a MeterRegistry is present. */
  @Bean
  @ConditionalOnMissingBean(RateLimiter.class)
  public TokenBucketRateLimiter harnessRateLimiter(HarnessProperties properties, ObjectProvider<MeterRegistry> meters) {
    HarnessProperties.RateLimit limit = properties.rateLimit();
    RateLimitOptions options = RateLimitOptions.defaults().withLimit(limit.requests(), limit.period()).withBurst(limit.burst());
    return new TokenBucketRateLimiter(options, Schedulers.parallel(), meters.getIfAvailable());
  }

  @Bean
  @ConditionalOnMissingBean
  public RetryPolicy harnessRetryPolicy(HarnessProperties properties) {
    HarnessProperties.Retry retry = properties.retry();
    return RetryPolicy.defaults().withMaxAttempts(retry.maxAttempts()).withBackoff(retry.baseBackoff(), retry.maxBackoff());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnHarnessKey(HarnessKeys.API_KEY)
  public HarnessClient harnessClient(HarnessProperties properties, RateLimiter rateLimiter, RetryPolicy retryPolicy,
      ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<ObservationRegistry> observationRegistry,
      ObjectProvider<MeterRegistry> meterRegistry) {
    return new ClientSettings(properties, rateLimiter, retryPolicy, webClientBuilder, observationRegistry, meterRegistry)
        .build("platform", HarnessClient.builder().baseUrl(properties.baseUrl())
            .credential(apiKey(HarnessKeys.API_KEY, properties.apiKey())));
  }

  /** The Platform facades over the {@link HarnessClient} bean. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(HarnessClient.class)
  public PlatformClient harnessPlatformClient(HarnessClient harnessClient) {
    return PlatformClient.of(harnessClient);
  }

  /**
   * The {@link SeiClient}, over one {@link HarnessClient} per SEI side whose key is set, kept as
   * {@link SeiServiceClients} for the health indicators. Backs off when the application has its own.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(SeiClient.class)
  @ConditionalOnHarnessKey({HarnessKeys.SEI_V1_API_KEY, HarnessKeys.API_KEY})
  static class SeiConfiguration {

    @Bean
    SeiServiceClients harnessSeiServiceClients(HarnessProperties properties, RateLimiter rateLimiter,
        RetryPolicy retryPolicy, ObjectProvider<WebClient.Builder> webClientBuilder,
        ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<MeterRegistry> meterRegistry) {
      ClientSettings settings =
          new ClientSettings(properties, rateLimiter, retryPolicy, webClientBuilder, observationRegistry, meterRegistry);
      HarnessProperties.Sei sei = properties.sei();
      HarnessClient v1 = !hasText(sei.v1ApiKey()) ? null : settings.build("sei-v1", HarnessClient.builder()
          .serviceUrl(HarnessService.SEI_V1, sei.v1Url()).credential(seiV1Key(HarnessKeys.SEI_V1_API_KEY, sei.v1ApiKey())));
      HarnessClient v2;
      try {
        v2 = !hasText(properties.apiKey()) ? null : settings.build("sei-v2", HarnessClient.builder()
            .serviceUrl(HarnessService.SEI_V2, sei.v2Url()).credential(apiKey(HarnessKeys.API_KEY, properties.apiKey())));
      } catch (RuntimeException e) {
        if (v1 != null) {
          v1.close();
        }
        throw e;
      }
      return new SeiServiceClients(v1, v2);
    }

    /** Closing it closes both clients. */
    @Bean(destroyMethod = "close")
    public SeiClient seiClient(SeiServiceClients clients) {
      return SeiClient.of(clients.v1(), clients.v2());
    }
  }

  /**
   * What every client the starter builds shares: Boot's builder and registries, the limiter, the
   * retry policy, the timeouts. Each client is named for its meters' {@code client} tag
   * ({@code platform}, {@code sei-v1}, {@code sei-v2}), so that clients on one key keep their own
   * retry budget gauges.
   */
  private record ClientSettings(HarnessProperties properties, RateLimiter rateLimiter, RetryPolicy retryPolicy,
      ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<ObservationRegistry> observationRegistry,
      ObjectProvider<MeterRegistry> meterRegistry) {

    HarnessClient build(String name, HarnessClient.Builder builder) {
      builder.name(name).rateLimiter(rateLimiter).retryPolicy(retryPolicy).allowInsecureHttp(properties.allowInsecureHttp())
          .connectTimeout(properties.timeouts().connect()).responseTimeout(properties.timeouts().response())
          .deadline(properties.timeouts().deadline());
      if (hasText(properties.accountId())) {
        builder.accountId(properties.accountId());
      }
      if (hasText(properties.applicationId())) {
        builder.applicationId(properties.applicationId());
      }
      webClientBuilder.ifAvailable(builder::webClientBuilder);
      observationRegistry.ifAvailable(builder::observationRegistry);
      meterRegistry.ifAvailable(builder::meterRegistry);
      return builder.build();
    }
  }

  private static ApiKeyCredential apiKey(String property, String value) {
    try {
      return ApiKeyCredential.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidHarnessKeyException(property, e);
    }
  }

  private static SeiApiKeyCredential seiV1Key(String property, String value) {
    try {
      return SeiApiKeyCredential.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidHarnessKeyException(property, e);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
