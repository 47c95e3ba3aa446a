package io.github.harnessreactive.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/configprops} and {@code /actuator/env}, read over HTTP with
 * {@code show-values=always}, show the keys masked (under their property names, the usual
 * environment variable names, and any other name that holds the same value) and everything else
 * in clear.
 */
class KeySanitizingTest {

  private static final String SEI_V1_KEY = "seiV1KeyForTheSanitizingTest";
  private static final String ALIAS_KEY = "anotherCopyOfTheSeiV1Key";

  private static RunningApplication application;

  @BeforeAll
  static void start() {
    application = RunningApplication.start(
        Map.of("HARNESS_API_KEY", SimulatorOptions.DEMO_API_KEY, "HARNESS_SEI_V1_KEY", SEI_V1_KEY),
        "harness.api-key=${HARNESS_API_KEY}",
        "harness.sei.v1-api-key=" + SEI_V1_KEY,
        "harness.base-url=http://127.0.0.1:9",
        "management.endpoints.web.exposure.include=configprops,env",
        "management.endpoint.configprops.show-values=always",
        "management.endpoint.env.show-values=always");
  }

  @AfterAll
  static void stop() {
    application.close();
  }

  @Test
  void configpropsMasksTheKeys() {
    String body = application.get("/actuator/configprops/harness");
    assertThat(body).contains("http://127.0.0.1:9").contains("apiKey").contains("v1ApiKey")
        .doesNotContain(SimulatorOptions.DEMO_API_KEY).doesNotContain(SEI_V1_KEY);
  }

  @Test
  void envMasksTheKeysAndTheirEnvironmentVariables() {
    String body = application.get("/actuator/env");
    assertThat(body).contains("http://127.0.0.1:9").contains("HARNESS_API_KEY").contains("HARNESS_SEI_V1_KEY")
        .contains("harness.sei.v1-api-key")
        .doesNotContain(SimulatorOptions.DEMO_API_KEY).doesNotContain(SEI_V1_KEY);
    assertThat(application.get("/actuator/env/harness.api-key")).doesNotContain(SimulatorOptions.DEMO_API_KEY);
    assertThat(application.get("/actuator/env/HARNESS_SEI_V1_KEY")).doesNotContain(SEI_V1_KEY);
  }

  @Test
  void aCopyOfAKeyUnderAnotherNameIsMaskedToo() {
    RunningApplication aliased = RunningApplication.start(Map.of("MY_SEI_TOKEN", ALIAS_KEY),
        "harness.sei.v1-api-key=${MY_SEI_TOKEN}",
        "management.endpoints.web.exposure.include=env",
        "management.endpoint.env.show-values=always");
    try (aliased) {
      assertThat(aliased.get("/actuator/env")).contains("MY_SEI_TOKEN").doesNotContain(ALIAS_KEY);
    }
  }
}
