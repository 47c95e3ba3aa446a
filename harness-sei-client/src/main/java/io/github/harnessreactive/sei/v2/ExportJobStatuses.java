package io.github.harnessreactive.sei.v2;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the statuses of an SEI 2.0 export job mean: which say the file is ready, which say the job
 * ended without one, and which are known to mean "still working". Statuses are compared ignoring
 * case (SEI writes {@code COMPLETED} in lists and {@code completed} in some answers). A status in
 * none of the three sets is not an end: the export keeps waiting for it to change until
 * {@link ExportOptions#maxWait()}, then fails saying the job stayed in a status the client does
 * not know. Immutable.
 */
public final class ExportJobStatuses {

  private static final ExportJobStatuses DOCUMENTED = new ExportJobStatuses(
      Set.of("COMPLETED"), Set.of("FAILED", "CANCELLED"), Set.of("QUEUED", "PROCESSING"));

  private final Set<String> done;
  private final Set<String> failed;
  private final Set<String> pending;

  private ExportJobStatuses(Set<String> done, Set<String> failed, Set<String> pending) {
    this.done = done;
    this.failed = failed;
    this.pending = pending;
  }

  /**
   * The statuses SEI lists for its export jobs: done {@code COMPLETED}; ended without a file
   * {@code FAILED} and {@code CANCELLED}; working {@code QUEUED} and {@code PROCESSING}. They come
   * from the status filter of the export lists (developer-hub SEI 2.0 reference) and the export
   * record of Harness's npm client ({@code MetricsExport.status}), which adds {@code UNKNOWN}: an
   * export in that status keeps being watched until it changes or the wait ends. No source lists
   * the statuses of the asynchronous insights export jobs ({@code ExportJobDTO.status} is a free
   * string); these are used for them too, and {@link ExportOptions#withStatuses} changes them.
   */
  public static ExportJobStatuses documented() {
    return DOCUMENTED;
  }

  /**
   * Statuses of your own.
   *
   * @param done the statuses that say the file is ready (at least one)
   * @param failed the statuses that say the job ended without a file
   * @param pending the statuses known to mean the job is still working (others are waited on too,
   *     but reported as unknown if the wait ends)
   * @throws IllegalArgumentException when {@code done} is empty, a status is blank, or a status is
   *     in two of the sets
   * @throws NullPointerException when a collection or a status is {@code null}
   */
  public static ExportJobStatuses of(Collection<String> done, Collection<String> failed, Collection<String> pending) {
    Set<String> d = normalised(done);
    Set<String> f = normalised(failed);
    Set<String> p = normalised(pending);
    if (d.isEmpty()) {
      throw new IllegalArgumentException("at least one status must say the export is done");
    }
    Set<String> all = new HashSet<>();
    for (Set<String> set : List.of(d, f, p)) {
      for (String status : set) {
        if (!all.add(status)) {
          throw new IllegalArgumentException("status " + status + " is in two of done, failed and pending");
        }
      }
    }
    return new ExportJobStatuses(d, f, p);
  }

  /** Whether the status says the file is ready. */
  public boolean isDone(String status) {
    return done.contains(key(status));
  }

  /** Whether the status says the job ended without a file. */
  public boolean isFailed(String status) {
    return failed.contains(key(status));
  }

  /** Whether the status is one of the three sets (a {@code null} status is not). */
  public boolean isKnown(String status) {
    String key = key(status);
    return done.contains(key) || failed.contains(key) || pending.contains(key);
  }

  @Override
  public String toString() {
    return "ExportJobStatuses[done=" + done + ", failed=" + failed + ", pending=" + pending + "]";
  }

  private static String key(String status) {
    return status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
  }

  private static Set<String> normalised(Collection<String> statuses) {
    return statuses.stream().map(status -> {
      if (status.isBlank()) {
        throw new IllegalArgumentException("a status must not be blank");
      }
      return key(status);
    }).collect(Collectors.toUnmodifiableSet());
  }
}
