package io.github.harnessreactive.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.recording.RecordSpec;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.harnessreactive.simulator.internal.ServerSetup;
import io.github.harnessreactive.simulator.internal.recording.SecretCollector;
import io.github.harnessreactive.simulator.internal.recording.StubRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a real Harness once, for tests to replay with no network: a proxy (WireMock's recording)
 * that forwards every request to the target and, when stopped, writes what it saw as stub files
 * that {@link SimulatorOptions#withReplay(Path)} serves.
 *
 * <pre>{@code
 * try (HarnessRecorder recorder = HarnessRecorder.start(
 *     RecordingOptions.of("https://app.harness.io", Path.of("src/test/resources/harness")))) {
 *   HarnessClient client = HarnessClient.builder().baseUrl(recorder.baseUrl())
 *       .credential(ApiKeyCredential.of(System.getenv("HARNESS_API_KEY"))).build();
 *   ... the calls to record ...
 * } // the stubs are written, without keys
 * }</pre>
 *
 * <p>Nothing is written before {@link #stop()}, and what is written has been through the
 * redaction first: no credential header, no value of one (a PAT's secret part included) anywhere
 * in URLs, headers or bodies, no field named like a secret in a body, and, unless turned off, no
 * account id ({@link RecordingOptions#replaceAccountIds()}); a stub in which a credential would
 * remain is refused and nothing is written. Like the simulator, the recorder listens on loopback
 * only, its journal keeps no key and its admin API is closed.
 */
public final class HarnessRecorder implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RecordingOptions options;
  private final SecretCollector secrets = new SecretCollector();
  private final WireMockServer server;
  private List<Path> written;

  private HarnessRecorder(RecordingOptions options) {
    this.options = options;
    this.server = new WireMockServer(ServerSetup.configuration(options.port(), options.bindAddress(), false, null)
        .extensions(secrets));
  }

  /**
   * Starts recording.
   *
   * @param options the target, the directory and what to remove
   * @return the running recorder
   */
  public static HarnessRecorder start(RecordingOptions options) {
    HarnessRecorder recorder = new HarnessRecorder(options);
    recorder.server.start();
    // No body is extracted to a file and nothing is persisted by WireMock: the stubs are written by stop(), redacted.
    recorder.server.startRecording(new RecordSpec(options.target().toString(), null, null, null, null, null, false, true,
        null, null));
    return recorder;
  }

  /** The URL to point a client at instead of Harness. */
  public String baseUrl() {
    return "http://" + (options.bindAddress().contains(":") ? "[" + options.bindAddress() + "]" : options.bindAddress())
        + ":" + server.port();
  }

  /**
   * Stops recording and writes the stubs to {@code <directory>/mappings}, replacing the JSON files
   * there, one per recorded exchange (repeated requests become a scenario, as WireMock records
   * them). Calling it again returns the same files.
   *
   * @return the files written
   * @throws IllegalStateException when a credential would remain in a stub (then nothing is written)
   * @throws UncheckedIOException when the files cannot be written
   */
  public synchronized List<Path> stop() {
    if (written != null) {
      return written;
    }
    List<StubMapping> stubs = server.stopRecording().getStubMappings();
    Set<String> secretValues = new HashSet<>(secrets.secrets());
    secretValues.addAll(options.secrets());
    StubRedactor redactor = new StubRedactor(secretValues, secrets.accounts(),
        options.replaceAccountIds() ? SimulatorOptions.DEMO_ACCOUNT : null);
    List<String> files = new ArrayList<>();
    for (StubMapping stub : stubs) {
      files.add(redactor.redact(StubMapping.buildJsonStringFor(stub)));
    }
    written = write(files, stubs);
    return written;
  }

  private List<Path> write(List<String> files, List<StubMapping> stubs) {
    Path mappings = options.directory().resolve("mappings");
    try {
      Files.createDirectories(mappings);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(mappings, "*.json")) {
        for (Path file : old) {
          Files.delete(file);
        }
      }
      List<Path> paths = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        StubMapping stub = stubs.get(i);
        String name = String.format(Locale.ROOT, "%03d-%s-%s.json", i + 1,
            stub.getRequest().getMethod().getName().toLowerCase(Locale.ROOT), slug(files.get(i)));
        paths.add(Files.writeString(mappings.resolve(name), files.get(i)));
      }
      return List.copyOf(paths);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the recorded stubs to " + mappings, e);
    }
  }

  /** A file-name part from the redacted stub's URL path (the raw one may hold an account id). */
  private static String slug(String redactedStub) {
    var url = JSON.readTree(redactedStub).path("request");
    String path = url.path("url").asString(url.path("urlPath").asString(url.path("urlPattern").asString("stub")));
    String slug = path.replaceAll("\\?.*", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "root" : slug.substring(0, Math.min(slug.length(), 80));
  }

  /** Stops recording (writing the stubs, if {@link #stop()} has not) and the proxy. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      server.stop();
    }
  }
}
