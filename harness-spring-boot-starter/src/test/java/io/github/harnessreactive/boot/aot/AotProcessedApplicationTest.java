package io.github.harnessreactive.boot.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.boot.aotsample.AotSampleApplication;
import io.github.harnessreactive.simulator.HarnessSimulatorExtension;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample application as Spring AOT left it at build time ({@code process-aot} in the starter's
 * pom writes {@code target/aot-sample}): started in a child JVM in AOT mode against the simulator,
 * and the native-image metadata generated from our hints. There is no GraalVM here; this is what
 * can be checked without one.
 */
class AotProcessedApplicationTest {

  private static final Path SAMPLE = Path.of("target", "aot-sample");

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withState(false).withDefaultListSize(3)); // sampled projects, three of them

  @Test
  void theProcessedApplicationStartsInAotModeAndListsAndDecodesAPage() throws IOException, InterruptedException {
    assertThat(SAMPLE.resolve("classpath.txt")).as("written by the build (process-test-classes): run through Maven").exists();
    String classPath = SAMPLE.resolve("classes") + File.pathSeparator + Files.readString(SAMPLE.resolve("classpath.txt")).strip();
    Path log = SAMPLE.resolve("run.log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dspring.aot.enabled=true", "-cp", classPath, AotSampleApplication.class.getName(),
        "--harness.base-url=" + harness.simulator().baseUrl(), "--harness.api-key=" + SimulatorOptions.DEMO_API_KEY)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(exited).as("exited within 60 s:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit code:%n%s", output).isZero();
    assertThat(output).contains("AOT-SAMPLE aot=true projects=3 first=");
  }

  @Test
  void theGeneratedNativeImageMetadataCarriesOurHints() throws IOException {
    Path metadata = SAMPLE.resolve(Path.of("resources", "META-INF", "native-image", "io.github.harnessreactive",
        "harness-spring-boot-starter", "reachability-metadata.json"));
    assertThat(metadata).as("written by process-aot").exists();
    assertThat(Files.readString(metadata).replace("\\/", "/"))
        .contains("io.github.harnessreactive.generated.platform.ng.model.ProjectResponse")
        .contains("io.github.harnessreactive.generated.sei.v2.model.CloudIdentity")
        .contains("io.github.harnessreactive.generated.sei.v1.invoker.ApiClient")
        .contains("META-INF/harness/operation-catalogue.json")
        .contains("openapi/sei-v1.yaml");
  }
}
