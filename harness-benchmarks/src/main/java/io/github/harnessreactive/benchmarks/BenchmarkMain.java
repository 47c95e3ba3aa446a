package io.github.harnessreactive.benchmarks;

import io.github.harnessreactive.simulator.SimulatorMain;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the benchmark scenarios, each server and each client in its own JVM so that the figures of
 * one do not blur into the other, and writes {@code target/benchmarks.md}:
 * {@code java ... BenchmarkMain all|ratelimit,ratelimit-redis,cpu,memory,lookahead,first-item,concurrent,early-emission,jmh,page-reading}.
 */
public final class BenchmarkMain {

  static final String SEI_KEY = SimulatorOptions.DEMO_SEI_V1_KEY;
  private static final Duration RUN = Duration.ofMinutes(5);

  private final List<String> rows = new ArrayList<>();

  private BenchmarkMain() {
  }

  public static void main(String[] args) throws IOException {
    Set<String> wanted = Set.of((args.length == 0 ? "all" : args[0]).split(","));
    BenchmarkMain main = new BenchmarkMain();
    for (String scenario : List.of("ratelimit", "ratelimit-redis", "cpu", "memory", "lookahead", "first-item", "concurrent",
        "early-emission", "jmh", "page-reading")) {
      if (wanted.contains("all") || wanted.contains(scenario)) {
        System.out.println("== " + scenario);
        switch (scenario) {
          case "ratelimit" -> main.rateLimit();
          case "ratelimit-redis" -> main.rateLimitFleet();
          case "cpu" -> main.cpu();
          case "memory" -> main.memory();
          case "lookahead" -> main.lookahead();
          case "first-item" -> main.firstItem();
          case "concurrent" -> main.concurrent();
          case "early-emission" -> main.earlyEmission();
          case "jmh" -> main.jmh();
          default -> main.pageReading();
        }
      }
    }
    String table = "| scenario | measured | baseline (same run) | ratio | goal | met |\n|---|---|---|---|---|---|\n"
        + String.join("\n", main.rows) + "\n";
    Path out = Path.of("target", "benchmarks.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println();
    System.out.print(table);
    System.out.println("written to " + out.toAbsolutePath());
  }

  private void row(String scenario, String measured, String baseline, String ratio, String goal, boolean met) {
    String row = "| " + String.join(" | ", scenario, measured, baseline, ratio, goal, met ? "yes" : "**no**") + " |";
    rows.add(row);
    System.out.println(row);
  }

  // 1 -------------------------------------------------------------------------------------------

  private static final int LIMIT = 30;
  private static final int WINDOW_SECONDS = 5;
  private static final int WINDOWS = 7;
  private static final int RATE_PAGE = 100;
  /** Forks of each CPU variant, interleaved; {@code -Dbenchmarks.cpuForks} sets it. */
  private static final int CPU_FORKS = Integer.getInteger("benchmarks.cpuForks", 7);
  /**
   * Records per pass of each CPU fork; {@code -Dbenchmarks.cpuRecords} sets it (fewer only for a
   * quick check that the scenario runs).
   */
  private static final int CPU_RECORDS = Integer.getInteger("benchmarks.cpuRecords", 1_000_000);
  /**
   * Passes over the records each CPU fork makes before the three it measures. Ten, because after
   * three the JIT compiler threads still took 20-30 % of the process's CPU in the measured passes
   * (and more in the variants with more code to compile: WebClient, Spring), so the figure measured
   * compilation more than what a record costs; after ten they take about a tenth, and row 2d shows
   * how much.
   */
  private static final int CPU_WARM_UP_PASSES = 10;

  private void rateLimit() {
    int records = LIMIT * WINDOWS * RATE_PAGE;
    double target = (double) LIMIT * RATE_PAGE / WINDOW_SECONDS;
    Map<String, String> library = rateLimitRun("ratelimit-library", records);
    Map<String, String> naive = rateLimitRun("ratelimit-naive", records);
    Map<String, String> fixed = rateLimitRun("ratelimit-fixed", records);
    double a = Double.parseDouble(library.get("recordsPerSecond"));
    String limit = LIMIT + " requests / " + WINDOW_SECONDS + " s, pages of " + RATE_PAGE;
    row("1a. rate-limit-bound, this library (" + limit + ")", describe(library), String.format("ideal %.0f rec/s", target),
        String.format("%.3f of ideal", a / target), ">= 0.97 of ideal, 0 x 429",
        a / target >= 0.97 && "0".equals(library.get("throttled")));
    row("1b. same, naive loop over the generated client", describe(naive), "1a",
        String.format("1a is %.2fx", a / Double.parseDouble(naive.get("recordsPerSecond"))), "(baseline)", true);
    row("1c. same, fixed 10 req/s (scaled) with retries", describe(fixed), "1a",
        String.format("1a is %.2fx", a / Double.parseDouble(fixed.get("recordsPerSecond"))), "(baseline)", true);
  }

  private static String describe(Map<String, String> run) {
    return run.get("recordsPerSecond") + " rec/s, " + run.get("throttled") + " x 429, " + run.get("requests") + " requests";
  }

  private static Map<String, String> rateLimitRun(String run, int records) {
    int port = freePort();
    try (Jvm simulator = rateLimitedSimulator(port, records)) {
      String url = "http://localhost:" + port + "/prod1/sei/api";
      try (Jvm client = Jvm.start("256m", Map.of(), ClientRuns.class, run, url, SEI_KEY, LIMIT, WINDOW_SECONDS * 1000, RATE_PAGE)) {
        Map<String, String> result = client.result(RUN);
        System.out.println("  " + run + ": " + result);
        return result;
      }
    }
  }

  /** The simulator in its own JVM, {@value #LIMIT} requests per {@value #WINDOW_SECONDS} s per key, ready. */
  private static Jvm rateLimitedSimulator(int port, int records) {
    Jvm simulator = Jvm.start("512m", Map.of("SIMULATOR_LIMIT", "" + LIMIT, "SIMULATOR_WINDOW_SECONDS", "" + WINDOW_SECONDS),
        SimulatorMain.class, port, records);
    simulator.await("Harness simulator on", Duration.ofMinutes(3));
    return simulator;
  }

  // 1 with three processes on one key ----------------------------------------------------------

  private static final int FLEET = 3;
  /** Time for the client JVMs to start and make their warm-up call before they stream together. */
  private static final Duration FLEET_WARM_UP = Duration.ofSeconds(12);

  /**
   * Scenario 1 split over {@value #FLEET} client JVMs on one key (each streams a third of the
   * records), first with {@code RedisRateLimiter}s sharing one redis-server, then with a local
   * limiter each, as replicas without this module would run.
   */
  private void rateLimitFleet() throws IOException {
    int records = LIMIT * WINDOWS * RATE_PAGE / FLEET;
    double target = (double) LIMIT * RATE_PAGE / WINDOW_SECONDS;
    Map<String, String> shared;
    RedisServer redis = RedisServer.newRedisServer().port(freePort()).bind("127.0.0.1").setting("save \"\"").build();
    redis.start();
    try {
      shared = fleetRun("fleet-redis", records, "redis://127.0.0.1:" + redis.ports().get(0));
    } finally {
      redis.stop();
    }
    Map<String, String> local = fleetRun("fleet-local", records, "-");
    double a = Double.parseDouble(shared.get("recordsPerSecond"));
    String setup = FLEET + " client JVMs on one key, " + LIMIT + " requests / " + WINDOW_SECONDS + " s, pages of "
        + RATE_PAGE;
    row("7a. " + setup + ", sharing one Redis (RedisRateLimiter)", describe(shared),
        String.format("ideal %.0f rec/s", target), String.format("%.3f of ideal", a / target), ">= 0.95 of ideal, 0 x 429",
        a / target >= 0.95 && "0".equals(shared.get("throttled")));
    row("7b. same, a local limiter each (TokenBucketRateLimiter at the limit)", describe(local), "7a",
        String.format("7a is %.2fx", a / Double.parseDouble(local.get("recordsPerSecond"))), "(baseline)", true);
  }

  /**
   * One simulator and {@value #FLEET} client JVMs started together, each warming up with one call
   * and then streaming from a common start time; the fleet's figures: records per second from its
   * first page to its last (wall clock, all processes on one machine), and the requests (the
   * warm-up calls included) and 429s of all clients.
   */
  private static Map<String, String> fleetRun(String run, int recordsEach, String redis) {
    int port = freePort();
    try (Jvm simulator = rateLimitedSimulator(port, recordsEach)) {
      String url = "http://localhost:" + port + "/prod1/sei/api";
      List<Jvm> clients = new ArrayList<>();
      long startAt = System.currentTimeMillis() + FLEET_WARM_UP.toMillis();
      try {
        for (int i = 0; i < FLEET; i++) {
          clients.add(Jvm.start("256m", Map.of(), ClientRuns.class, run, url, SEI_KEY, LIMIT, WINDOW_SECONDS * 1000, RATE_PAGE,
              redis, startAt));
        }
        List<Map<String, String>> results = new ArrayList<>();
        for (Jvm client : clients) {
          results.add(client.result(RUN));
        }
        System.out.println("  " + run + " x " + FLEET + ": " + results);
        long first = results.stream().mapToLong(r -> Long.parseLong(r.get("firstPageEpochMillis"))).min().orElseThrow();
        long last = results.stream().mapToLong(r -> Long.parseLong(r.get("lastPageEpochMillis"))).max().orElseThrow();
        long records = sum(results, "records") - RATE_PAGE; // after the fleet's first page, as in scenario 1
        return Map.of("recordsPerSecond", String.format("%.1f", records / ((last - first) / 1000.0)),
            "throttled", "" + sum(results, "throttled"), "requests", "" + sum(results, "requests"));
      } finally {
        clients.forEach(Jvm::close);
      }
    }
  }

  private static long sum(List<Map<String, String>> results, String key) {
    return results.stream().mapToLong(r -> Long.parseLong(r.get(key))).sum();
  }

  // 2 -------------------------------------------------------------------------------------------

  private void cpu() {
    int records = CPU_RECORDS;
    List<CpuRun> library = new ArrayList<>();
    List<CpuRun> generated = new ArrayList<>();
    List<CpuRun> bare = new ArrayList<>();
    try (Server server = pageServer(records, 1_000, 0)) {
      for (int fork = 0; fork < CPU_FORKS; fork++) { // interleaved, so a slow spell of the machine hits all three
        bare.add(cpuRun(server.url(), "cpu-bare", records));
        generated.add(cpuRun(server.url(), "cpu-generated", records));
        library.add(cpuRun(server.url(), "cpu-library", records));
      }
    }
    // The claims are per-fork ratios: each fork's library figure against the bare (or generated)
    // figure measured next to it, so a slow spell of the machine counts against both.
    List<Double> toBare = ratios(library, bare);
    List<Double> toGenerated = ratios(library, generated);
    List<Double> generatedToBare = ratios(generated, bare);
    double ratio = quantile(toBare, 0.5);
    double againstGenerated = quantile(toGenerated, 0.5);
    row("2. CPU per record (client process, " + CPU_FORKS + String.format(" interleaved forks, 3 x %,d", records)
            + String.format(" records measured after %d x %,d", CPU_WARM_UP_PASSES, records) + "; lookahead: library " + lookahead(library) + ", generated "
            + lookahead(generated) + ", bare " + lookahead(bare) + ")",
        "this library: " + nanos(library) + "; GC ms per fork " + gc(library),
        "bare Reactor Netty + Jackson: " + nanos(bare) + "; GC ms per fork " + gc(bare) + "; generated client alone: "
            + nanos(generated) + "; GC ms per fork " + gc(generated),
        String.format("%.2fx bare (IQR %.2f-%.2f); %.2fx the generated client (IQR %.2f-%.2f); medians of per-fork ratios",
            ratio, quantile(toBare, 0.25), quantile(toBare, 0.75), againstGenerated, quantile(toGenerated, 0.25),
            quantile(toGenerated, 0.75)),
        "<= 1.10x bare and below the generated client", ratio <= 1.10 && againstGenerated < 1.0);
    row("2b. same, the generated client alone (WebClient + Spring's Jackson codec)",
        nanos(generated) + "; GC ms per fork " + gc(generated), "bare: " + median(values(bare)) + " ns/record",
        String.format("%.2fx bare (IQR %.2f-%.2f, median of per-fork ratios)", quantile(generatedToBare, 0.5),
            quantile(generatedToBare, 0.25), quantile(generatedToBare, 0.75)),
        "(to read 2)", true);
    long libraryGc = median(gc(library));
    long generatedGc = median(gc(generated));
    row("2c. same, GC time per fork (median)", "this library: " + libraryGc + " ms " + gc(library),
        "generated client alone: " + generatedGc + " ms " + gc(generated) + "; bare: " + median(gc(bare)) + " ms",
        String.format("%.2fx the generated client", (double) libraryGc / Math.max(1, generatedGc)),
        "no more than the generated client's", libraryGc <= generatedGc);
    row("2d. same, where the CPU went: ns/record by kind of thread (median over the forks)",
        "this library: " + byThreadKind(library), "bare: " + byThreadKind(bare) + "; generated client alone: "
            + byThreadKind(generated), "-", "(to read 2)", true);
  }

  /**
   * One fork of a CPU variant: its CPU time per record, its GC time, the lookahead it ran with and
   * its CPU time per record by kind of thread (empty where {@code /proc} is not there).
   */
  private record CpuRun(long nanosPerRecord, long gcMillis, int lookahead, Map<String, Long> byThreadKind) {
  }

  private static String byThreadKind(List<CpuRun> runs) {
    return ProcessMetrics.THREAD_KINDS.stream().filter(kind -> runs.get(0).byThreadKind().containsKey(kind))
        .map(kind -> kind + " " + median(runs.stream().map(run -> run.byThreadKind().get(kind)).toList()))
        .collect(Collectors.joining(", "));
  }

  private static CpuRun cpuRun(String url, String run, int records) {
    try (Jvm client = Jvm.start("256m", Map.of(), ClientRuns.class, run, url, records, 1_000, CPU_WARM_UP_PASSES)) {
      Map<String, String> result = client.result(RUN);
      System.out.println("  " + run + ": " + result);
      Map<String, Long> byKind = new LinkedHashMap<>();
      for (String kind : ProcessMetrics.THREAD_KINDS) {
        String nanos = result.get(kind + "NanosPerRecord");
        if (nanos != null) {
          byKind.put(kind, Long.parseLong(nanos));
        }
      }
      return new CpuRun(Long.parseLong(result.get("cpuNanosPerRecord")), Long.parseLong(result.get("gcMillis")),
          Integer.parseInt(result.get("lookahead")), byKind);
    }
  }

  /** The lookahead a variant's forks ran with (they all run the same). */
  private static String lookahead(List<CpuRun> runs) {
    return runs.stream().map(run -> String.valueOf(run.lookahead())).distinct().collect(Collectors.joining("/"));
  }

  private static List<Long> values(List<CpuRun> runs) {
    return runs.stream().map(CpuRun::nanosPerRecord).toList();
  }

  private static String nanos(List<CpuRun> runs) {
    return median(values(runs)) + " ns/record " + values(runs);
  }

  private static List<Long> gc(List<CpuRun> runs) {
    return runs.stream().map(CpuRun::gcMillis).toList();
  }

  private static List<Double> ratios(List<CpuRun> of, List<CpuRun> to) {
    List<Double> ratios = new ArrayList<>();
    for (int fork = 0; fork < of.size(); fork++) {
      ratios.add((double) of.get(fork).nanosPerRecord() / to.get(fork).nanosPerRecord());
    }
    return ratios;
  }

  /** The q-quantile by linear interpolation between the closest ranks. */
  private static double quantile(List<Double> values, double q) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }

