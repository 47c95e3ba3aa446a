package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension gives each test a fresh simulator: the second test creates the first's project again. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTest {

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension();

  static void createTheSameProject(HarnessSimulator simulator) {
    try (HarnessClient client = TestClients.platform(simulator)) {
      PlatformClient.of(client).projects().create(new Project().orgIdentifier("default").identifier("same").name("Same"))
          .block(Duration.ofSeconds(10));
    }
  }

  @Test
  @Order(1)
  void first(HarnessSimulator simulator) {
    createTheSameProject(simulator);
    assertThat(simulator.stats().requests()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void secondCreatesTheSameIdentifierAgain(HarnessSimulator simulator) {
    assertThat(simulator.resources().list(ResourceType.PROJECT, Scope.org("default"))).isEmpty();
    assertThat(simulator.stats().requests()).isZero();
    createTheSameProject(simulator); // a duplicate, were the state kept
    assertThat(simulator.resources().list(ResourceType.ORGANIZATION, Scope.account())).extracting(o -> o.get("identifier"))
        .containsExactly("default");
  }
}
