package io.github.harnessreactive.simulator;

import java.time.Duration;

/**
 * Runs a simulator until the process is stopped: {@code java ... SimulatorMain [port] [items per list]}.
 * The request limit comes from {@code SIMULATOR_LIMIT} and {@code SIMULATOR_WINDOW_SECONDS}
 * (default 400 per 60), random faults from {@code SIMULATOR_FAULT_RATE} (0 to 1, default 0), the
 * seed from {@code SIMULATOR_SEED} (default 42), the address from {@code SIMULATOR_BIND_ADDRESS}
 * (default loopback only); {@code SIMULATOR_ADMIN_API=true} opens WireMock's admin API. The
 * journal is off, so it can serve any number of requests.
 */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  /**
   * Starts the simulator and waits.
   *
   * @param args the port (default 8089) and the items of each sampled list (default 1,000)
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    long items = args.length > 1 ? Long.parseLong(args[1]) : 1_000;
    SimulatorOptions options = SimulatorOptions.defaults().withPort(port).withDefaultListSize(items).withJournal(false)
        .withSeed(Long.parseLong(env("SIMULATOR_SEED", "42")))
        .withBindAddress(env("SIMULATOR_BIND_ADDRESS", SimulatorOptions.LOOPBACK))
        .withAdminApi(Boolean.parseBoolean(env("SIMULATOR_ADMIN_API", "false")))
        .withRequestLimit(Integer.parseInt(env("SIMULATOR_LIMIT", "400")),
            Duration.ofSeconds(Long.parseLong(env("SIMULATOR_WINDOW_SECONDS", "60"))))
        .withFaults(Faults.mixed(Double.parseDouble(env("SIMULATOR_FAULT_RATE", "0"))));
    HarnessSimulator simulator = HarnessSimulator.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    System.out.printf("Harness simulator on %s (API key %s, SEI v1 key %s, %d items per list)%n", simulator.baseUrl(),
        SimulatorOptions.DEMO_API_KEY, SimulatorOptions.DEMO_SEI_V1_KEY, items);
    Thread.currentThread().join();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
