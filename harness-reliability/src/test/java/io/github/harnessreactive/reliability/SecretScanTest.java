package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: the whole suite logged at TRACE into {@code target/reliability-trace.log} (see
 * simplelogger.properties), Spring's {@code ExchangeFunctions} with request details turned on
 * included (SpringRequestLoggingTest), and kept every failure it ended with; no secret appears in
 * either (the keys, a secret's value written, the tokens issued).
 */
@Order(99)
class SecretScanTest {

  private static final Path TRACE = Path.of("target", "reliability-trace.log");

  @Test
  void theTraceLogHoldsTheRequestsButNoSecret() throws IOException {
    String log = Files.readString(TRACE, StandardCharsets.UTF_8);

    assertThat(log).as("the runtime logged its requests at TRACE").contains("io.github.harnessreactive.http")
        .contains("/ng/api/projects").contains("x-api-key");
    for (String secret : Fixtures.secrets()) {
      assertThat(log).as("trace log").doesNotContain(secret);
    }
  }

  @Test
  void noFailureMessageOrStackTraceHoldsASecret() {
    List<String> failures = Fixtures.failures();

    assertThat(failures).as("failures kept by the fault matrix").hasSizeGreaterThan(10);
    for (String secret : Fixtures.secrets()) {
      assertThat(failures).noneSatisfy(failure -> assertThat(failure).contains(secret));
    }
  }
}
