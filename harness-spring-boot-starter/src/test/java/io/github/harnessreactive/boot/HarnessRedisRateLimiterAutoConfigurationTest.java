package io.github.harnessreactive.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.ratelimit.redis.RedisRateLimitOptions;
import io.github.harnessreactive.ratelimit.redis.RedisRateLimiter;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/** The shared rate limit in the starter: which Redis it picks up, when it stays away, and its properties. */
class HarnessRedisRateLimiterAutoConfigurationTest {

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults().withState(false)
      .withDefaultListSize(3));

  private static int port;
  private static RedisServer redis;
  private static RedisClient inspector;
  private static StatefulRedisConnection<String, String> inspection;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HarnessRedisRateLimiterAutoConfiguration.class, HarnessAutoConfiguration.class))
      .withPropertyValues("harness.base-url=" + harness.simulator().baseUrl(), "harness.api-key=" + SimulatorOptions.DEMO_API_KEY);

  @BeforeAll
  static void startRedis() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
    redis.start();
    inspector = RedisClient.create("redis://127.0.0.1:" + port);
    inspection = inspector.connect();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    inspection.close();
    inspector.shutdown();
    redis.stop();
  }

  @Test
  void aRedisUrlSwitchesTheLimiterToRedisWithTheHarnessRateLimit() {
    runner.withPropertyValues("harness.rate-limit.redis.url=redis://127.0.0.1:" + port,
            "harness.rate-limit.requests=1000", "harness.rate-limit.burst=3",
            "harness.rate-limit.redis.expected-instances=4", "harness.rate-limit.redis.key-prefix=app-a:")
        .run(context -> {
          assertThat(context).hasSingleBean(RateLimiter.class).doesNotHaveBean(TokenBucketRateLimiter.class);
          RedisRateLimiter limiter = context.getBean(RedisRateLimiter.class);
          assertThat(limiter.options().requestsPerPeriod()).isEqualTo(1000);
          assertThat(limiter.options().burst()).isEqualTo(3);
          assertThat(limiter.redisOptions().fallbackShare()).isEqualTo(0.25);
          callsGoThroughRedis(context.getBean(HarnessClient.class), "app-a:");
        });
  }

  @Test
  void theApplicationsRedisClientIsPickedUp() {
    runner.withUserConfiguration(ApplicationRedisClient.class)
        .withPropertyValues("harness.rate-limit.redis.key-prefix=app-b:")
        .run(context -> {
          assertThat(context).hasSingleBean(RedisRateLimiter.class);
          callsGoThroughRedis(context.getBean(HarnessClient.class), "app-b:");
        });
  }

  @Test
  void theApplicationsLettuceConnectionFactoryIsPickedUp() {
    runner.withUserConfiguration(ApplicationConnectionFactory.class)
        .withPropertyValues("harness.rate-limit.redis.key-prefix=app-c:")
        .run(context -> {
          assertThat(context).hasSingleBean(RedisRateLimiter.class);
          callsGoThroughRedis(context.getBean(HarnessClient.class), "app-c:");
        });
  }

  @Test
  void withoutRedisWhenDisabledOrWithoutTheModuleTheLocalLimiterStays() {
    runner.run(context -> assertThat(context).hasSingleBean(TokenBucketRateLimiter.class));
    runner.withUserConfiguration(ApplicationRedisClient.class).withPropertyValues("harness.rate-limit.redis.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(TokenBucketRateLimiter.class).doesNotHaveBean(RedisRateLimiter.class));
    runner.withClassLoader(new FilteredClassLoader(RedisRateLimiter.class))
        .withPropertyValues("harness.rate-limit.redis.url=redis://127.0.0.1:" + port)
        .run(context -> assertThat(context).hasSingleBean(TokenBucketRateLimiter.class));
  }

  @Test
  void theUrlIsReadAsDataNeverEvaluatedOrReported() {
    // a quote would end the string of a SpEL condition; the password is wrong, so the limiter paces locally
    runner.withPropertyValues("harness.rate-limit.redis.url=redis://:it's-s3cret@127.0.0.1:" + port)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(RedisRateLimiter.class);
          assertThat(PlatformClient.of(context.getBean(HarnessClient.class)).projects().list("default").count()
              .block(Duration.ofSeconds(10))).isEqualTo(3);
          assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getConditionAndOutcomesBySource().values())
              .allSatisfy(outcomes -> outcomes.forEach(outcome ->
                  assertThat(outcome.getOutcome().getMessage()).doesNotContain("s3cret")));
        });
    runner.withUserConfiguration(ApplicationRedisClient.class).withPropertyValues("harness.rate-limit.redis.url= ")
        .run(context -> assertThat(context.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class)
            .isSameAs(context.getBean("harnessRedisClientRateLimiter")));
  }

  @Test
  void thePropertyDefaultsAreTheLibrarysDefaults() {
    HarnessRedisRateLimitProperties defaults = new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("harness.rate-limit.redis", HarnessRedisRateLimitProperties.class);
    assertThat(defaults.options()).isEqualTo(RedisRateLimitOptions.defaults());
  }

  /** One call through the starter's client; its permit came from a bucket under the prefix. */
  private static void callsGoThroughRedis(HarnessClient client, String prefix) {
    assertThat(PlatformClient.of(client).projects().list("default").count().block(Duration.ofSeconds(10))).isEqualTo(3);
    assertThat(inspection.sync().keys(prefix + "*")).anyMatch(key -> key.endsWith(":bucket"));
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationRedisClient {
    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient() {
      return RedisClient.create("redis://127.0.0.1:" + port);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationConnectionFactory {
    @Bean
    LettuceConnectionFactory redisConnectionFactory() {
      return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
    }
  }
}
