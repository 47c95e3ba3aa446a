package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.platform.Scope;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Told to, the JUnit extension keeps the state from one test to the next. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedStateTest {

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension().sharingStateAcrossTests();

  @Test
  @Order(1)
  void first(HarnessSimulator simulator) {
    simulator.resources().put(ResourceType.PROJECT, Scope.org("default"), Map.of("identifier", "kept", "name", "Kept"));
  }

  @Test
  @Order(2)
  void secondSeesIt(HarnessSimulator simulator) {
    assertThat(simulator.resources().get(ResourceType.PROJECT, Scope.org("default"), "kept")).isPresent();
  }
}
