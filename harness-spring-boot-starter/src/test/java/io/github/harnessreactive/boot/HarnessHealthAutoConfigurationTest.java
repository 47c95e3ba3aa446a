package io.github.harnessreactive.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which health indicators exist: per client, per property, with and without actuator. */
class HarnessHealthAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HarnessAutoConfiguration.class, HarnessHealthAutoConfiguration.class))
      .withPropertyValues("harness.api-key=" + SimulatorOptions.DEMO_API_KEY,
          "harness.sei.v1-api-key=" + SimulatorOptions.DEMO_SEI_V1_KEY);

  @Test
  void oneIndicatorPerClient() {
    runner.run(context -> assertThat(indicators(context)).containsExactly("platform", "seiV1", "seiV2"));
  }

  @Test
  void eachIndicatorTurnsOffByProperty() {
    runner.withPropertyValues("harness.health.sei-v1.enabled=false")
        .run(context -> assertThat(indicators(context)).containsExactly("platform", "seiV2"));
    runner.withPropertyValues("management.health.harness.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("harnessHealthContributor"));
  }

  @Test
  void withoutActuatorThereIsNone() {
    runner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("harnessHealthContributor"));
  }

  @Test
  void anSei2KeyGetsNoPlatformIndicatorAndAnOwnSeiClientNoSeiOnes() {
    runner.withPropertyValues("harness.api-key=opaqueSei2Key", "harness.account-id=acc")
        .run(context -> assertThat(indicators(context)).containsExactly("seiV1", "seiV2"));
    runner.withUserConfiguration(OwnSeiClient.class)
        .run(context -> assertThat(indicators(context)).containsExactly("platform"));
  }

  @Test
  void aBadProbeStopsStartupNamingTheProperty() {
    runner.withPropertyValues("harness.health.platform.path=/ng/api/organizations", "harness.health.platform.method=DELETE")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("GET or POST"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnSeiClient {
    @Bean(destroyMethod = "close")
    SeiClient mySeiClient() {
      return SeiClient.builder().v1ApiKey(SimulatorOptions.DEMO_SEI_V1_KEY).build();
    }
  }

  private static List<String> indicators(AssertableApplicationContext context) {
    CompositeReactiveHealthContributor harness = context.getBean("harnessHealthContributor", CompositeReactiveHealthContributor.class);
    return harness.stream().map(ReactiveHealthContributors.Entry::name).toList();
  }
}
