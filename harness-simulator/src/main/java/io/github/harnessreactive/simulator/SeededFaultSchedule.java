package io.github.harnessreactive.simulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@link FaultSchedule#seeded}: attempt k of a page (k up to the maximum) fails with probability
 * q, drawn from a generator seeded with the seed, the page and k. A page then fails
 * q + q² + ... + q^N times on average and is asked for once more than that, so the share of
 * failed attempts is F / (1 + F) with F that sum; q is solved from the share asked for.
 */
final class SeededFaultSchedule implements FaultSchedule {

  private final long seed;
  private final int maxFailuresPerPage;
  private final List<FaultKind> kinds;
  private final double perAttempt;

  SeededFaultSchedule(long seed, double share, int maxFailuresPerPage, EnumSet<FaultKind> kinds) {
    if (maxFailuresPerPage < 0) {
      throw new IllegalArgumentException("maxFailuresPerPage must not be negative");
    }
    double reachable = maxFailuresPerPage / (maxFailuresPerPage + 1.0);
    if (!(share >= 0) || (share > 0 && share >= reachable)) {
      throw new IllegalArgumentException("a share of " + share + " cannot be reached with at most " + maxFailuresPerPage
          + " failures per page (the share must be at least 0 and below " + reachable + ")");
    }
    this.seed = seed;
    this.maxFailuresPerPage = maxFailuresPerPage;
    this.kinds = List.copyOf(kinds);
    this.perAttempt = perAttemptProbability(share / (1 - share), maxFailuresPerPage);
  }

  /** The q for which q + q² + ... + q^n equals the expected failures per page, by bisection. */
  private static double perAttemptProbability(double failuresPerPage, int n) {
    double low = 0;
    double high = 1;
    for (int i = 0; i < 60; i++) {
      double q = (low + high) / 2;
      double sum = 0;
      double power = 1;
      for (int k = 1; k <= n; k++) {
        power *= q;
        sum += power;
      }
      if (sum < failuresPerPage) {
        low = q;
      } else {
        high = q;
      }
    }
    return low;
  }

  @Override
  public Optional<FaultKind> fault(long pageIndex, int attempt) {
    if (attempt < 1 || attempt > maxFailuresPerPage || perAttempt == 0) {
      return Optional.empty();
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L ^ pageIndex * 0xC2B2_AE3D_27D4_EB4FL
        ^ attempt * 0x1656_67B1_9E37_79F9L);
    if (random.nextDouble() >= perAttempt) {
      return Optional.empty();
    }
    return Optional.of(kinds.get(random.nextInt(kinds.size())));
  }

  @Override
  public String toString() {
    return "FaultSchedule.seeded(seed=" + seed + ", perAttempt=" + perAttempt + ", maxFailuresPerPage=" + maxFailuresPerPage
        + ", kinds=" + kinds + ")";
  }
}
