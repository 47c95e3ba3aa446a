package io.github.harnessreactive.simulator;

import java.util.Optional;

/** {@link FaultSchedule#none()}: one instance, so the simulator can skip counting attempts when there is no plan. */
enum NoFaultSchedule implements FaultSchedule {
  INSTANCE;

  @Override
  public Optional<FaultKind> fault(long pageIndex, int attempt) {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "FaultSchedule.none()";
  }
}
