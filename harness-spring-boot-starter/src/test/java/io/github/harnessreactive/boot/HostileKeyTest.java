package io.github.harnessreactive.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Key values are data, never code: whatever a key holds (quotes, spaces, SpEL, an injection attempt),
 * the application starts, or stops with the failure analyzer's report, and the key appears in no
 * message of the failure chain, no startup log line and no {@code toString}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileKeyTest {

  /** Set by an evaluated injection attempt; must never be. */
  private static final String EVALUATED = "harness.test.evaluated";
  /** Every hostile value below carries it, so a leak of any part of it is visible. */
  private static final String MARKER = "S3cretMarker";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HarnessAutoConfiguration.class));

  @AfterEach
  void clearEvaluated() {
    System.clearProperty(EVALUATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'pat.acc.tok." + MARKER + "'",
      "\"pat.acc.tok." + MARKER + "\"",
      "key with spaces " + MARKER,
      "#{T(java.lang.System).setProperty('" + EVALUATED + "','1')}" + MARKER,
      "x' + T(java.lang.System).setProperty('" + EVALUATED + "','" + MARKER + "') + '",
      "${no.such.placeholder}" + MARKER})
  void aHostileKeyIsNeverEvaluatedAndNeverShown(String key) {
    for (String property : List.of("harness.api-key", "harness.sei.v1-api-key")) {
      runner.withPropertyValues("harness.account-id=acc", property + "=" + key).run(context -> {
        assertThat(System.getProperty(EVALUATED)).as("evaluated by " + property).isNull();
        if (context.getStartupFailure() != null) {
          List<Throwable> chain = chain(context.getStartupFailure());
          assertThat(chain).as("stopped by the failure analyzer's exception")
              .anyMatch(InvalidHarnessKeyException.class::isInstance);
          assertThat(chain).allSatisfy(t -> assertThat(String.valueOf(t.getMessage())).doesNotContain(MARKER));
        } else {
          assertThat(context).hasSingleBean(SeiClient.class);
          assertThat(context.getBean(HarnessProperties.class).toString()).doesNotContain(MARKER);
        }
      });
    }
  }

  @Test
  void theStartupLogNeverShowsAKey(CapturedOutput output) {
    for (String key : List.of("'pat.acc.tok." + MARKER + "'", "pat.onlyTwo." + MARKER,
        "x' + T(java.lang.System).setProperty('" + EVALUATED + "','1') + '" + MARKER)) {
      SpringApplicationBuilder application = new SpringApplicationBuilder(KeysOnly.class)
          .web(WebApplicationType.NONE)
          .properties("harness.api-key=" + key, "harness.sei.v1-api-key=" + key, "harness.account-id=acc");
      try (ConfigurableApplicationContext context = application.run()) {
        assertThat(context.getBean(HarnessProperties.class).toString()).doesNotContain(MARKER);
      } catch (RuntimeException failure) {
        assertThat(chain(failure)).allSatisfy(t -> assertThat(String.valueOf(t.getMessage())).doesNotContain(MARKER));
      }
    }
    assertThat(output.getAll()).contains("harness.api-key").doesNotContain(MARKER);
    assertThat(System.getProperty(EVALUATED)).isNull();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(HarnessAutoConfiguration.class)
  static class KeysOnly {
  }

  @Test
  void aBlankKeyCountsAsNoKey() {
    runner.withPropertyValues("harness.api-key=", "harness.sei.v1-api-key=  ").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(HarnessClient.class);
      assertThat(context).doesNotHaveBean(SeiClient.class);
    });
  }

  @Test
  void theSeiV1KeyAloneMakesTheSeiClientButNoHarnessClient() {
    runner.withPropertyValues("harness.sei.v1-api-key=" + SimulatorOptions.DEMO_SEI_V1_KEY).run(context -> {
      assertThat(context).doesNotHaveBean(HarnessClient.class);
      assertThat(context.getBean(SeiClient.class).v1()).isNotNull();
    });
  }

  @Test
  void propertiesMaskTheKeysInToString() {
    runner.withPropertyValues("harness.api-key=" + SimulatorOptions.DEMO_API_KEY,
            "harness.sei.v1-api-key=" + SimulatorOptions.DEMO_SEI_V1_KEY)
        .run(context -> {
          HarnessProperties properties = context.getBean(HarnessProperties.class);
          assertThat(properties.toString()).contains("apiKey=***", "v1ApiKey=***", "https://app.harness.io")
              .doesNotContain(SimulatorOptions.DEMO_API_KEY, SimulatorOptions.DEMO_SEI_V1_KEY);
          assertThat(properties.sei().toString()).contains("v1ApiKey=***").doesNotContain(SimulatorOptions.DEMO_SEI_V1_KEY);
        });
    runner.run(context -> assertThat(context.getBean(HarnessProperties.class).toString()).contains("apiKey=null"));
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
      chain.addAll(List.of(t.getSuppressed()));
    }
    return chain;
  }
}
