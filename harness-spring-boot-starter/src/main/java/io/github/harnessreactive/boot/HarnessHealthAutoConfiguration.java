package io.github.harnessreactive.boot;

import io.github.harnessreactive.boot.health.HarnessHealthIndicator;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * With actuator on the class path: the {@code harness} health contributor, with one
 * {@link HarnessHealthIndicator} per client the application has, named {@code platform} (the
 * {@link HarnessClient} bean, unless its key is an SEI 2.0 key, which cannot call the Platform
 * API), {@code seiV1} and {@code seiV2} (the clients behind the starter's {@code SeiClient}).
 *
 * <p>Off with {@code management.health.harness.enabled=false} (or Boot's
 * {@code management.health.defaults.enabled=false}); one client's indicator off with
 * {@code harness.health.<client>.enabled=false}. A contributor with no indicator left does not
 * appear in the health report.
 */
@AutoConfiguration(after = HarnessAutoConfiguration.class)
@ConditionalOnClass({ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnProperty(prefix = "harness", name = "enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("harness")
public class HarnessHealthAutoConfiguration {

  /**
   * The contributor: its bean name makes it {@code harness} in the health report.
   *
   * @param properties the probes, their cache time and timeout
   * @param platform the Platform client, when there is exactly one
   * @param sei the clients of the starter's {@code SeiClient}, when the starter built it
   * @return the composite of the indicators
   */
  @Bean
  @ConditionalOnMissingBean(name = "harnessHealthContributor")
  ReactiveHealthContributor harnessHealthContributor(HarnessProperties properties,
      ObjectProvider<HarnessClient> platform, ObjectProvider<SeiServiceClients> sei) {
    HarnessProperties.HealthChecks checks = properties.health();
    Map<String, ReactiveHealthContributor> indicators = new LinkedHashMap<>();
    platform.ifUnique(client -> {
      if (checks.platform().enabled() && speaksPlatform(client)) {
        indicators.put("platform", indicator(client, HarnessService.PLATFORM_NG, checks.platform(), checks));
      }
    });
    sei.ifAvailable(clients -> {
      if (clients.v1() != null && checks.seiV1().enabled()) {
        indicators.put("seiV1", indicator(clients.v1(), HarnessService.SEI_V1, checks.seiV1(), checks));
      }
      if (clients.v2() != null && checks.seiV2().enabled()) {
        indicators.put("seiV2", indicator(clients.v2(), HarnessService.SEI_V2, checks.seiV2(), checks));
      }
    });
    return CompositeReactiveHealthContributor.fromMap(indicators);
  }

  private static HarnessHealthIndicator indicator(HarnessClient client, HarnessService service,
      HarnessProperties.Probe probe, HarnessProperties.HealthChecks checks) {
    return new HarnessHealthIndicator(client, service, probe, checks.cacheTtl(), checks.timeout());
  }

  /** An opaque SEI 2.0 key, whatever client carries it, is refused by the Platform API. */
  private static boolean speaksPlatform(HarnessClient client) {
    return !(client.credential() instanceof ApiKeyCredential key) || key.isPlatformToken();
  }
}
