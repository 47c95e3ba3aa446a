package io.github.harnessreactive.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How a {@link HarnessSimulator} behaves. Immutable: every {@code with...} method returns a copy;
 * start from {@link #defaults()}.
 *
 * <p>{@link #toString()} never shows the accepted keys.
 */
public final class SimulatorOptions {

  /** The Platform token the simulator accepts by default; its account is {@code simulatedAccount}. */
  public static final String DEMO_API_KEY = "pat.simulatedAccount.simToken.s1mulat0rDemoS3cret00";
  /** The SEI v1 key the simulator accepts by default. */
  public static final String DEMO_SEI_V1_KEY = "simulatorSeiV1DemoKey";
  /** The account of {@link #DEMO_API_KEY}. */
  public static final String DEMO_ACCOUNT = "simulatedAccount";
  /** The address the simulator listens on unless told otherwise: loopback only. */
  public static final String LOOPBACK = "127.0.0.1";

  private final Values values;

  private SimulatorOptions(Values values) {
    this.values = values;
  }

  /**
   * Any free port on loopback only, seed 42, stateful resources, 25 items in each sampled list,
   * 400 requests a minute per key (like Harness and the client's default), no latency, no faults,
   * totals reported, the request journal on (without key values), WireMock's admin API closed, the
   * demo keys.
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(new Values());
  }

  private SimulatorOptions with(Consumer<Values> change) {
    Values copy = values.copy();
    change.accept(copy);
    return new SimulatorOptions(copy);
  }

  /**
   * Listens on this port.
   *
   * @param port the port, 0 for any free one
   * @return a copy with the port
   * @throws IllegalArgumentException when the port is negative
   */
  public SimulatorOptions withPort(int port) {
    requireNotNegative(port, "port");
    return with(v -> v.port = port);
  }

  /**
   * Listens on this address instead of loopback only: {@code "0.0.0.0"} makes the simulator
   * reachable from other machines, which then reach its request journal's URLs and bodies too.
   *
   * @param address an IP address or host name of this machine
   * @return a copy with the address
   * @throws IllegalArgumentException when the address is blank
   */
  public SimulatorOptions withBindAddress(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("the bind address must not be blank");
    }
    return with(v -> v.bindAddress = address);
  }

  /** The seed of all sampled data and random fault draws: the same seed gives the same answers. */
  public SimulatorOptions withSeed(long seed) {
    return with(v -> v.seed = seed);
  }

  /**
   * Every sampled list holds this many items unless set per operation. Lists of stateful
   * resources hold what was created instead.
   *
   * @param items the number of items
   * @return a copy with the size
   * @throws IllegalArgumentException when the size is negative
   */
  public SimulatorOptions withDefaultListSize(long items) {
    requireNotNegative(items, "list size");
    return with(v -> v.defaultListSize = items);
  }

  /**
   * One sampled list operation holds this many items (any number: items are generated as pages
   * are asked for).
   *
   * @param operationId the list operation, such as {@code listScmPullRequests}
   * @param items the number of items
   * @return a copy with the size
   * @throws IllegalArgumentException when the size is negative
   */
  public SimulatorOptions withListSize(String operationId, long items) {
    Objects.requireNonNull(operationId, "operationId");
    requireNotNegative(items, "list size");
    return with(v -> {
      v.listSizes = new HashMap<>(v.listSizes);
      v.listSizes.put(operationId, items);
    });
  }

  /**
   * Each key may make this many requests per sliding window; over it, 429 with no
   * {@code Retry-After}.
   *
   * @param requests the limit, 0 for none
   * @param per the window
   * @return a copy with the limit
   * @throws IllegalArgumentException when the limit is negative
   */
  public SimulatorOptions withRequestLimit(int requests, Duration per) {
    requireNotNegative(requests, "request limit");
    Objects.requireNonNull(per, "per");
    return with(v -> {
      v.requestLimit = requests;
      v.window = per;
    });
  }

  /** Adds this delay to every answer. */
  public SimulatorOptions withLatency(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return with(v -> v.latency = delay);
  }

  /** Misbehaves at random, on any request, this often (drawn from the seed). */
  public SimulatorOptions withFaults(Faults faults) {
    Objects.requireNonNull(faults, "faults");
    return with(v -> v.faults = faults);
  }

  /**
   * Fails list pages as the schedule says, deterministically; see {@link FaultSchedule}. A page
   * the schedule fails is not also subject to the random {@link Faults}.
   */
  public SimulatorOptions withFaultSchedule(FaultSchedule schedule) {
    Objects.requireNonNull(schedule, "schedule");
    return with(v -> v.faultSchedule = schedule);
  }

  /** {@link #withFailureAfterPages(int, FaultKind)} with empty 503s. */
  public SimulatorOptions withFailureAfterPages(int pages) {
    return withFailureAfterPages(pages, FaultKind.SERVICE_UNAVAILABLE);
  }

  /**
   * After this many list pages have been answered successfully (counted across the simulator),
   * every later request fails with this kind of fault until {@link HarnessSimulator#reset()}: a
   * run that must die part-way, for checkpoint and resume tests.
   *
   * @param pages the pages served before the failures start
   * @param kind how every later request fails
   * @return a copy with the knob set
   * @throws IllegalArgumentException when {@code pages} is negative
   */
  public SimulatorOptions withFailureAfterPages(int pages, FaultKind kind) {
    requireNotNegative(pages, "pages");
    Objects.requireNonNull(kind, "kind");
    return with(v -> {
      v.failAfterPages = pages;
      v.failAfterKind = kind;
    });
  }

  /** Whether SEI v1 pages carry {@code total_count} (without it, the {@code has_next} quirk shows). */
  public SimulatorOptions withTotals(boolean report) {
    return with(v -> v.reportTotals = report);
  }

  /**
   * Whether WireMock keeps its request journal (for {@code wireMock().verify(...)}). The journal
   * never keeps the values of {@code x-api-key}, {@code Authorization} or {@code Proxy-Authorization};
   * turn it off for long runs, so millions of requests cost no memory.
   */
  public SimulatorOptions withJournal(boolean keep) {
    return with(v -> v.journal = keep);
  }

  /**
   * The keys accepted.
   *
   * @param apiKeys {@code x-api-key} values (Platform and SEI 2.0)
   * @param seiV1Keys SEI v1 keys ({@code Authorization: ApiKey <key>})
   * @return a copy with the keys
   */
  public SimulatorOptions withKeys(Set<String> apiKeys, Set<String> seiV1Keys) {
    Set<String> platform = Set.copyOf(apiKeys);
    Set<String> sei = Set.copyOf(seiV1Keys);
    return with(v -> {
      v.apiKeys = platform;
      v.seiV1Keys = sei;
    });
  }

  /**
   * Whether organizations, projects, connectors, pipelines, secrets, tokens, SEI 2.0 developer
   * records and teams are kept like a small in-memory Harness (the default), or answered with sampled data like every
   * other operation ({@code false}: any identifier exists, lists hold their list size), as for
   * load tests.
   */
  public SimulatorOptions withState(boolean stateful) {
    return with(v -> v.state = stateful);
  }

  /**
   * Opens WireMock's admin API ({@code /__admin}) over HTTP. Closed by default: anyone who can
   * reach it can read the journal, register proxy stubs or stop the server. The Java API
   * ({@link HarnessSimulator#wireMock()}) works either way.
   */
  public SimulatorOptions withAdminApi(boolean open) {
    return with(v -> v.adminApi = open);
  }

  /**
   * Serves the stubs a {@link HarnessRecorder} wrote to this directory (its {@code mappings}
   * folder) ahead of everything else; requests they do not match get the stateful or sampled
   * answers as usual.
   *
   * @param directory the recording directory
   * @return a copy that replays it
   */
  public SimulatorOptions withReplay(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return with(v -> v.replay = directory);
  }

  /** The port to listen on (0: any free port). */
  public int port() {
    return values.port;
  }

  /** The address to listen on. */
  public String bindAddress() {
    return values.bindAddress;
  }

  /** The seed of all sampled data and fault draws. */
  public long seed() {
    return values.seed;
  }

  /** How many items each sampled list holds unless set per operation. */
  public long defaultListSize() {
    return values.defaultListSize;
  }

  /** Items per sampled list operation id. */
  public Map<String, Long> listSizes() {
    return Map.copyOf(values.listSizes);
  }

  /** How many items a sampled list operation holds. */
  public long listSize(String operationId) {
    return values.listSizes.getOrDefault(operationId, values.defaultListSize);
  }

  /** Requests each key may make per window (0: unlimited). */
  public int requestLimit() {
    return values.requestLimit;
  }

  /** The sliding window the limit counts over. */
  public Duration window() {
    return values.window;
  }

  /** The delay added to every answer. */
  public Duration latency() {
    return values.latency;
  }

  /** The random faults. */
  public Faults faults() {
    return values.faults;
  }

  /** The deterministic fault schedule of list pages. */
  public FaultSchedule faultSchedule() {
    return values.faultSchedule;
  }

  /** After how many served list pages every request fails, when set. */
  public OptionalInt failureAfterPages() {
    return values.failAfterPages < 0 ? OptionalInt.empty() : OptionalInt.of(values.failAfterPages);
  }

  /** How requests fail after {@link #failureAfterPages()}. */
  public FaultKind failureAfterPagesKind() {
    return values.failAfterKind;
  }

  /** Whether SEI v1 pages carry {@code total_count}. */
  public boolean reportTotals() {
    return values.reportTotals;
  }

  /** Whether WireMock keeps its request journal. */
  public boolean journal() {
    return values.journal;
  }

  /** The {@code x-api-key} values accepted. */
  public Set<String> apiKeys() {
    return values.apiKeys;
  }

  /** The SEI v1 keys accepted. */
  public Set<String> seiV1Keys() {
    return values.seiV1Keys;
  }

  /** Whether resources are stateful. */
  public boolean state() {
    return values.state;
  }

  /** Whether WireMock's admin API is open over HTTP. */
  public boolean adminApi() {
    return values.adminApi;
  }

  /** The recording directory to replay, if any. */
  public Optional<Path> replay() {
    return Optional.ofNullable(values.replay);
  }

  @Override
  public String toString() {
    return "SimulatorOptions[port=" + values.port + ", bindAddress=" + values.bindAddress + ", seed=" + values.seed
        + ", state=" + values.state + ", defaultListSize=" + values.defaultListSize + ", listSizes=" + values.listSizes
        + ", requestLimit=" + values.requestLimit + "/" + values.window + ", latency=" + values.latency
        + ", faults=" + values.faults + ", faultSchedule=" + values.faultSchedule + ", failureAfterPages="
        + failureAfterPages() + ", journal=" + values.journal + ", adminApi=" + values.adminApi + ", replay="
        + values.replay + ", keys=" + (values.apiKeys.size() + values.seiV1Keys.size()) + " (not shown)]";
  }

  private static void requireNotNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  /** The settings, copied for each change. */
  private static final class Values {
    int port;
    String bindAddress = LOOPBACK;
    long seed = 42;
    long defaultListSize = 25;
    Map<String, Long> listSizes = Map.of();
    int requestLimit = 400;
    Duration window = Duration.ofMinutes(1);
    Duration latency = Duration.ZERO;
    Faults faults = Faults.none();
    FaultSchedule faultSchedule = FaultSchedule.none();
    int failAfterPages = -1;
    FaultKind failAfterKind = FaultKind.SERVICE_UNAVAILABLE;
    boolean reportTotals = true;
    boolean journal = true;
    Set<String> apiKeys = Set.of(DEMO_API_KEY);
    Set<String> seiV1Keys = Set.of(DEMO_SEI_V1_KEY);
    boolean state = true;
    boolean adminApi;
    Path replay;

    Values copy() {
      Values copy = new Values();
      copy.port = port;
      copy.bindAddress = bindAddress;
      copy.seed = seed;
      copy.defaultListSize = defaultListSize;
      copy.listSizes = listSizes;
      copy.requestLimit = requestLimit;
      copy.window = window;
      copy.latency = latency;
      copy.faults = faults;
      copy.faultSchedule = faultSchedule;
      copy.failAfterPages = failAfterPages;
      copy.failAfterKind = failAfterKind;
      copy.reportTotals = reportTotals;
      copy.journal = journal;
      copy.apiKeys = apiKeys;
      copy.seiV1Keys = seiV1Keys;
      copy.state = state;
      copy.adminApi = adminApi;
      copy.replay = replay;
      return copy;
    }
  }
}
