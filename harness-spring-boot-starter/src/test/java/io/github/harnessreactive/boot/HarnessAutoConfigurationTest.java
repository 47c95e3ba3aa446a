package io.github.harnessreactive.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration: properties binding, Boot's WebClient.Builder, back-off, and a clear error for a malformed key. */
class HarnessAutoConfigurationTest {

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults().withState(false).withDefaultListSize(5));

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, HarnessAutoConfiguration.class));

  @Test
  void propertiesBindAndBothClientsAreCreated() {
    runner.withPropertyValues(
            "harness.base-url=" + harness.simulator().baseUrl(),
            "harness.api-key=" + SimulatorOptions.DEMO_API_KEY,
            "harness.sei.v1-api-key=" + SimulatorOptions.DEMO_SEI_V1_KEY,
            "harness.sei.v1-url=" + harness.simulator().seiV1Url(),
            "harness.sei.v2-url=" + harness.simulator().seiV2Url(),
            "harness.rate-limit.requests=1000", "harness.rate-limit.period=1m", "harness.rate-limit.burst=3",
            "harness.retry.max-attempts=2", "harness.retry.base-backoff=100ms",
            "harness.timeouts.deadline=30s")
        .run(context -> {
          HarnessClient client = context.getBean(HarnessClient.class);
          assertThat(client.accountId()).contains(SimulatorOptions.DEMO_ACCOUNT);
          assertThat(client.serviceUrl(HarnessService.SEI_V2)).isEqualTo(harness.simulator().baseUrl() + "/gateway/sei/api");
          assertThat(context.getBean(RetryPolicy.class).maxAttempts()).isEqualTo(2);
          assertThat(context.getBean(RetryPolicy.class).baseBackoff()).isEqualTo(Duration.ofMillis(100));
          TokenBucketRateLimiter limiter = context.getBean(TokenBucketRateLimiter.class);
          assertThat(limiter.options().requestsPerPeriod()).isEqualTo(1000);
          assertThat(limiter.options().burst()).isEqualTo(3);
          SeiClient sei = context.getBean(SeiClient.class);
          assertThat(sei.v1()).isNotNull();
          assertThat(sei.v2()).isNotNull();
          assertThat(PlatformClient.of(client).projects().list("default").count().block(Duration.ofSeconds(10))).isEqualTo(5);
          assertThat(sei.v1().scm().pullRequests(io.github.harnessreactive.sei.v1.ListQuery.all()).count()
              .block(Duration.ofSeconds(10))).isEqualTo(5);
        });
  }

  @Test
  void bootsWebClientBuilderAndItsCustomizersCarryOver() {
    runner.withUserConfiguration(CustomizerConfiguration.class)
        .withPropertyValues("harness.base-url=" + harness.simulator().baseUrl(), "harness.api-key=" + SimulatorOptions.DEMO_API_KEY)
        .run(context -> {
          PlatformClient.of(context.getBean(HarnessClient.class)).projects().get("default", "p1").block(Duration.ofSeconds(10));
          harness.simulator().wireMock().verify(getRequestedFor(urlPathEqualTo("/ng/api/projects/p1"))
              .withHeader("X-Team", equalTo("insights")));
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomizerConfiguration {
    @Bean
    WebClientCustomizer teamHeader() {
      return builder -> builder.defaultHeader("X-Team", "insights");
    }
  }

  @Test
  void theApplicationsOwnBeansWin() {
    runner.withUserConfiguration(OwnBeans.class)
        .withPropertyValues("harness.api-key=" + SimulatorOptions.DEMO_API_KEY)
        .run(context -> {
          assertThat(context).hasSingleBean(HarnessClient.class);
          assertThat(context.getBean(HarnessClient.class)).isSameAs(context.getBean(OwnBeans.class).client);
          assertThat(context.getBean(RateLimiter.class)).isSameAs(OwnBeans.LIMITER);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final TokenBucketRateLimiter LIMITER = TokenBucketRateLimiter.create(
        io.github.harnessreactive.core.resilience.RateLimitOptions.defaults());
    final HarnessClient client = HarnessClient.builder().credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY)).build();

    @Bean
    HarnessClient myClient() {
      return client;
    }

    @Bean
    RateLimiter myLimiter() {
      return LIMITER;
    }
  }

  @Test
  void withoutAKeyOrWhenDisabledNoClientIsCreated() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(HarnessClient.class);
      assertThat(context).doesNotHaveBean(SeiClient.class);
    });
    runner.withPropertyValues("harness.enabled=false", "harness.api-key=" + SimulatorOptions.DEMO_API_KEY)
        .run(context -> assertThat(context).doesNotHaveBean(HarnessClient.class));
  }

  @Test
  void aMalformedKeyStopsStartupWithAReportThatNamesThePropertyButNotTheKey() {
    runner.withPropertyValues("harness.api-key=pat.onlyTwo.S3cretParts")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          InvalidHarnessKeyException cause = findCause(failure);
          assertThat(cause.property()).isEqualTo("harness.api-key");
          FailureAnalysis analysis = new InvalidHarnessKeyFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription()).contains("harness.api-key").contains("expected pat.<accountId>.<tokenId>.<secret>")
              .doesNotContain("S3cretParts");
          assertThat(analysis.getAction()).contains("Set harness.api-key");
        });
  }

  private static InvalidHarnessKeyException findCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidHarnessKeyException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no InvalidHarnessKeyException in " + failure);
  }
}
