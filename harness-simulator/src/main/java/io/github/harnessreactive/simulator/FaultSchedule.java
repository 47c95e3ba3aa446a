package io.github.harnessreactive.simulator;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A deterministic plan of failures for list pages: for the page index a request asks for (in the
 * query or the body, as the operation's paging says) and the attempt number at that page (1 for
 * the first request of that operation, page index and key, 2 for the next, and so on), whether and
 * how that attempt fails. Only requests that pass the credential check and the request limit
 * count as attempts, so a 429 from the limit never shifts the plan. {@link HarnessSimulator#reset()}
 * starts counting attempts again.
 *
 * <p>Write one as a function of page index and attempt, or take the seeded preset:
 *
 * <pre>{@code
 * // the first request of page 3 is reset, the second answers 503, the third succeeds
 * FaultSchedule explicit = (page, attempt) -> page == 3 && attempt <= 2
 *     ? Optional.of(attempt == 1 ? FaultKind.CONNECTION_RESET : FaultKind.SERVICE_UNAVAILABLE)
 *     : Optional.empty();
 *
 * // about 20 % of attempts fail, no page more than twice, the same plan in every run and process
 * FaultSchedule seeded = FaultSchedule.seeded(42, 0.20, 2,
 *     EnumSet.of(FaultKind.CONNECTION_RESET, FaultKind.BAD_GATEWAY_HTML, FaultKind.SERVICE_UNAVAILABLE));
 * }</pre>
 *
 * <p>Implementations must be thread-safe and answer the same for the same arguments.
 */
@FunctionalInterface
public interface FaultSchedule {

  /**
   * How an attempt at a page fails.
   *
   * @param pageIndex the 0-based page index the request asks for
   * @param attempt the 1-based attempt number at that page
   * @return the fault, or empty for a normal answer
   */
  Optional<FaultKind> fault(long pageIndex, int attempt);

  /** A schedule with no faults (always the same instance). */
  static FaultSchedule none() {
    return NoFaultSchedule.INSTANCE;
  }

  /**
   * A repeatable schedule in which about {@code share} of all attempts fail, each page failing at
   * most {@code maxFailuresPerPage} times (so with 2, every page succeeds by its third attempt).
   * Each attempt's fate depends only on the seed, the page index and the attempt number, never on
   * the order or timing of requests, so two runs, even in two processes, see the same plan.
   *
   * @param seed the seed of the plan
   * @param share the share of attempts that fail, at least 0 and below
   *     {@code maxFailuresPerPage / (maxFailuresPerPage + 1)} (the share when every allowed attempt fails)
   * @param maxFailuresPerPage how many attempts of one page may fail at most
   * @param kinds the kinds of fault to draw from, evenly
   * @return the schedule
   * @throws IllegalArgumentException when the share cannot be reached with that many failures per
   *     page, the maximum is negative, or no kind is given
   * @throws NullPointerException when {@code kinds} is {@code null}
   */
  static FaultSchedule seeded(long seed, double share, int maxFailuresPerPage, Set<FaultKind> kinds) {
    Objects.requireNonNull(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a seeded fault schedule needs at least one kind of fault");
    }
    return new SeededFaultSchedule(seed, share, maxFailuresPerPage, EnumSet.copyOf(kinds));
  }
}
