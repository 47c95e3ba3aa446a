package io.github.harnessreactive.examples;

/**
 * The README's main example: the {@linkplain PullRequestExporter pull request exporter}, run by
 * {@code ./mvnw -q -Prun-example -pl examples -am verify -DskipTests} inside Maven's JVM, so it
 * never calls {@code System.exit}: a failed export ends with an exception whose message is the
 * reason on one line, and Maven exits non-zero. Run again, it resumes where it stopped.
 */
public final class StreamPullRequests {

  private StreamPullRequests() {
  }

  /** Exports by the environment (see {@link PullRequestExporter.Options#fromEnvironment}) and prints the summary. */
  public static void main(String[] args) {
    System.out.println(PullRequestExporter.export(PullRequestExporter.Options.fromEnvironment(System.getenv()), System.out));
  }
}
