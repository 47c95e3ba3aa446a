package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Two simulators with the same seed, one in another process, answer the same pages byte for byte. */
class DeterminismAcrossProcessesTest {

  static final Pattern STARTED = Pattern.compile("Harness simulator on (http://\\S+) ");
  final HttpClient http = HttpClient.newHttpClient();

  private String fetch(String baseUrl, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("x-api-key", SimulatorOptions.DEMO_API_KEY).header("Authorization", "ApiKey " + SimulatorOptions.DEMO_SEI_V1_KEY);
    if (body != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private List<String> pages(String baseUrl) throws Exception {
    return List.of(
        fetch(baseUrl, "/prod1/sei/api/v1/scm/prs/list", "{\"page\":3,\"page_size\":50,\"filter\":{}}"),
        fetch(baseUrl, "/gateway/sei/api/v2/org-trees?pageIndex=1&pageSize=20", null),
        fetch(baseUrl, "/gateway/sei/api/v2/developers/identities?pageIndex=2&pageSize=10", null));
  }

  @Test
  void theSameSeedAnswersTheSamePagesInAnotherProcess() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SimulatorMain.class.getName(), "0", "500").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        HarnessSimulator here = HarnessSimulator.start(SimulatorOptions.defaults().withDefaultListSize(500))) {
      String childUrl = null;
      while (childUrl == null) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        Matcher started = STARTED.matcher(line);
        childUrl = started.find() ? started.group(1) : null;
      }
      assertThat(childUrl).as("the child simulator's address").isNotNull();

      assertThat(pages(childUrl)).isEqualTo(pages(here.baseUrl()));
    } finally {
      child.destroy();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
