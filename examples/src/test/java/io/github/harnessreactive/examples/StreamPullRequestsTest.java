package io.github.harnessreactive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main example, run as the README's command runs it: against the embedded simulator. */
class StreamPullRequestsTest {

  private static PullRequestExporter.Summary run(Path file, long records, double faultRate, ByteArrayOutputStream console) {
    return PullRequestExporter.export(new PullRequestExporter.Options(null, null, null, file, records, faultRate),
        new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @Test
  void streamsEveryRecordOnceAndSummarisesTheRun(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PullRequestExporter.Summary summary = run(dir.resolve("prs.ndjson"), 5_000, 0, console);
    System.out.println(summary);

    List<String> lines = Files.readAllLines(dir.resolve("prs.ndjson"));
    assertThat(lines).hasSize(5_000).doesNotHaveDuplicates();
    assertThat(dir.resolve("prs.ndjson.part")).doesNotExist();
    assertThat(dir.resolve(".harness-checkpoints")).isEmptyDirectory();
    assertThat(lines.get(0)).contains("\"id\":\"pr-0\"");
    assertThat(lines.get(4_999)).contains("\"id\":\"pr-4999\"");
    assertThat(summary.records()).isEqualTo(5_000);
    assertThat(summary.requests()).isEqualTo(5); // pages of 1,000, the last with the total reached
    assertThat(summary.retries()).isZero();
    assertThat(summary.throttled()).isZero();
    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("embedded Harness simulator").contains("5,000 / 5,000 pull requests")
        .contains("[##############################]");
    assertThat(summary.toString()).startsWith("Streamed 5,000 pull requests to").contains("5 requests, 0 retries, 0 throttled");
  }

  @Test
  void withFivePercentFaultsEveryRecordStillArrivesOnce(@TempDir Path dir) throws IOException {
    PullRequestExporter.Summary summary = run(dir.resolve("prs.ndjson"), 60_000, 0.05, new ByteArrayOutputStream());
    System.out.println("with 5% faults: " + summary);

    List<String> lines = Files.readAllLines(dir.resolve("prs.ndjson"));
    assertThat(lines).hasSize(60_000).doesNotHaveDuplicates();
    assertThat(summary.records()).isEqualTo(60_000);
    assertThat(summary.requests()).isEqualTo(60 + summary.retries()); // every extra request was a retry
    assertThat(summary.retries()).isPositive();
  }
}
