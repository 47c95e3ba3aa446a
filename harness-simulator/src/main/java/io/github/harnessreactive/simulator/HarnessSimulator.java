package io.github.harnessreactive.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.harnessreactive.simulator.internal.Responder;

/**
 * A running fake Harness. Every Harness service lives under one base URL, at the paths Harness
 * uses ({@code /ng/api}, {@code /pipeline/api}, {@code /v1}, {@code /prod1/sei/api},
 * {@code /gateway/sei/api}), so a client built with {@code baseUrl(simulator.baseUrl())} reaches
 * all of them:
 *
 * <pre>{@code
 * try (HarnessSimulator harness = HarnessSimulator.start(SimulatorOptions.defaults()
 *     .withListSize("listScmPullRequests", 1_000_000))) {
 *   HarnessClient client = HarnessClient.builder().baseUrl(harness.baseUrl())
 *       .credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY)).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server.
 */
public final class HarnessSimulator implements AutoCloseable {

  private final SimulatorOptions options;
  private final Responder responder;
  private final WireMockServer server;

  private HarnessSimulator(SimulatorOptions options) {
    this.options = options;
    this.responder = new Responder(options);
    WireMockConfiguration config = WireMockConfiguration.wireMockConfig()
        .port(options.port())
        .extensions(responder)
        .containerThreads(64)
        .asynchronousResponseEnabled(!options.latency().isZero())
        .asynchronousResponseThreads(16);
    if (!options.journal()) {
      config.disableRequestJournal();
    }
    this.server = new WireMockServer(config);
  }

  /** Starts a simulator with these options. */
  public static HarnessSimulator start(SimulatorOptions options) {
    HarnessSimulator simulator = new HarnessSimulator(options);
    simulator.server.start();
    simulator.server.stubFor(any(anyUrl()).willReturn(ok()));
    return simulator;
  }

  /** The base URL of every service, such as {@code http://localhost:51234}. */
  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  /** The SEI v1 base URL ({@code .../prod1/sei/api}). */
  public String seiV1Url() {
    return baseUrl() + "/prod1/sei/api";
  }

  /** The SEI 2.0 base URL ({@code .../gateway/sei/api}). */
  public String seiV2Url() {
    return baseUrl() + "/gateway/sei/api";
  }

  public int port() {
    return server.port();
  }

  public SimulatorOptions options() {
    return options;
  }

  /** What has been answered so far. */
  public SimulatorStats stats() {
    return responder.stats();
  }

  /** The WireMock server, for request verification in tests (with the journal on). */
  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }
}