  // 3 -------------------------------------------------------------------------------------------

  private void memory() {
    long records = 10_000_000;
    try (Server server = pageServer(records, 1_000, 0);
        Jvm client = Jvm.start("64m", Map.of(), ClientRuns.class, "memory", server.url(), 1_000, records)) {
      Map<String, String> result = client.result(Duration.ofMinutes(15));
      System.out.println("  memory: " + result);
      double first = Long.parseLong(result.get("peakAfterGc1M")) / 1048576.0;
      double all = Long.parseLong(result.get("peakAfterGcAll")) / 1048576.0;
      row("3. flat memory, 10,000,000 records at -Xmx64m", String.format("peak heap after GC over 10M: %.1f MiB (%s s)", all,
          result.get("seconds")), String.format("over the first 1M: %.1f MiB", first), String.format("%.2fx", all / first),
          "does not grow (<= 1.10x)", all / first <= 1.10);
    }
  }

  // 4 -------------------------------------------------------------------------------------------

  private void lookahead() {
    try (Server server = pageServer(20 * 100, 100, 100)) {
      double without = lookaheadRun(server.url(), 0);
      double with = lookaheadRun(server.url(), 1);
      row("4. lookahead, 20 pages: page latency 100 ms, consumer 100 ms per page",
          String.format("lookahead 1: %.2f s", with), String.format("lookahead 0: %.2f s", without),
          String.format("%.2fx faster", without / with), ">= 1.8x", without / with >= 1.8);
    }
  }

