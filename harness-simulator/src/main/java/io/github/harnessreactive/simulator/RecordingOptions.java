package io.github.harnessreactive.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where a {@link HarnessRecorder} forwards to and writes, and what it removes. Immutable.
 *
 * @param target the Harness to record, such as {@code https://app.harness.io}
 * @param directory where the stubs go (its {@code mappings} folder)
 * @param replaceAccountIds whether account ids seen in requests are replaced, in URLs, headers and
 *     bodies, by {@link SimulatorOptions#DEMO_ACCOUNT} (so the stubs replay to a client of the
 *     simulator's demo key); ids shorter than 6 characters are kept
 * @param secrets more values to remove wherever they appear (a secret's value the test creates, say)
 * @param port the port to listen on (0: any free port)
 * @param bindAddress the address to listen on (loopback by default)
 */
public record RecordingOptions(URI target, Path directory, boolean replaceAccountIds, Set<String> secrets, int port,
    String bindAddress) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when the target is not an absolute http(s) URL or the port is negative
   */
  public RecordingOptions {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme()) || target.getHost() == null) {
      throw new IllegalArgumentException("the target must be an absolute http or https URL");
    }
    if (port < 0) {
      throw new IllegalArgumentException("port must not be negative");
    }
    secrets = Set.copyOf(secrets);
  }

  /**
   * Records the Harness at {@code target} into {@code directory}, replacing account ids, on any
   * free loopback port.
   *
   * @throws IllegalArgumentException when the target is not an absolute http(s) URL
   */
  public static RecordingOptions of(String target, Path directory) {
    return new RecordingOptions(URI.create(target), directory, true, Set.of(), 0, SimulatorOptions.LOOPBACK);
  }

  /** Whether account ids are replaced by {@link SimulatorOptions#DEMO_ACCOUNT}. */
  public RecordingOptions withAccountIdsReplaced(boolean replace) {
    return new RecordingOptions(target, directory, replace, secrets, port, bindAddress);
  }

  /** More values to remove wherever they appear. */
  public RecordingOptions withSecrets(String... values) {
    Set<String> all = new HashSet<>(secrets);
    all.addAll(Set.of(values));
    return new RecordingOptions(target, directory, replaceAccountIds, all, port, bindAddress);
  }

  /** Listens on this port. */
  public RecordingOptions withPort(int port) {
    return new RecordingOptions(target, directory, replaceAccountIds, secrets, port, bindAddress);
  }

  @Override
  public String toString() {
    return "RecordingOptions[target=" + target + ", directory=" + directory + ", replaceAccountIds=" + replaceAccountIds
        + ", secrets=" + secrets.size() + " (not shown), port=" + port + ", bindAddress=" + bindAddress + "]";
  }
}
