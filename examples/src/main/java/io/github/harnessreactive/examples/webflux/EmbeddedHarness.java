package io.github.harnessreactive.examples.webflux;

import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded Harness simulator, and points the starter's {@code harness.*} properties at
 * it, when the application is given no Harness key ({@code harness.api-key} or
 * {@code harness.sei.v1-api-key}, from any property source, {@code HARNESS_API_KEY} included): the
 * example then runs with no account, as the other examples do. The simulator holds
 * {@code SIMULATOR_RECORDS} pull requests (20,000 by default) and stops with the application.
 */
final class EmbeddedHarness implements SmartApplicationListener {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHarness.class);

  private HarnessSimulator simulator;

  @Override
  public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
    return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
        || ContextClosedEvent.class.isAssignableFrom(eventType);
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      start(prepared.getEnvironment());
    } else if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  private void start(ConfigurableEnvironment environment) {
    if (hasKey(environment, "harness.api-key") || hasKey(environment, "harness.sei.v1-api-key")) {
      return;
    }
    long records = Long.parseLong(environment.getProperty("SIMULATOR_RECORDS", "20000"));
    simulator = HarnessSimulator.start(SimulatorOptions.defaults().withJournal(false)
        .withListSize("listScmPullRequests", records));
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedHarnessSimulator", Map.of(
        "harness.base-url", simulator.baseUrl(),
        "harness.api-key", SimulatorOptions.DEMO_API_KEY,
        "harness.sei.v1-api-key", SimulatorOptions.DEMO_SEI_V1_KEY,
        "harness.sei.v1-url", simulator.seiV1Url(),
        "harness.sei.v2-url", simulator.seiV2Url())));
    LOG.info("No harness.* keys: streaming from an embedded Harness simulator at {} ({} pull requests)", simulator.baseUrl(),
        records);
  }

  private static boolean hasKey(ConfigurableEnvironment environment, String property) {
    String value = environment.getProperty(property);
    return value != null && !value.isBlank();
  }
}
