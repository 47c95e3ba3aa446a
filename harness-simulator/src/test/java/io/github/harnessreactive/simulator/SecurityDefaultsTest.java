package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's safe defaults (security review M10): loopback only unless widened, a request
 * journal without key values, and WireMock's admin API closed unless opened.
 */
class SecurityDefaultsTest {

  static final String SEI_KEY = SimulatorOptions.DEMO_SEI_V1_KEY;
  final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String url, String method, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("x-api-key", SimulatorOptions.DEMO_API_KEY).header("Authorization", "ApiKey " + SEI_KEY).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An address of this machine other than loopback, if it has one. */
  private static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address;
          }
        }
      }
    }
    return null;
  }

  private static boolean connects(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (ConnectException | SocketTimeoutException refused) {
      return false;
    }
  }

  @Test
  void listensOnLoopbackOnlyUnlessWidened() throws IOException {
    InetAddress other = nonLoopbackAddress();
    assumeTrue(other != null, "this machine has no address but loopback");
    try (HarnessSimulator loopback = HarnessSimulator.start(SimulatorOptions.defaults());
        HarnessSimulator everywhere = HarnessSimulator.start(SimulatorOptions.defaults().withBindAddress("0.0.0.0"))) {
      assertThat(loopback.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(connects(InetAddress.getLoopbackAddress(), loopback.port())).isTrue();
      assertThat(connects(other, loopback.port())).as("reachable at " + other).isFalse();
      assertThat(connects(other, everywhere.port())).isTrue();
    }
  }

  @Test
  void theJournalKeepsNoKeyValues() throws Exception {
    try (HarnessSimulator simulator = HarnessSimulator.start(SimulatorOptions.defaults())) {
      send(simulator.baseUrl() + "/ng/api/connectors/catalogue?accountIdentifier=a", "GET", null);

      List<ServeEvent> events = simulator.wireMock().getAllServeEvents();
      assertThat(events).singleElement().satisfies(event -> {
        assertThat(event.getRequest().getHeader("x-api-key")).isEqualTo("REDACTED");
        assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("ApiKey REDACTED");
        assertThat(event.getRequest().toString()).doesNotContain(SimulatorOptions.DEMO_API_KEY, SEI_KEY);
      });
      assertThat(simulator.stats().rejectedCredentials()).isZero(); // the key was checked before it was masked
    }
  }

  @Test
  void theAdminApiIsClosedUnlessOpened() throws Exception {
    try (HarnessSimulator closed = HarnessSimulator.start(SimulatorOptions.defaults());
        HarnessSimulator open = HarnessSimulator.start(SimulatorOptions.defaults().withAdminApi(true))) {
      String stub = "{\"request\":{\"url\":\"/x\"},\"response\":{\"proxyBaseUrl\":\"http://example.com\"}}";
      assertThat(send(closed.baseUrl() + "/__admin/requests", "GET", null).statusCode()).isEqualTo(401);
      assertThat(send(closed.baseUrl() + "/__admin/mappings", "POST", stub).statusCode()).isEqualTo(401);
      assertThat(send(closed.baseUrl() + "/__admin/shutdown", "POST", "").statusCode()).isEqualTo(401);
      assertThat(closed.wireMock().isRunning()).isTrue();
      assertThat(closed.wireMock().listAllStubMappings().getMappings()).hasSize(1); // only the simulator's own

      HttpResponse<String> journal = send(open.baseUrl() + "/__admin/requests", "GET", null);
      assertThat(journal.statusCode()).isEqualTo(200);
      assertThat(journal.body()).doesNotContain(SimulatorOptions.DEMO_API_KEY);
    }
    assertThatThrownBy(() -> SimulatorOptions.defaults().withBindAddress(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