  private static double lookaheadRun(String url, int lookahead) {
    try (Jvm client = Jvm.start("256m", Map.of(), ClientRuns.class, "lookahead", url, 100, 100, lookahead)) {
      Map<String, String> result = client.result(RUN);
      System.out.println("  lookahead " + lookahead + ": " + result);
      return Double.parseDouble(result.get("seconds"));
    }
  }

  // 5 -------------------------------------------------------------------------------------------

  private void firstItem() {
    try (Server server = pageServer(100_000, 1_000, 50);
        Jvm client = Jvm.start("256m", Map.of(), ClientRuns.class, "first-item", server.url(), 1_000, 20)) {
      Map<String, String> result = client.result(RUN);
      System.out.println("  first item: " + result);
      double first = Double.parseDouble(result.get("firstItemMillis"));
      double page = Double.parseDouble(result.get("onePageMillis"));
      row("5. time to first item (pages of 1,000, server latency 50 ms, median of 20)", first + " ms",
          "one bare page request: " + page + " ms", String.format("%.2fx", first / page), "about one page (<= 1.2x)",
          first / page <= 1.2);
    }
  }

  // 6 -------------------------------------------------------------------------------------------

  private void concurrent() {
    try (Server server = pageServer(30, 10, 0)) {
      Map<String, String> hundred = concurrentRun(server.url(), 100);
      Map<String, String> thousand = concurrentRun(server.url(), 1_000);
      double small = Long.parseLong(hundred.get("peakAfterGc")) / 1048576.0;
      double large = Long.parseLong(thousand.get("peakAfterGc")) / 1048576.0;
      row("6. 1,000 concurrent streams x 3 pages, one client (100 connections), -Xmx128m",
          String.format("all done in %s ms (first %s, median %s); peak heap after GC %.1f MiB", thousand.get("lastDoneMillis"),
              thousand.get("firstDoneMillis"), thousand.get("medianDoneMillis"), large),
          String.format("100 streams: %s ms, %.1f MiB", hundred.get("lastDoneMillis"), small),
          String.format("heap %.2fx for 10x the streams", large / small), "bounded memory (< 10x)",
          "1000".equals(thousand.get("streams")) && large / small < 10);
    }
  }

