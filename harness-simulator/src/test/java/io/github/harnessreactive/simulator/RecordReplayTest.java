package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.platform.PlatformClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Record once against a stand-in for Harness that echoes every request header (and a secret) back
 * in its answers, then replay with the stand-in stopped: the same results, and no key, secret or
 * account id in any recorded file.
 */
class RecordReplayTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String ACCOUNT = "Rk9vQmFyQWNjb3VudDEyMw";
  static final String SECRET_PART = "Zm9vYmFyU2VjcmV0VmFsdWU0Mg";
  static final String PAT = "pat." + ACCOUNT + ".tokenId12345." + SECRET_PART;
  static final String SECRET_VALUE = "hunter2-inline-secret";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A stand-in Harness: two NG project answers, each echoing the request's headers, query and a secret. */
  private static HttpServer standIn() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ng/api/projects", exchange -> {
      boolean one = exchange.getRequestURI().getPath().endsWith("/p1");
      Map<String, Object> project = Map.of("project", Map.of("orgIdentifier", "default", "identifier", "p1", "name",
          "Recorded project"), "createdAt", 1, "lastModifiedAt", 2);
      Object data = one ? project : Map.of("content", List.of(project), "totalItems", 1, "totalPages", 1, "pageIndex", 0,
          "pageSize", 100);
      Map<String, Object> body = new TreeMap<>(Map.of("status", "SUCCESS", "data", data, "echo", headers(exchange),
          "query", String.valueOf(exchange.getRequestURI().getRawQuery()),
          "secret", Map.of("type", "SecretText", "spec", Map.of("valueType", "Inline", "value", SECRET_VALUE))));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Set-Cookie", "session=" + exchange.getRequestHeaders().getFirst("x-api-key"));
      exchange.getResponseHeaders().add("X-Echo-Key", exchange.getRequestHeaders().getFirst("x-api-key"));
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
    return headers;
  }

  /** What a test of the user's would look at: the project read and the projects listed. */
  private static List<String> results(PlatformClient platform) {
    String one = platform.projects().get("default", "p1").block(WAIT).getProject().getName();
    List<String> all = platform.projects().list("default").map(p -> p.getProject().getIdentifier()).collectList().block(WAIT);
    return List.of(one, String.valueOf(all));
  }

  @Test
  void recordsWithoutKeysAndReplaysTheSameWithoutNetworkAlongsideStatefulResources(@TempDir Path dir) throws IOException {
    HttpServer standIn = standIn();
    List<String> recorded;
    List<Path> files;
    try (HarnessRecorder recorder = HarnessRecorder.start(RecordingOptions.of("http://127.0.0.1:" + standIn.getAddress()
        .getPort(), dir).withSecrets(SECRET_VALUE));
        HarnessClient client = TestClients.builder(recorder.baseUrl()).credential(ApiKeyCredential.of(PAT)).accountId(ACCOUNT)
            .build()) {
      recorded = results(PlatformClient.of(client));
      files = recorder.stop();
    } finally {
      standIn.stop(0);
    }

    assertThat(recorded).containsExactly("Recorded project", "[p1]");
    assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(dir.resolve("mappings")));
    try (var written = Files.walk(dir)) {
      for (Path file : written.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).doesNotContain(PAT, SECRET_PART, ACCOUNT, SECRET_VALUE, "session=")
            .contains(SimulatorOptions.DEMO_ACCOUNT).contains("REDACTED");
      }
    }

    try (HarnessSimulator replay = HarnessSimulator.start(SimulatorOptions.defaults().withReplay(dir));
        HarnessClient client = TestClients.platform(replay)) {
      PlatformClient platform = PlatformClient.of(client);
      assertThat(results(platform)).isEqualTo(recorded);

      platform.projects().create(new Project().orgIdentifier("default").identifier("fresh").name("Fresh")).block(WAIT);
      assertThat(platform.projects().get("default", "fresh").block(WAIT).getProject().getName()).isEqualTo("Fresh");
      assertThat(replay.stats().requests()).isEqualTo(4);
    }
  }
}
