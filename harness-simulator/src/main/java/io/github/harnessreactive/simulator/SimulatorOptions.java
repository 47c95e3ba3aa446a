package io.github.harnessreactive.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link HarnessSimulator} behaves. Immutable; start from {@link #defaults()}.
 *
 * @param port the port to listen on (0: any free port)
 * @param seed the seed of all synthetic data and fault draws
 * @param defaultListSize how many items each list holds unless {@code listSizes} says otherwise
 * @param listSizes items per list operation id (such as {@code listScmPullRequests})
 * @param requestLimit requests each key may make per window (0: unlimited); Harness's is 400 a minute for {@code x-api-key}
 * @param window the sliding window the limit counts over
 * @param latency added to every answer
 * @param faults how often to misbehave
 * @param reportTotals whether SEI v1 pages carry {@code total_count} (without it, the {@code has_next} quirk shows)
 * @param journal whether WireMock keeps its request journal (turn off for long runs)
 * @param apiKeys the {@code x-api-key} values accepted (Platform and SEI 2.0)
 * @param seiV1Keys the SEI v1 keys accepted ({@code Authorization: ApiKey <key>})
 */
public record SimulatorOptions(
    int port,
    long seed,
    long defaultListSize,
    Map<String, Long> listSizes,
    int requestLimit,
    Duration window,
    Duration latency,
    Faults faults,
    boolean reportTotals,
    boolean journal,
    Set<String> apiKeys,
    Set<String> seiV1Keys) {

  /** The Platform token the simulator accepts by default; its account is {@code simulatedAccount}. */
  public static final String DEMO_API_KEY = "pat.simulatedAccount.simToken.s1mulat0rDemoS3cret00";
  /** The SEI v1 key the simulator accepts by default. */
  public static final String DEMO_SEI_V1_KEY = "simulatorSeiV1DemoKey";
  /** The account of {@link #DEMO_API_KEY}. */
  public static final String DEMO_ACCOUNT = "simulatedAccount";

  public SimulatorOptions {
    listSizes = Map.copyOf(listSizes);
    apiKeys = Set.copyOf(apiKeys);
    seiV1Keys = Set.copyOf(seiV1Keys);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(faults, "faults");
    if (port < 0 || defaultListSize < 0 || requestLimit < 0) {
      throw new IllegalArgumentException("port, list sizes and the request limit must not be negative");
    }
  }

  /**
   * Any free port, seed 42, 25 items a list, 400 requests a minute per key (like Harness and the
   * client's default), no latency, no faults, totals reported, the journal on, the demo keys.
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(0, 42, 25, Map.of(), 400, Duration.ofMinutes(1), Duration.ZERO, Faults.none(), true, true,
        Set.of(DEMO_API_KEY), Set.of(DEMO_SEI_V1_KEY));
  }

  public SimulatorOptions withPort(int port) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, latency, faults, reportTotals,
        journal, apiKeys, seiV1Keys);
  }

  public SimulatorOptions withSeed(long seed) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, latency, faults, reportTotals,
        journal, apiKeys, seiV1Keys);
  }

  /** Every list holds this many items unless set per operation. */
  public SimulatorOptions withDefaultListSize(long items) {
    return new SimulatorOptions(port, seed, items, listSizes, requestLimit, window, latency, faults, reportTotals, journal,
        apiKeys, seiV1Keys);
  }

  /** One list operation holds this many items (any number: items are generated as pages are asked for). */
  public SimulatorOptions withListSize(String operationId, long items) {
    Map<String, Long> sizes = new HashMap<>(listSizes);
    sizes.put(operationId, items);
    return new SimulatorOptions(port, seed, defaultListSize, sizes, requestLimit, window, latency, faults, reportTotals,
        journal, apiKeys, seiV1Keys);
  }

  /** Each key may make this many requests per sliding window; 0 for no limit. */
  public SimulatorOptions withRequestLimit(int requests, Duration per) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requests, per, latency, faults, reportTotals, journal,
        apiKeys, seiV1Keys);
  }

  public SimulatorOptions withLatency(Duration delay) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, delay, faults, reportTotals,
        journal, apiKeys, seiV1Keys);
  }

  public SimulatorOptions withFaults(Faults faults) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, latency, faults, reportTotals,
        journal, apiKeys, seiV1Keys);
  }

  /** Whether SEI v1 pages carry {@code total_count}. */
  public SimulatorOptions withTotals(boolean report) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, latency, faults, report, journal,
        apiKeys, seiV1Keys);
  }

  /** Whether WireMock keeps its request journal; off, a run of millions of requests costs no memory. */
  public SimulatorOptions withJournal(boolean keep) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, latency, faults, reportTotals,
        keep, apiKeys, seiV1Keys);
  }

  /** The keys accepted: {@code x-api-key} values and SEI v1 keys. */
  public SimulatorOptions withKeys(Set<String> apiKeys, Set<String> seiV1Keys) {
    return new SimulatorOptions(port, seed, defaultListSize, listSizes, requestLimit, window, latency, faults, reportTotals,
        journal, apiKeys, seiV1Keys);
  }

  /** How many items a list operation holds. */
  public long listSize(String operationId) {
    return listSizes.getOrDefault(operationId, defaultListSize);
  }
}
