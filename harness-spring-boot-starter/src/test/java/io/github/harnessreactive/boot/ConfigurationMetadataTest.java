package io.github.harnessreactive.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata IDEs read: every {@code harness.*} property is described, and the
 * defaults that only the code knows (the health probes) are there and match the code.
 */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedAndTheProbeDefaultsMatchTheCode() throws IOException {
    Map<String, JsonNode> properties = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      JsonMapper.builder().build().readTree(in).path("properties").forEach(p -> properties.put(p.path("name").asString(), p));
    }
    assertThat(properties).containsKeys("harness.api-key", "harness.health.cache-ttl", "harness.health.timeout",
        "harness.health.sei-v1.enabled", "management.health.harness.enabled");
    assertThat(properties.values()).allSatisfy(p -> assertThat(p.path("description").asString()).as(p.path("name").asString())
        .isNotBlank());
    HarnessProperties.HealthChecks defaults = new HarnessProperties.HealthChecks(Duration.ofSeconds(30),
        Duration.ofSeconds(10), probe(), probe(), probe());
    assertDefault(properties, "platform", defaults.platform());
    assertDefault(properties, "sei-v1", defaults.seiV1());
    assertDefault(properties, "sei-v2", defaults.seiV2());
  }

  private static HarnessProperties.Probe probe() {
    return new HarnessProperties.Probe(true, null, null, null);
  }

  private static void assertDefault(Map<String, JsonNode> properties, String client, HarnessProperties.Probe probe) {
    String prefix = "harness.health." + client + ".";
    assertThat(properties.get(prefix + "method").path("defaultValue").asString()).isEqualTo(probe.method());
    assertThat(properties.get(prefix + "path").path("defaultValue").asString()).isEqualTo(probe.path());
    assertThat(properties.get(prefix + "body").path("defaultValue").asString(null)).isEqualTo(probe.body());
  }
}
