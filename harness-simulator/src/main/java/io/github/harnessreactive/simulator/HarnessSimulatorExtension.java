package io.github.harnessreactive.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link HarnessSimulator} for a test class: started before the first test, stopped after
 * the last, and injected into test methods and constructors that take a {@code HarnessSimulator}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static HarnessSimulatorExtension harness =
 *     new HarnessSimulatorExtension(SimulatorOptions.defaults().withListSize("listScmPullRequests", 5_000));
 *
 * @Test
 * void streams(HarnessSimulator simulator) { ... simulator.baseUrl() ... }
 * }</pre>
 */
public final class HarnessSimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private final SimulatorOptions options;
  private HarnessSimulator simulator;

  public HarnessSimulatorExtension() {
    this(SimulatorOptions.defaults());
  }

  public HarnessSimulatorExtension(SimulatorOptions options) {
    this.options = options;
  }

  /** The running simulator (between the first and the last test of the class). */
  public HarnessSimulator simulator() {
    if (simulator == null) {
      throw new IllegalStateException("the simulator runs only while the test class runs");
    }
    return simulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    simulator = HarnessSimulator.start(options);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HarnessSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulator();
  }
}
