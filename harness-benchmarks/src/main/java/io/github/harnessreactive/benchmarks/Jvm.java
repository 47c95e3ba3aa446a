package io.github.harnessreactive.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A child JVM on this process's class path, whose output lines can be awaited. */
final class Jvm implements AutoCloseable {

  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private Jvm(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      } finally {
        lines.add(END);
      }
    }, "jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  static Jvm start(String heap, Map<String, String> environment, Class<?> main, Object... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), main.getName()));
    for (Object arg : args) {
      command.add(String.valueOf(arg));
    }
    // the children's logs and errors, for when a run goes wrong
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "benchmark-children.log").toFile()));
    builder.environment().putAll(environment);
    try {
      return new Jvm(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first output line containing {@code marker}. */
  String await(String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null || END.equals(line)) {
          throw new IllegalStateException("no line with '" + marker + "' from the child JVM (exit "
              + (process.isAlive() ? "none yet" : process.exitValue()) + ")");
        }
        if (line.contains(marker)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code RESULT key=value ...} line of a client run, as a map. */
  Map<String, String> result(Duration timeout) {
    String line = await("RESULT ", timeout);
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : line.substring(line.indexOf("RESULT ") + 7).split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }

  /** Waits for the process to end by itself; its exit code. */
  int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the child JVM did not end within " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