  private static Map<String, String> concurrentRun(String url, int streams) {
    try (Jvm client = Jvm.start("128m", Map.of(), ClientRuns.class, "concurrent", url, 10, streams)) {
      Map<String, String> result = client.result(RUN);
      System.out.println("  " + streams + " streams: " + result);
      return result;
    }
  }

  // 8 -------------------------------------------------------------------------------------------

  /**
   * Early listings cut after their first item, so that the request path is compiled before the
   * rounds, as in a service that has been running for a while. Fifty were not enough: the JIT had
   * not compiled most of the path yet, and the library's first item came 4.4 to 8.9 ms after the
   * request (0.5 to 2.5 ms over the bare request); after 1,500 (about 15 s) it comes about 0.5 ms
   * after the bare request's.
   */
  private static final int EARLY_CUTS = 1_500;
  private static final int EARLY_WARM_UPS = 2;
  private static final int EARLY_RUNS = 7;
  /** About 250 KB/s: a page of 1,000 records (about 350 KB) takes 1.4 s. */
  private static final int EARLY_BYTES_PER_SECOND = 250_000;

  /**
   * A page of 1,000 records from a slow server ({@link ThrottledPageServer}): the time to the
   * first item with early emission, against the time the server wrote that item's last byte
   * (which it prints per request, in the order of the client's requests) and against the default,
   * whole-page release; for reading, the time a bare Reactor Netty request holds the first
   * item's bytes (the transport's floor on this machine).
   */
  private void earlyEmission() {
    int requests = EARLY_CUTS + 2 * (EARLY_WARM_UPS + EARLY_RUNS); // the library's; the server also sees one bare a round
    try (Jvm server = Jvm.start("256m", Map.of(), ThrottledPageServer.class, 0, 1_000, EARLY_BYTES_PER_SECOND)) {
      String url = "http://localhost:" + server.await("LISTENING", Duration.ofMinutes(1)).split(" ")[1];
      Map<String, String> result;
      try (Jvm client = Jvm.start("256m", Map.of(), ClientRuns.class, "early-emission", url, 1_000, EARLY_CUTS,
          EARLY_WARM_UPS, EARLY_RUNS)) {
        result = client.result(RUN);
      }
      System.out.println("  early emission: " + result);
      if (Integer.parseInt(result.get("requests")) != requests) {
        throw new IllegalStateException("expected " + requests + " requests, the client made " + result.get("requests"));
      }
      // The cuts, then three requests a round (early, default, bare): the server's time for each measured early one.
      List<Double> written = new ArrayList<>();
      for (int request = 0; request < EARLY_CUTS + 3 * (EARLY_WARM_UPS + EARLY_RUNS); request++) {
        double millis = Double.parseDouble(server.await("FIRST_ITEM_WRITTEN", Duration.ofSeconds(10)).split(" ")[1]);
        int round = request - EARLY_CUTS;
        if (round >= 3 * EARLY_WARM_UPS && round % 3 == 0) {
          written.add(millis);
        }
      }
      System.out.println("  server, first item written (ms): " + written);
      double sent = quantile(written, 0.5);
      double early = Double.parseDouble(result.get("earlyFirstItemMillis"));
      double whole = Double.parseDouble(result.get("defaultFirstItemMillis"));
      double goal = 1.2 * sent + 5;
      row("8. early emission: time to first item, one page of 1,000 at " + EARLY_BYTES_PER_SECOND / 1000
              + " KB/s (median of " + EARLY_RUNS + " after " + EARLY_CUTS + " cut listings and " + EARLY_WARM_UPS
              + " warm-up rounds, from the request)",
          String.format("withEarlyEmission(): %s ms [%s]; the server wrote the first item's last byte at %.2f ms [%s]", early,
              result.get("earlyFirstItemRuns"), sent,
              written.stream().map(ms -> String.format("%.2f", ms)).collect(Collectors.joining(","))),
          String.format("default (items released with the whole page): %s ms [%s]; page complete at %s ms; a bare Reactor"
                  + " Netty request holds the first item's bytes at %s ms", whole, result.get("defaultFirstItemRuns"),
              result.get("defaultPageMillis"), result.get("bareFirstBytesMillis")),
          String.format("%.0fx sooner than the whole page", whole / early),
          String.format("<= 1.2 x first item sent + 5 ms (%.1f ms)", goal), early <= goal);
    }
  }

