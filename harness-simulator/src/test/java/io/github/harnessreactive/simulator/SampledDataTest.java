package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.sei.SeiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sampled answers look like a real account's: Harness identifiers, names, e-mails, times, varied enum values. */
class SampledDataTest {

  static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$");
  static final Pattern EMAIL = Pattern.compile("^[a-z]+\\.[a-z]+\\d+@example\\.com$");

  @Test
  void sampledRecordsLookReal() {
    try (HarnessSimulator simulator = HarnessSimulator.start(SimulatorOptions.defaults().withState(false)
        .withDefaultListSize(50).withRequestLimit(0, Duration.ofMinutes(1)));
        HarnessClient client = TestClients.platform(simulator)) {
      List<ProjectResponse> projects = PlatformClient.of(client).projects().list("default").collectList()
          .block(Duration.ofSeconds(10));

      assertThat(projects).hasSize(50).allSatisfy(p -> {
        assertThat(p.getProject().getIdentifier()).matches(IDENTIFIER).doesNotStartWith("identifier");
        assertThat(p.getProject().getName()).matches("[A-Z][a-z]+ [A-Za-z]+ \\d+");
        assertThat(p.getProject().getColor()).matches("#[0-9A-F]{6}");
        assertThat(Instant.ofEpochMilli(p.getCreatedAt())).isBetween(Instant.parse("2025-06-01T00:00:00Z"),
            Instant.parse("2026-06-02T00:00:00Z"));
      });
      assertThat(projects).extracting(p -> p.getProject().getIdentifier()).doesNotHaveDuplicates();

      List<Map<String, String>> developers = SeiClient.of(null, client).v2().developers().list().collectList()
          .block(Duration.ofSeconds(10));
      assertThat(developers).hasSize(50).allSatisfy(d -> assertThat(d.get("email")).matches(EMAIL));
      assertThat(SeiClient.of(null, client).v2().teams().list("default", "p").map(t -> String.valueOf(t.getStatus()))
          .distinct().collectList().block(Duration.ofSeconds(10))).as("enum values drawn from the enum").hasSizeGreaterThan(1);
    }
  }
}
