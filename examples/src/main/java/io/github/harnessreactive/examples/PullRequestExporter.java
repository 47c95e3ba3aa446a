package io.github.harnessreactive.examples;

import io.github.harnessreactive.core.paging.Checkpoint;
import io.github.harnessreactive.core.paging.FileCheckpointStore;
import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.simulator.Faults;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports every pull request of an SEI collection to an NDJSON file, and carries on where it
 * stopped when it is run again after a failure, a crash or a kill.
 *
 * <p>How it stays exactly-once: records go to {@code <file>.part}; for each page the lines are
 * written, the file is forced to disk, and only then is a checkpoint saved (the page's continuation
 * token, the part file's length, the records so far and a fingerprint of the query and URL), never
 * the other order. A new run with a checkpoint cuts the part file back to the checkpoint's length
 * and resumes from its token; with a part file shorter than the checkpoint says, or a checkpoint of
 * another query or URL, it starts again and says so. When the listing is complete the part file is
 * moved over the target in one step and the checkpoint is deleted; until then the previous target
 * file is untouched.
 *
 * <p>Continuation tokens bind a listing to its query and account, so resuming works with any key of
 * that account (a rotated one too), in a new process. Checkpoints live next to the output, in
 * {@code .harness-checkpoints/}.
 *
 * <p>As a command ({@code java -cp ... io.github.harnessreactive.examples.PullRequestExporter}) it
 * reads the environment (see {@link Options#fromEnvironment}), prints a progress bar and a summary,
 * and exits non-zero with the reason on one line when the export fails.
 */
public final class PullRequestExporter {

  /**
   * What to export, and from where.
   *
   * @param seiKey the SEI v1 key, or {@code null} to use an embedded simulator
   * @param seiUrl the SEI v1 base URL
   * @param collection the collection to export, or {@code null} for all
   * @param output the NDJSON file
   * @param simulatedRecords pull requests in the embedded simulator
   * @param faultRate the embedded simulator's fault rate
   */
  public record Options(String seiKey, String seiUrl, Integer collection, Path output, long simulatedRecords,
      double faultRate) {

    /**
     * @throws NullPointerException when the output is {@code null}
     */
    public Options {
      Objects.requireNonNull(output, "output");
    }

    /**
     * From the environment: {@code HARNESS_SEI_V1_KEY} (none: the embedded simulator),
     * {@code HARNESS_SEI_URL} (default Prod 1, {@code https://app.harness.io/prod1/sei/api}; Prod 2
     * {@code https://app.harness.io/gratis/sei/api}, EU {@code https://accounts.eu.harness.io/sei/api}),
     * {@code HARNESS_SEI_COLLECTION}, {@code HARNESS_OUTPUT} (default {@code pull-requests.ndjson}),
     * {@code SIMULATOR_RECORDS} (20,000) and {@code SIMULATOR_FAULT_RATE} (0).
     */
    public static Options fromEnvironment(Map<String, String> env) {
      String key = env.get("HARNESS_SEI_V1_KEY");
      return new Options(key == null || key.isBlank() ? null : key,
          env.getOrDefault("HARNESS_SEI_URL", "https://app.harness.io/prod1/sei/api"),
          env.containsKey("HARNESS_SEI_COLLECTION") ? Integer.valueOf(env.get("HARNESS_SEI_COLLECTION")) : null,
          Path.of(env.getOrDefault("HARNESS_OUTPUT", "pull-requests.ndjson")),
          Long.parseLong(env.getOrDefault("SIMULATOR_RECORDS", "20000")),
          Double.parseDouble(env.getOrDefault("SIMULATOR_FAULT_RATE", "0")));
    }

    @Override
    public String toString() {
      return "Options[seiKey=" + (seiKey == null ? "none" : "***") + ", seiUrl=" + seiUrl + ", collection=" + collection
          + ", output=" + output + "]";
    }
  }

  /**
   * What a run did.
   *
   * @param records pull requests in the output, resumed ones included
   * @param resumedFrom the records a resumed run found already exported (0 for a fresh run)
   * @param requests HTTP requests this run sent (retries included)
   * @param retries retries this run made
   * @param throttled requests of this run answered 429
   * @param elapsed wall-clock time of this run
   * @param file the output file
   */
  public record Summary(long records, long resumedFrom, long requests, long retries, long throttled, Duration elapsed,
      Path file) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "Streamed %,d pull requests to %s in %.1f s: %,d requests, %,d retries, %,d throttled (429)",
          records, file, elapsed.toMillis() / 1000.0, requests, retries, throttled)
          + (resumedFrom > 0 ? String.format(Locale.ROOT, " (resumed from record %,d)", resumedFrom) : "");
    }
  }

  /** The export ended before the listing did; the part file and the checkpoint stay, for the next run. */
  public static final class ExportFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExportFailedException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private static final String OFFSET = "offset";
  private static final String RECORDS = "records";
  private static final String FINGERPRINT = "fingerprint";

  private PullRequestExporter() {
  }

  /** The command: exports by the environment; exits 1 with the reason on one line when the export fails. */
  public static void main(String[] args) {
    try {
      System.out.println(export(Options.fromEnvironment(System.getenv()), System.out));
    } catch (ExportFailedException e) {
      System.err.println("export failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Exports, printing progress to {@code out}, and says what happened.
   *
   * @throws ExportFailedException when the listing ended early, with the reason; run again to resume
   */
  public static Summary export(Options options, PrintStream out) {
    HarnessSimulator simulator = null;
    String key = options.seiKey();
    String url = options.seiUrl();
    if (key == null) {
      simulator = HarnessSimulator.start(SimulatorOptions.defaults().withJournal(false)
          .withListSize("listScmPullRequests", options.simulatedRecords()).withFaults(Faults.mixed(options.faultRate())));
      key = SimulatorOptions.DEMO_SEI_V1_KEY;
      url = simulator.seiV1Url();
      out.printf("No HARNESS_SEI_V1_KEY: streaming from an embedded Harness simulator at %s%n", simulator.baseUrl());
    }
    try {
      return export(key, url, options, out);
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  private static Summary export(String key, String url, Options options, PrintStream out) {
    Path target = options.output().toAbsolutePath();
    Path part = target.resolveSibling(target.getFileName() + ".part");
    FileCheckpointStore checkpoints = FileCheckpointStore.in(target.resolveSibling(".harness-checkpoints"));
    String checkpointKey = "pull-requests:" + target;
    ListQuery query = options.collection() == null ? ListQuery.all() : ListQuery.all().collections(options.collection());
    String fingerprint = fingerprint(url + "\n" + query); // ListQuery's toString is stable across processes

    Optional<Checkpoint> resume = checkpoints.load(checkpointKey).blockOptional()
        .filter(checkpoint -> usable(checkpoint, fingerprint, part, out));
    long offset = resume.flatMap(c -> c.attribute(OFFSET)).map(Long::parseLong).orElse(0L);
    long resumedFrom = resume.flatMap(c -> c.attribute(RECORDS)).map(Long::parseLong).orElse(0L);
    truncate(part, offset);
    if (resumedFrom > 0) {
      out.printf(Locale.ROOT, "Resumed from record %,d%n", resumedFrom);
    }

    RequestCounter counter = new RequestCounter();
    ProgressLine progress = new ProgressLine(out, "pull requests");
    progress.add(resumedFrom);
    JsonMapper json = JsonMapper.builder().build();
    long started = System.nanoTime();
    Output output = new Output(part, offset, resumedFrom);
    try (SeiClient sei = SeiClient.builder().v1ApiKey(key).v1Url(url)
        .configure(client -> client.observationRegistry(counter.registry()).applicationId("harness-reactive-examples"))
        .build()) {
      sei.v1().scm().pullRequests(query).byPage(resume.map(Checkpoint::continuationToken).orElse(null))
          .doOnNext(page -> page.totalItems().ifPresent(progress::total))
          // One page at a time, off the event loop: write it, force it to disk, then save the checkpoint.
          .concatMap(page -> Mono.fromRunnable(() -> output.append(page, json)).subscribeOn(Schedulers.boundedElastic())
              .then(Mono.defer(() -> saveOrFinish(checkpoints, checkpointKey, page, output, fingerprint)))
              .doOnSuccess(done -> progress.add(page.items().size())), 0)
          .blockLast();
    } catch (RuntimeException failure) {
      progress.finish();
      throw new ExportFailedException(oneLine(failure) + String.format(Locale.ROOT,
          "; %,d records are safe in %s, run again to resume", output.records(), part.getFileName()), failure);
    }
    progress.finish();
    moveOver(part, target);
    checkpoints.delete(checkpointKey).block();
    return new Summary(output.records(), resumedFrom, counter.requests(), counter.retries(), counter.throttled(),
        Duration.ofNanos(System.nanoTime() - started), options.output());
  }

  /** A page's lines appended to the part file and forced to disk; then its checkpoint, or the end. */
  private static Mono<Void> saveOrFinish(FileCheckpointStore checkpoints, String key, Page<?> page, Output output,
      String fingerprint) {
    return page.continuationToken()
        .map(token -> checkpoints.save(key, Checkpoint.of(token).withAttribute(OFFSET, Long.toString(output.offset()))
            .withAttribute(RECORDS, Long.toString(output.records())).withAttribute(FINGERPRINT, fingerprint)))
        .orElse(Mono.empty());
  }

  private static boolean usable(Checkpoint checkpoint, String fingerprint, Path part, PrintStream out) {
    if (!checkpoint.attribute(FINGERPRINT).orElse("").equals(fingerprint)) {
      out.println("Starting again: the checkpoint was made for another query or URL");
      return false;
    }
    long offset = checkpoint.attribute(OFFSET).map(Long::parseLong).orElse(-1L);
    long length;
    try {
      length = Files.exists(part) ? Files.size(part) : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (offset < 0 || length < offset) {
      out.printf("Starting again: %s is shorter than the checkpoint says%n", part.getFileName());
      return false;
    }
    return true;
  }

  /** The part file, written by one page at a time (concatMap): its length and records so far. */
  private static final class Output {
    private final Path file;
    private volatile long offset;
    private volatile long records;

    Output(Path file, long offset, long records) {
      this.file = file;
      this.offset = offset;
      this.records = records;
    }

    void append(Page<?> page, JsonMapper json) {
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      for (Object record : page.items()) {
        lines.writeBytes(json.writeValueAsBytes(record));
        lines.write('\n');
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
        ByteBuffer bytes = ByteBuffer.wrap(lines.toByteArray());
        channel.position(offset);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(false);
        offset = channel.position();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      records += page.items().size();
    }

    long offset() {
      return offset;
    }

    long records() {
      return records;
    }
  }

  /** Cuts the part file back to what the checkpoint covers (a fresh run: to nothing). */
  private static void truncate(Path part, long offset) {
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
      channel.truncate(offset);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + part, e);
    }
  }

  private static void moveOver(Path part, Path target) {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + part + " over " + target, e);
    }
  }

  private static String fingerprint(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The failure on one line: its type and message, without the stack. */
  private static String oneLine(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).replace('\n', ' ');
    return failure.getClass().getSimpleName() + ": " + message;
  }
}