  // JMH -----------------------------------------------------------------------------------------

  /** Runs the JMH benchmarks matching {@code pattern} ({@code -f 1 -wi 3 -i 5}, 1 s each) in their own JVM; their results. */
  private static JsonNode runJmh(String pattern, String file) throws IOException {
    Path json = Path.of("target", file).toAbsolutePath();
    try (Jvm jmh = Jvm.start("512m", Map.of(), org.openjdk.jmh.Main.class, pattern,
        "-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "-rf", "json", "-rff", json.toString())) {
      if (jmh.waitFor(Duration.ofMinutes(15)) != 0) {
        throw new IllegalStateException("JMH failed");
      }
    }
    return JsonMapper.builder().build().readTree(json.toFile());
  }

  private void jmh() throws IOException {
    JsonNode results = runJmh("PageDecodeBenchmark|PagingOverheadBenchmark", "jmh.json");
    double library = score(results, "libraryOnePage");
    double jackson = score(results, "jacksonReadValue");
    row("JMH: one page of 1,000 PRs through the library's whole page path, in memory (call layer, filters, decoding,"
            + " guards)", String.format("%.0f us", library),
        String.format("Jackson readValue of the same bytes %.0f us", jackson), String.format("%.2fx", library / jackson),
        "(to read 2)", true);
    double paged = score(results, "pagedFlux");
    double plain = score(results, "plainFlatten");
    row("JMH: paging overhead per item (in memory)", String.format("PagedFlux %.1f ns/item", paged),
        String.format("Flux concatMapIterable %.1f ns/item", plain), String.format("%+.1f ns/item", paged - plain),
        "negligible next to decoding (< 5% of CPU per record)", true);
  }

  /**
   * {@link PageReadingBenchmark}: the ways to read one page of 1,000 records that arrives in 8 KiB
   * buffers, each in ns/record against the old design's join, copy and {@code readValue}.
   */
  private void pageReading() throws IOException {
    JsonNode results = runJmh("PageReadingBenchmark", "jmh-page-reading.json");
    double baseline = score(results, "a_joinCopyReadValue");
    String against = String.format("(a) join, copy to byte[], readValue: %.0f ns/record", baseline);
    row("JMH page reading (one page of 1,000 PRs in 8 KiB direct buffers, bound to maps): (a) the old design",
        String.format("%.0f ± %.0f ns/record", baseline, scoreError(results, "a_joinCopyReadValue")), "-", "1.00x",
        "(baseline)", true);
    for (String[] variant : new String[][] {
        {"b_nonBlockingTokenBuffer", "(b) non-blocking parser fed the buffers, a TokenBuffer per item"},
        {"c_nonBlockingBoundaries", "(c) non-blocking parser finds item boundaries, each item's bytes bound by the ordinary parser"},
        {"d_joinedReadValue", "(d) buffers joined, readValue from the joined buffer (no byte[])"},
        {"libraryDefault", "this library, default listing of the page (in-memory exchange)"},
        {"libraryEarlyEmission", "this library, same with withEarlyEmission()"}}) {
      double score = score(results, variant[0]);
      row("JMH page reading: " + variant[1],
          String.format("%.0f ± %.0f ns/record", score, scoreError(results, variant[0])), against,
          String.format("%.2fx (a)", score / baseline), "(to choose the design; to read 2)", true);
    }
  }

  private static double score(JsonNode results, String method) {
    return primaryMetric(results, method).get("score").asDouble();
  }

  /** The half-width of the score's 99.9 % confidence interval, as JMH reports it. */
  private static double scoreError(JsonNode results, String method) {
    return primaryMetric(results, method).get("scoreError").asDouble();
  }

  private static JsonNode primaryMetric(JsonNode results, String method) {
    for (JsonNode result : results) {
      if (result.get("benchmark").asText().endsWith("." + method)) {
        return result.get("primaryMetric");
      }
    }
    throw new IllegalStateException("no JMH result for " + method);
  }

  // helpers -------------------------------------------------------------------------------------

  /** A {@link PageServer} in its own JVM, and its address. */
  private record Server(Jvm jvm, String url) implements AutoCloseable {
    @Override
    public void close() {
      jvm.close();
    }
  }

  private static Server pageServer(long records, int pageSize, long delayMillis) {
    Jvm server = Jvm.start("512m", Map.of(), PageServer.class, 0, records, pageSize, delayMillis);
    return new Server(server, "http://localhost:" + server.await("LISTENING", Duration.ofMinutes(1)).split(" ")[1]);
  }

  private static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
