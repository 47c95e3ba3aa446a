package io.github.harnessreactive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.paging.Checkpoint;
import io.github.harnessreactive.core.paging.FileCheckpointStore;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The exporter as a command in its own JVM, against a simulator in this one: killed part-way (no
 * chance to clean up), then run again, it ends with exactly the file an uninterrupted run writes.
 */
class PullRequestExporterResumeTest {

  private static final int RECORDS = 12_000; // 12 pages of 1,000

  @Test
  void aKilledExportResumesAndEndsByteForByteLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
    try (HarnessSimulator simulator = HarnessSimulator.start(SimulatorOptions.defaults().withJournal(false)
        .withListSize("listScmPullRequests", RECORDS).withLatency(Duration.ofMillis(100)))) {
      Path whole = Files.createDirectories(dir.resolve("whole")).resolve("prs.ndjson");
      Path killed = Files.createDirectories(dir.resolve("killed")).resolve("prs.ndjson");

      Process uninterrupted = exporter(simulator, whole, dir.resolve("whole.log"));
      assertThat(uninterrupted.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(uninterrupted.exitValue()).as(Files.readString(dir.resolve("whole.log"))).isZero();

      Process first = exporter(simulator, killed, dir.resolve("first.log"));
      long checkpointed = awaitCheckpoint(killed, 3_000);
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThat(checkpointed).isGreaterThanOrEqualTo(3_000).isLessThan(RECORDS);
      assertThat(killed).doesNotExist();
      assertThat(killed.resolveSibling("prs.ndjson.part")).exists();

      Process second = exporter(simulator, killed, dir.resolve("second.log"));
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("second.log"));
      assertThat(second.exitValue()).as(log).isZero();
      assertThat(log).contains("Resumed from record").contains("Streamed 12,000 pull requests");

      assertThat(Files.mismatch(whole, killed)).as("first differing byte").isEqualTo(-1L);
      assertThat(Files.readAllLines(killed, StandardCharsets.UTF_8)).hasSize(RECORDS).doesNotHaveDuplicates();
      assertThat(killed.resolveSibling("prs.ndjson.part")).doesNotExist();
    }
  }

  @Test
  void aFailureInTheMiddleExitsNonZeroWithTheReasonAndLeavesThePreviousOutputUntouched(@TempDir Path dir)
      throws Exception {
    try (HarnessSimulator simulator = HarnessSimulator.start(SimulatorOptions.defaults().withJournal(false)
        .withListSize("listScmPullRequests", RECORDS).withFailureAfterPages(3))) {
      Path output = dir.resolve("prs.ndjson");
      Files.writeString(output, "the previous export\n");

      Process run = exporter(simulator, output, dir.resolve("run.log"));
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("run.log"));
      assertThat(run.exitValue()).as(log).isEqualTo(1);
      String[] lines = log.strip().split("\n");
      assertThat(lines[lines.length - 1]).startsWith("export failed: ServerErrorException: HTTP 503")
          .contains("3,000 records are safe in prs.ndjson.part, run again to resume");

      assertThat(output).hasContent("the previous export");
      assertThat(Files.readAllLines(dir.resolve("prs.ndjson.part"))).hasSize(3_000);
    }
  }

  /** The exporter command in a child JVM on this test's class path, its output to a log file. */
  private static Process exporter(HarnessSimulator simulator, Path output, Path log) throws IOException {
    ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PullRequestExporter.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    command.environment().put("HARNESS_SEI_V1_KEY", SimulatorOptions.DEMO_SEI_V1_KEY);
    command.environment().put("HARNESS_SEI_URL", simulator.seiV1Url());
    command.environment().put("HARNESS_OUTPUT", output.toString());
    return command.start();
  }

  /**
   * Polls the exporter's checkpoint until it covers at least {@code records} records (the wait is
   * the point: the child must be part-way when it is killed), for at most 30 seconds.
   */
  private static long awaitCheckpoint(Path output, long records) throws InterruptedException {
    FileCheckpointStore store = FileCheckpointStore.in(output.resolveSibling(".harness-checkpoints"));
    String key = "pull-requests:" + output.toAbsolutePath();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long seen = 0;
    while (seen < records && System.nanoTime() < deadline) {
      Optional<Checkpoint> checkpoint = store.load(key).onErrorResume(e -> Mono.empty()).blockOptional();
      seen = checkpoint.flatMap(c -> c.attribute("records")).map(Long::parseLong).orElse(0L);
      Thread.sleep(20); // a poll of another process's file
    }
    return seen;
  }
}
