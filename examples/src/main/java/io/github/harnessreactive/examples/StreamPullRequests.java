package io.github.harnessreactive.examples;

import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.simulator.Faults;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams every pull request of an SEI collection into an NDJSON file, with a progress bar and a
 * closing summary.
 *
 * <p>With no credentials it starts an embedded Harness simulator holding {@code SIMULATOR_RECORDS}
 * pull requests (20,000 by default; {@code SIMULATOR_FAULT_RATE} injects faults). Against real
 * Harness, set:
 * <ul>
 *   <li>{@code HARNESS_SEI_V1_KEY}: an SEI v1 API key;</li>
 *   <li>{@code HARNESS_SEI_URL}: the SEI v1 base URL (default {@code https://app.harness.io/prod1/sei/api};
 *       Prod 2 {@code https://app.harness.io/gratis/sei/api}, EU {@code https://accounts.eu.harness.io/sei/api});</li>
 *   <li>{@code HARNESS_SEI_COLLECTION}: the collection ({@code ou_id}) to stream, optional;</li>
 *   <li>{@code HARNESS_OUTPUT}: the file to write (default {@code pull-requests.ndjson}).</li>
 * </ul>
 * Pages are fetched as the file writer keeps up; the file is written on a thread meant for
 * blocking work, never on the event loop.
 */
public final class StreamPullRequests {

  /**
   * What a run did.
   *
   * @param records pull requests written
   * @param requests HTTP requests sent (retries included)
   * @param retries retries made
   * @param throttled requests answered 429
   * @param elapsed wall-clock time of the stream
   * @param file where the records went
   */
  public record Summary(long records, long requests, long retries, long throttled, Duration elapsed, Path file) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "Streamed %,d pull requests to %s in %.1f s: %,d requests, %,d retries, %,d throttled (429)",
          records, file, elapsed.toMillis() / 1000.0, requests, retries, throttled);
    }
  }

  /**
   * Where to stream from and to.
   *
   * @param seiKey the SEI v1 key, or {@code null} to use the embedded simulator
   * @param seiUrl the SEI v1 base URL
   * @param collection the collection to stream, or {@code null} for all
   * @param output the NDJSON file
   * @param simulatedRecords pull requests in the simulator
   * @param faultRate the simulator's fault rate
   */
  public record Config(String seiKey, String seiUrl, Integer collection, Path output, long simulatedRecords, double faultRate) {

    static Config fromEnvironment(Map<String, String> env) {
      return new Config(blankToNull(env.get("HARNESS_SEI_V1_KEY")),
          env.getOrDefault("HARNESS_SEI_URL", "https://app.harness.io/prod1/sei/api"),
          env.containsKey("HARNESS_SEI_COLLECTION") ? Integer.valueOf(env.get("HARNESS_SEI_COLLECTION")) : null,
          Path.of(env.getOrDefault("HARNESS_OUTPUT", "pull-requests.ndjson")),
          Long.parseLong(env.getOrDefault("SIMULATOR_RECORDS", "20000")),
          Double.parseDouble(env.getOrDefault("SIMULATOR_FAULT_RATE", "0")));
    }
  }

  private StreamPullRequests() {
  }

  public static void main(String[] args) {
    Summary summary = run(Config.fromEnvironment(System.getenv()), System.out);
    System.out.println(summary);
  }

  /** Streams, printing progress to {@code out}, and says what happened. */
  public static Summary run(Config config, PrintStream out) {
    HarnessSimulator simulator = null;
    String key = config.seiKey();
    String url = config.seiUrl();
    if (key == null) {
      simulator = HarnessSimulator.start(SimulatorOptions.defaults().withJournal(false)
          .withListSize("listScmPullRequests", config.simulatedRecords()).withFaults(Faults.mixed(config.faultRate())));
      key = SimulatorOptions.DEMO_SEI_V1_KEY;
      url = simulator.seiV1Url();
      out.printf("No HARNESS_SEI_V1_KEY: streaming from an embedded Harness simulator at %s%n", simulator.baseUrl());
    }
    RequestCounter counter = new RequestCounter();
    ProgressLine progress = new ProgressLine(out, "pull requests");
    JsonMapper json = JsonMapper.builder().build();
    long started = System.nanoTime();
    try (SeiClient sei = SeiClient.builder().v1ApiKey(key).v1Url(url)
            .configure(client -> client.observationRegistry(counter.registry()).applicationId("harness-reactive-examples"))
            .build();
        BufferedWriter writer = Files.newBufferedWriter(config.output())) {
      ListQuery query = config.collection() == null ? ListQuery.all() : ListQuery.all().collections(config.collection());
      long records = sei.v1().scm().pullRequests(query).byPage()
          .doOnNext(page -> page.totalItems().ifPresent(progress::total))
          .publishOn(Schedulers.boundedElastic(), 2) // file writes leave the event loop; at most two pages wait
          .map(page -> {
            for (Map<String, Object> pr : page.items()) {
              write(writer, json.writeValueAsString(pr));
            }
            progress.add(page.items().size());
            return (long) page.items().size();
          })
          .reduce(0L, Long::sum)
          .block();
      progress.finish();
      return new Summary(records, counter.requests(), counter.retries(), counter.throttled(),
          Duration.ofNanos(System.nanoTime() - started), config.output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  private static void write(BufferedWriter writer, String line) {
    try {
      writer.write(line);
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
