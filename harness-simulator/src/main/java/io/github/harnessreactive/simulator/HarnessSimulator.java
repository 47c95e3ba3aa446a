package io.github.harnessreactive.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.harnessreactive.simulator.internal.Responder;
import io.github.harnessreactive.simulator.internal.ServerSetup;

/**
 * A running fake Harness. Every Harness service lives under one base URL, at the paths Harness
 * uses ({@code /ng/api}, {@code /pipeline/api}, {@code /v1}, {@code /prod1/sei/api},
 * {@code /gateway/sei/api}), so a client built with {@code baseUrl(simulator.baseUrl())} reaches
 * all of them:
 *
 * <pre>{@code
 * try (HarnessSimulator harness = HarnessSimulator.start(SimulatorOptions.defaults())) {
 *   HarnessClient client = HarnessClient.builder().baseUrl(harness.baseUrl())
 *       .credential(ApiKeyCredential.of(SimulatorOptions.DEMO_API_KEY)).build();
 *   PlatformClient.of(client).projects().create(...);   // then get, list, update, delete it
 * }
 * }</pre>
 *
 * <p>It listens on loopback only unless {@link SimulatorOptions#withBindAddress(String)} widens it,
 * keeps no key values in its request journal, and answers its admin API only when
 * {@link SimulatorOptions#withAdminApi(boolean)} opens it. Thread-safe. {@link #close()} stops the server.
 */
public final class HarnessSimulator implements AutoCloseable {

  private final SimulatorOptions options;
  private final Responder responder;
  private final WireMockServer server;
  private final SimulatorResources resources;

  private HarnessSimulator(SimulatorOptions options) {
    this.options = options;
    this.responder = new Responder(options);
    this.resources = new SimulatorResources(responder.store());
    WireMockConfiguration config = ServerSetup.configuration(options.port(), options.bindAddress(), options.adminApi(),
            options.replay().orElse(null))
        .extensions(responder)
        .containerThreads(64)
        .asynchronousResponseEnabled(!options.latency().isZero())
        .asynchronousResponseThreads(16);
    if (!options.journal()) {
      config.disableRequestJournal();
    }
    this.server = new WireMockServer(config);
  }

  /**
   * Starts a simulator with these options.
   *
   * @param options how it behaves
   * @return the running simulator
   * @throws com.github.tomakehurst.wiremock.common.FatalStartupException when the port is taken
   */
  public static HarnessSimulator start(SimulatorOptions options) {
    HarnessSimulator simulator = new HarnessSimulator(options);
    simulator.server.start();
    // Below any replayed or test stub, which keep their answers.
    simulator.server.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE).withId(Responder.SIMULATOR_STUB).willReturn(ok()));
    return simulator;
  }

  /** The base URL of every service, such as {@code http://127.0.0.1:51234}. */
  public String baseUrl() {
    String host = options.bindAddress();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("localhost")) {
      host = SimulatorOptions.LOOPBACK;
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + server.port();
  }

  /** The SEI v1 base URL ({@code .../prod1/sei/api}). */
  public String seiV1Url() {
    return baseUrl() + "/prod1/sei/api";
  }

  /** The SEI 2.0 base URL ({@code .../gateway/sei/api}). */
  public String seiV2Url() {
    return baseUrl() + "/gateway/sei/api";
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The options it was started with. */
  public SimulatorOptions options() {
    return options;
  }

  /** What has been answered since the start or the last {@link #reset()}. */
  public SimulatorStats stats() {
    return responder.stats();
  }

  /** The stateful resources, to set up or check a test's data without HTTP. */
  public SimulatorResources resources() {
    return resources;
  }

  /**
   * Back to how it started, without restarting the server: resources (only the {@code default}
   * organization left), statistics, request windows, the fault schedule's attempts and the "fail
   * after N pages" count, the random fault draws, replayed scenarios and the request journal.
   * Stubs a test added stay.
   */
  public void reset() {
    responder.reset();
    server.resetScenarios();
    if (options.journal()) {
      server.resetRequests();
    }
  }

  /**
   * The WireMock server, for request verification in tests (with the journal on) and for a test's
   * own stubs, which win over the simulator's answers. The journal keeps no key values.
   */
  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }
}
