package io.github.harnessreactive.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link HarnessSimulator} for a test class: started before the first test, stopped after
 * the last, {@linkplain HarnessSimulator#reset() reset} before each test (so every test starts
 * with the {@code default} organization only, and counters at zero) unless
 * {@link #sharingStateAcrossTests()} says otherwise, and injected into test methods and
 * constructors that take a {@code HarnessSimulator}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static HarnessSimulatorExtension harness = new HarnessSimulatorExtension();
 *
 * @Test
 * void createsAProject(HarnessSimulator simulator) { ... simulator.baseUrl() ... }
 * }</pre>
 */
public final class HarnessSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
    ParameterResolver {

  private final SimulatorOptions options;
  private final boolean resetEachTest;
  private HarnessSimulator simulator;

  /** A simulator with {@link SimulatorOptions#defaults()}. */
  public HarnessSimulatorExtension() {
    this(SimulatorOptions.defaults());
  }

  /** A simulator with these options. */
  public HarnessSimulatorExtension(SimulatorOptions options) {
    this(options, true);
  }

  private HarnessSimulatorExtension(SimulatorOptions options, boolean resetEachTest) {
    this.options = options;
    this.resetEachTest = resetEachTest;
  }

  /**
   * The same extension, but the simulator keeps its state from one test to the next (for a class
   * that sets up its data once, in {@code @BeforeAll}).
   */
  public HarnessSimulatorExtension sharingStateAcrossTests() {
    return new HarnessSimulatorExtension(options, false);
  }

  /**
   * The running simulator (between the first and the last test of the class).
   *
   * @throws IllegalStateException outside that time
   */
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
  public void beforeEach(ExtensionContext context) {
    if (resetEachTest) {
      simulator().reset();
    }
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
